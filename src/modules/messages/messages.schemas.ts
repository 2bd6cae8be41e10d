import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable, Text } from '../../lib/schemas.js';
import { FileSchema } from '../files/files.schemas.js';

export const MessageStatusSchema = Type.Union([Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('read')]);
export type MessageStatus = Static<typeof MessageStatusSchema>;

export const ReplyPreviewSchema = Type.Object(
  {
    id: IdSchema,
    senderId: Nullable(IdSchema),
    text: Nullable(Type.String({ description: 'null when the original was deleted or had no text' })),
  },
  { title: 'ReplyPreview' },
);
export type ReplyPreviewDto = Static<typeof ReplyPreviewSchema>;

export const ReactionSchema = Type.Object(
  {
    emoji: Type.String({ description: 'One emoji grapheme or a `:shortcode:`' }),
    count: Type.Integer({ minimum: 1 }),
    me: Type.Boolean({
      description: 'Whether you reacted so (over REST; in events only on the copy addressed to you alone, else false)',
    }),
  },
  { title: 'Reaction' },
);
export type ReactionDto = Static<typeof ReactionSchema>;

export const MessageSchema = Type.Object(
  {
    id: IdSchema,
    conversationId: IdSchema,
    groupId: Nullable(IdSchema),
    senderId: Nullable(IdSchema),
    recipientId: Nullable(IdSchema),
    seq: Type.Integer({ description: 'Position in its conversation: increases by one per message' }),
    type: Type.Union([Type.Literal('text'), Type.Literal('system')]),
    text: Nullable(Type.String()),
    attachments: Type.Array(FileSchema),
    replyTo: Nullable(ReplyPreviewSchema),
    mentions: Type.Array(IdSchema, { description: 'Mentioned user ids (members only)' }),
    system: Nullable(
      Type.Object({ kind: Type.String() }, { additionalProperties: true, description: 'What a `system` message records' }),
    ),
    clientMessageId: Nullable(Type.String()),
    createdAt: DateTimeSchema,
    editedAt: Nullable(DateTimeSchema),
    deletedAt: Nullable(DateTimeSchema),
    status: Nullable(
      Type.Union([Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('read')], {
        description: 'On your own messages in direct chats: sent, delivered or read by the peer; null otherwise',
      }),
    ),
    reactions: Type.Array(ReactionSchema, { description: 'Counted per emoji, in order of first use; empty once deleted' }),
    pinnedAt: Nullable(DateTimeSchema),
    pinnedBy: Nullable(IdSchema),
  },
  { title: 'Message' },
);
export type MessageDto = Static<typeof MessageSchema>;

export const SendMessageSchema = Type.Object(
  {
    recipientId: Type.Optional(IdSchema),
    groupId: Type.Optional(IdSchema),
    text: Type.Optional(Text({ description: 'Up to MAX_MESSAGE_LENGTH (default 4000) characters' })),
    attachmentIds: Type.Optional(Type.Array(IdSchema, { maxItems: 10, uniqueItems: true, description: 'Files you uploaded' })),
    replyToId: Type.Optional(IdSchema),
    mentions: Type.Optional(Type.Array(IdSchema, { maxItems: 100, uniqueItems: true })),
    clientMessageId: Type.Optional(
      Text({
        minLength: 1,
        maxLength: 64,
        description: 'Idempotency key: a retry with the same value returns the first message',
      }),
    ),
  },
  { additionalProperties: false, title: 'SendMessage' },
);
export type SendMessage = Static<typeof SendMessageSchema>;

export const EditMessageSchema = Type.Object(
  { text: Text({ minLength: 1 }) },
  { additionalProperties: false, title: 'EditMessage' },
);
export type EditMessage = Static<typeof EditMessageSchema>;

export const HistoryQuerySchema = Type.Object(
  {
    before: Type.Optional(IdSchema),
    after: Type.Optional(IdSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuerySchema>;

export const AroundHistoryQuerySchema = Type.Object(
  {
    before: Type.Optional(IdSchema),
    after: Type.Optional(IdSchema),
    around: Type.Optional(IdSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type AroundHistoryQuery = Static<typeof AroundHistoryQuerySchema>;

export const HistoryPageSchema = Type.Object(
  {
    messages: Type.Array(MessageSchema, { description: 'Oldest first' }),
    hasMore: Type.Boolean({
      description: 'More messages exist beyond this page in the direction asked (older without a cursor)',
    }),
    hasMoreBefore: Type.Optional(Type.Boolean({ description: 'With `around`: older messages exist' })),
    hasMoreAfter: Type.Optional(Type.Boolean({ description: 'With `around`: newer messages exist' })),
  },
  { title: 'MessagePage' },
);
export type HistoryPage = Static<typeof HistoryPageSchema>;

const ReceiptEntrySchema = Type.Object({ userId: IdSchema, at: DateTimeSchema });
export const ReceiptsSchema = Type.Object(
  { delivered: Type.Array(ReceiptEntrySchema), read: Type.Array(ReceiptEntrySchema) },
  { title: 'MessageReceipts', description: 'Members other than the sender who received / read the message, and when' },
);
export type ReceiptsDto = Static<typeof ReceiptsSchema>;

export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
export const GroupParamsSchema = Type.Object({ groupId: IdSchema }, { additionalProperties: false });
export const ConversationParamsSchema = Type.Object({ conversationId: IdSchema }, { additionalProperties: false });

export const WatermarkSchema = Type.Object(
  {
    conversationId: IdSchema,
    userId: Type.String({ format: 'uuid', description: 'Who received (delivered) or read' }),
    upToSeq: Type.Integer({ minimum: 0, description: 'A conversation seq: every message up to it is covered' }),
    at: DateTimeSchema,
  },
  { title: 'Watermark', description: 'message.delivered / message.read' },
);
/** `message.delivered` / `message.read` event data. */
export type WatermarkEvent = Static<typeof WatermarkSchema>;

/** What a `system` message records; rendered by clients. */
export type SystemMessageData =
  | { kind: 'group_created'; name: string }
  | { kind: 'group_renamed'; name: string; previousName: string }
  | { kind: 'group_description_changed' }
  | { kind: 'group_picture_changed' }
  | { kind: 'member_added'; userId: string }
  | { kind: 'member_removed'; userId: string }
  | { kind: 'member_left'; userId: string }
  | { kind: 'role_changed'; userId: string; role: string }
  | { kind: 'message_pinned'; messageId: string }
  | { kind: 'message_unpinned'; messageId: string };
