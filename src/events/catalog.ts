import type { Static, TSchema } from '@fastify/type-provider-typebox';
import { FriendRequestSchema } from '../modules/friends/friends.schemas.js';
import { MessageSchema, WatermarkSchema } from '../modules/messages/messages.schemas.js';
import { ReactionEventSchema } from '../modules/messages/reactions.schemas.js';
import { NotificationSchema } from '../modules/notifications/notifications.schemas.js';
import {
  ConversationReadSchema,
  ConversationUpdatedSchema,
  GroupEventSchema,
  NotificationReadSchema,
  ProfileSchema,
  PushSubscriptionRemovedSchema,
  SessionsRevokedSchema,
  UserRefSchema,
} from './payloads.js';

interface EventDescription {
  /** The schema of the event's `data`. */
  payload: TSchema;
  /** Who receives it (the AsyncAPI document says so). */
  to: string;
}

/**
 * Every durable event type a client can receive, with the schema of its `data`: the one source of
 * `emit`'s types, the AsyncAPI document (`docs/asyncapi.yaml`) and the client library's event types.
 */
export const durableEvents = {
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
} satisfies Record<string, EventDescription>;

export type DurableEventType = keyof typeof durableEvents;

export const durableEventTypes = Object.keys(durableEvents) as DurableEventType[];

/** The `data` of a durable event type. */
export type DurableEventData<T extends DurableEventType> = Static<(typeof durableEvents)[T]['payload']>;

/** Events no client receives, only the operator's webhook (`docs/webhooks.md`), with their `data`. */
export interface OperatorEvents {
  'user.created': { id: string; username: string; createdAt: string };
  'user.deleted': { id: string };
}

export type OperatorEventType = keyof OperatorEvents;

export const operatorEventTypes = ['user.created', 'user.deleted'] as const satisfies readonly OperatorEventType[];

export type EventType = DurableEventType | OperatorEventType;

/**
 * What `emit` takes: a durable event goes to the log of each user in `to`, in the caller's
 * transaction; an operator event has no `to` (only event sinks see it). A wrong type or a `data`
 * that does not match its schema fails to compile.
 */
export type Emitted<T extends EventType> = { type: T } & (T extends DurableEventType
  ? { data: DurableEventData<T>; to: readonly string[] }
  : T extends OperatorEventType
    ? { data: OperatorEvents[T]; to?: undefined }
    : never);

/** Any durable event, as the log and event sinks see it. */
export type PendingEvent = { [T in DurableEventType]: Emitted<T> }[DurableEventType];

/** Any operator event. */
export type OperatorEvent = { [T in OperatorEventType]: Emitted<T> }[OperatorEventType];

/** What a recipient receives (and what replay returns): the stored `data`, not parsed again. */
export interface LoggedEvent {
  seq: number;
  type: DurableEventType;
  data: unknown;
}

/**
 * The one bus message per committed transaction: who has new events, up to which seq. When the
 * payloads are small (most transactions), they ride along: `events` holds each event's type and
 * JSON text once, and a user's third element lists the event index of each of its new seqs, the
 * last one being `seq` (a transaction gives each recipient consecutive seqs). A node whose
 * sockets already hold everything before them sends these straight away, without reading the
 * log back; any other node, or a socket with a gap, reads the log as before.
 */
export interface WakeUp {
  users: [userId: string, seq: number, events?: number[]][];
  events?: [type: DurableEventType, json: string][];
}

export const BUS_EVENTS_CHANNEL = 'events';

/** Ephemeral frames (presence, typing) between nodes: `{ users, frame }`, never stored. */
export const BUS_EPHEMERAL_CHANNEL = 'ephemeral';

export interface EphemeralMessage {
  users: string[];
  frame: { type: string; data: unknown };
}
