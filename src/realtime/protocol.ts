import { Type, type TSchema } from '@fastify/type-provider-typebox';
import type { DurableEventType } from '../events/catalog.js';
import { DateTimeSchema, IdSchema, Nullable } from '../lib/schemas.js';
import { FriendRequestSchema } from '../modules/friends/friends.schemas.js';
import { GroupRoleSchema, GroupSchema } from '../modules/groups/groups.schemas.js';
import { MessageSchema } from '../modules/messages/messages.schemas.js';
import { ReactionEventSchema } from '../modules/messages/reactions.schemas.js';
import { NotificationSchema } from '../modules/notifications/notifications.schemas.js';
import { PublicUserSchema, UserSchema } from '../modules/users/users.schemas.js';
import { CloseCode } from './close-codes.js';
import { ClientFrameSchemas } from './frames.js';

// The WebSocket protocol as schemas: what each frame and each durable event carries. The AsyncAPI
// document (asyncapi.ts) is generated from these, so it names the same objects as OpenAPI.

const UserRefSchema = Type.Object(
  { userId: IdSchema },
  { title: 'UserRef', description: 'The other person (friend.removed) or the user blocked / unblocked (block.*)' },
);

const WatermarkSchema = Type.Object(
  {
    conversationId: IdSchema,
    userId: Type.String({ format: 'uuid', description: 'Who received (delivered) or read' }),
    upToSeq: Type.Integer({ minimum: 0, description: 'A conversation seq: every message up to it is covered' }),
    at: DateTimeSchema,
  },
  { title: 'Watermark', description: 'message.delivered / message.read' },
);

const GroupEventSchema = Type.Object(
  {
    group: GroupSchema,
    userId: Type.Optional(Type.String({ format: 'uuid', description: 'The member added or removed' })),
    role: Type.Optional(GroupRoleSchema),
  },
  { title: 'GroupEvent', description: '`group.myRole` is the recipient’s own role (a removed member gets the one they held)' },
);

const ConversationReadSchema = Type.Object(
  { conversationId: IdSchema, upToSeq: Type.Integer({ minimum: 0 }) },
  { title: 'ConversationRead', description: 'You read the conversation up to `upToSeq` (on any device)' },
);

const ConversationUpdatedSchema = Type.Object(
  { conversationId: IdSchema, muted: Type.Boolean() },
  { title: 'ConversationUpdated', description: 'Your settings of the conversation changed (on any device)' },
);

const NotificationReadSchema = Type.Union(
  [Type.Object({ ids: Type.Array(IdSchema) }), Type.Object({ all: Type.Literal(true) })],
  { title: 'NotificationRead', description: 'Notifications marked read on one of your devices' },
);

const SessionsRevokedSchema = Type.Object(
  { sessionIds: Type.Array(IdSchema) },
  { title: 'SessionsRevoked', description: 'The sockets of these sessions are then closed with 4001' },
);

const PushSubscriptionRemovedSchema = Type.Object(
  { id: IdSchema },
  { title: 'PushSubscriptionRemoved', description: 'The push service or gateway refused the subscription; subscribe again' },
);

const ProfileSchema = Type.Union([UserSchema, PublicUserSchema], {
  title: 'Profile',
  description: 'Your own `User` (to you) or a friend’s `PublicUser`',
});

interface EventDescription {
  payload: TSchema;
  /** Who receives it. */
  to: string;
}

/** The `data` of each durable event type; the type makes a new catalog entry without a payload fail to compile. */
export const DurableEventPayloads: { [K in DurableEventType]: EventDescription } = {
  'message.created': {
    payload: MessageSchema,
    to: 'the members of the conversation (the sender’s own copy has `clientMessageId`)',
  },
  'message.updated': { payload: MessageSchema, to: 'the members of the conversation' },
  'message.deleted': { payload: MessageSchema, to: 'the members of the conversation (a tombstone: `deletedAt` set, no text)' },
  'message.delivered': { payload: WatermarkSchema, to: 'the sender, when the recipient acks (direct chats only)' },
  'message.read': {
    payload: WatermarkSchema,
    to: 'the sender and the reader’s devices (in groups at most one per reader and conversation every 2 s)',
  },
  'message.reaction': {
    payload: ReactionEventSchema,
    to: 'the members of the conversation, when someone adds or takes back a reaction',
  },
  'friend.request_received': { payload: FriendRequestSchema, to: 'the addressee' },
  'friend.request_sent': { payload: FriendRequestSchema, to: 'the requester' },
  'friend.request_accepted': { payload: FriendRequestSchema, to: 'both' },
  'friend.request_declined': { payload: FriendRequestSchema, to: 'both' },
  'friend.request_cancelled': { payload: FriendRequestSchema, to: 'both' },
  'friend.removed': { payload: UserRefSchema, to: 'both (`userId` is the other person)' },
  'block.created': { payload: UserRefSchema, to: 'the blocker' },
  'block.removed': { payload: UserRefSchema, to: 'the blocker' },
  'group.created': { payload: GroupEventSchema, to: 'the members' },
  'group.updated': { payload: GroupEventSchema, to: 'the members' },
  'group.member_added': { payload: GroupEventSchema, to: 'the members, including the one added' },
  'group.member_removed': { payload: GroupEventSchema, to: 'the members and the one removed (or who left)' },
  'conversation.read': { payload: ConversationReadSchema, to: 'your own devices' },
  'conversation.updated': { payload: ConversationUpdatedSchema, to: 'your own devices' },
  'notification.created': { payload: NotificationSchema, to: 'the owner (stored kinds only)' },
  'notification.updated': { payload: NotificationSchema, to: 'the owner' },
  'notification.read': { payload: NotificationReadSchema, to: 'the owner’s devices' },
  'profile.updated': { payload: ProfileSchema, to: 'yourself (`User`) and your friends (`PublicUser`)' },
  'session.revoked': { payload: SessionsRevokedSchema, to: 'yourself' },
  'push.subscription_removed': { payload: PushSubscriptionRemovedSchema, to: 'the subscription’s owner' },
};

const frame = <T extends string>(type: T, data: TSchema | undefined, title: string, description: string) =>
  Type.Object(data ? { type: Type.Literal(type), data } : { type: Type.Literal(type) }, { title, description });

/** Frames the server sends that are not durable events. */
export const ServerFrameSchemas = {
  ready: frame(
    'ready',
    Type.Object({
      user: UserSchema,
      seq: Type.Integer({ minimum: 0, description: 'The latest durable seq at connect time' }),
      sessionId: IdSchema,
    }),
    'ReadyFrame',
    'Always the first frame after authentication',
  ),
  presence: frame(
    'presence.updated',
    Type.Object({ userId: IdSchema, online: Type.Boolean(), lastSeenAt: Nullable(DateTimeSchema) }),
    'PresenceFrame',
    'Ephemeral (never replayed): a friend came online or went offline (15 s after their last socket closed)',
  ),
  typing: frame(
    'typing',
    Type.Object({ userId: IdSchema, conversationId: IdSchema, groupId: Nullable(IdSchema) }),
    'TypingFrame',
    'Ephemeral: someone is typing; expires after 6 s unless repeated; not relayed in groups over 100 members',
  ),
  pong: frame('pong', undefined, 'PongFrame', 'Answers `ping`'),
  resync: frame(
    'resync_required',
    Type.Object({ seq: Type.Integer({ minimum: 0, description: 'Live events follow this seq' }) }),
    'ResyncRequiredFrame',
    '`since` is older than the retention window or above the latest seq: reload your state over REST',
  ),
  error: frame(
    'error',
    Type.Object({
      code: Type.String({
        examples: ['invalid_json', 'unknown_frame', 'validation_failed', 'payload_too_large', 'forbidden', 'not_found'],
      }),
      detail: Type.String(),
    }),
    'ErrorFrame',
    'Answers a bad client frame; the socket stays open',
  ),
};

export { ClientFrameSchemas, CloseCode };

/** What each close code means for a client (docs/realtime.md). */
export const CloseCodeMeanings: Record<number, string> = {
  [CloseCode.unauthorized]:
    'unauthorized: no or bad token, no `auth` frame within 10 s, token expired without a swap, or session revoked — refresh the token and reconnect, or sign in',
  [CloseCode.rateLimited]: 'rate limited: too many client frames — reconnect later with `since`',
  [CloseCode.tooSlow]: 'too slow: the client did not read fast enough — reconnect with `since`',
  [CloseCode.restarting]: 'server restarting — reconnect (to any node) with `since`',
  1009: 'a frame larger than 1 MiB',
};
