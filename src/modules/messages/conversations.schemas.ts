import { Type, type Static } from '@fastify/type-provider-typebox';
import { IdSchema, NextCursorSchema, Nullable } from '../../lib/schemas.js';
import { GroupSchema } from '../groups/groups.schemas.js';
import { MessageSchema } from './messages.schemas.js';
import { PublicUserSchema } from '../users/users.schemas.js';

export const ConversationSchema = Type.Object(
  {
    id: IdSchema,
    type: Type.Union([Type.Literal('direct'), Type.Literal('group')]),
    peer: Nullable(PublicUserSchema),
    group: Nullable(GroupSchema),
    lastMessage: Nullable(MessageSchema),
    unreadCount: Type.Integer({ description: "Others' non-deleted messages above your read watermark" }),
    muted: Type.Boolean({ description: 'A muted conversation makes no `message` notifications (mentions still do)' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Last activity' }),
  },
  { title: 'Conversation' },
);
export type ConversationDto = Static<typeof ConversationSchema>;

export const ConversationPageSchema = Type.Object(
  { conversations: Type.Array(ConversationSchema), nextCursor: NextCursorSchema },
  { title: 'ConversationPage' },
);
export type ConversationPage = Static<typeof ConversationPageSchema>;

export const ConversationSettingsSchema = Type.Object(
  { muted: Type.Boolean({ description: 'Mute `message` notifications of this conversation' }) },
  { additionalProperties: false, title: 'ConversationSettings' },
);
export type ConversationSettings = Static<typeof ConversationSettingsSchema>;
