/**
 * Every durable event type a client can receive, with the module that emits it. Payload shapes
 * are the API objects described in the OpenAPI document and docs/realtime.md.
 */
export const durableEventTypes = [
  'message.created',
  'message.updated',
  'message.deleted',
  'message.delivered',
  'message.read',
  'message.reaction',
  'friend.request_received',
  'friend.request_sent',
  'friend.request_accepted',
  'friend.request_declined',
  'friend.request_cancelled',
  'friend.removed',
  'block.created',
  'block.removed',
  'group.created',
  'group.updated',
  'group.member_added',
  'group.member_removed',
  'conversation.read',
  'conversation.updated',
  'notification.created',
  'notification.updated',
  'notification.read',
  'profile.updated',
  'session.revoked',
  'push.subscription_removed',
] as const;

export type DurableEventType = (typeof durableEventTypes)[number];

/** An event to append to the log of each user in `to`, in the caller's transaction. */
export interface PendingEvent {
  type: DurableEventType;
  data: unknown;
  to: readonly string[];
}

/** Events no client receives, only the operator's webhook (`docs/webhooks.md`). */
export const operatorEventTypes = ['user.created', 'user.deleted'] as const;

export type OperatorEventType = (typeof operatorEventTypes)[number];

/** Emitted like a durable event but appended to no log: only event sinks see it. */
export interface OperatorEvent {
  type: OperatorEventType;
  data: unknown;
  to?: undefined;
}

/** What a recipient receives (and what replay returns). */
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
