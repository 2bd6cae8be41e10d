import type { FriendRequest, Group, Message, Notification, PublicUser, User } from './types.js';

/** A receipt watermark: `upToSeq` is a conversation seq. */
export interface ReceiptData {
  conversationId: string;
  userId: string;
  upToSeq: number;
  at: string;
}

/** `group.*`: the group after the change, and whom it concerned. */
export interface GroupEventData {
  group: Group;
  userId?: string;
  role?: 'owner' | 'admin' | 'member';
}

/** `conversation.read` (upToSeq) and `conversation.updated` (muted), to your own devices. */
export interface ConversationEventData {
  conversationId: string;
  upToSeq?: number;
  muted?: boolean;
}

/** `message.reaction`: someone added or took back a reaction; `count` is the new total for that emoji. */
export interface ReactionEventData {
  conversationId: string;
  messageId: string;
  emoji: string;
  userId: string;
  action: 'added' | 'removed';
  count: number;
}

/**
 * HAND-KEPT: the durable event types of the server (src/events/catalog.ts) and their `data`.
 * Objects come from the generated OpenAPI types; the few shapes no REST operation returns are
 * declared above. test/events.test.ts fails when the server has a type that is not mapped here.
 */
export interface DurableEvents {
  'message.created': Message;
  'message.updated': Message;
  'message.deleted': Message;
  'message.delivered': ReceiptData;
  'message.read': ReceiptData;
  'message.reaction': ReactionEventData;
  'friend.request_received': FriendRequest;
  'friend.request_sent': FriendRequest;
  'friend.request_accepted': FriendRequest;
  'friend.request_declined': FriendRequest;
  'friend.request_cancelled': FriendRequest;
  'friend.removed': { userId: string };
  'block.created': { userId: string };
  'block.removed': { userId: string };
  'group.created': GroupEventData;
  'group.updated': GroupEventData;
  'group.member_added': GroupEventData;
  'group.member_removed': GroupEventData;
  'conversation.read': ConversationEventData;
  'conversation.updated': ConversationEventData;
  'notification.created': Notification;
  'notification.updated': Notification;
  /** In the contract (API.md): your devices marked notifications read. */
  'notification.read': { ids: string[] } | { all: true };
  /** `User` when it is your own profile, `PublicUser` for a friend's. */
  'profile.updated': User | PublicUser;
  'session.revoked': { sessionIds: string[] };
  /** The push service or gateway refused one of your push subscriptions; it is deleted. */
  'push.subscription_removed': { id: string };
}

export type DurableEventType = keyof DurableEvents;

/** Every key of DurableEvents, for the test that compares it with the server's catalog. */
export const durableEventTypes = Object.keys({
  'message.created': 1,
  'message.updated': 1,
  'message.deleted': 1,
  'message.delivered': 1,
  'message.read': 1,
  'message.reaction': 1,
  'friend.request_received': 1,
  'friend.request_sent': 1,
  'friend.request_accepted': 1,
  'friend.request_declined': 1,
  'friend.request_cancelled': 1,
  'friend.removed': 1,
  'block.created': 1,
  'block.removed': 1,
  'group.created': 1,
  'group.updated': 1,
  'group.member_added': 1,
  'group.member_removed': 1,
  'conversation.read': 1,
  'conversation.updated': 1,
  'notification.created': 1,
  'notification.updated': 1,
  'notification.read': 1,
  'profile.updated': 1,
  'session.revoked': 1,
  'push.subscription_removed': 1,
} satisfies Record<DurableEventType, 1>) as DurableEventType[];

/** A durable event as handed to the app: its per-user `seq`, type and data. */
export type DurableEvent = { [K in DurableEventType]: { seq: number; type: K; data: DurableEvents[K] } }[DurableEventType];

/** Ephemeral frames: never stored, never replayed. */
export interface EphemeralEvents {
  'presence.updated': { userId: string; online: boolean; lastSeenAt: string | null };
  typing: { userId: string; conversationId: string; groupId: string | null };
}

/** `ready`, the first frame of every connection. */
export interface ReadyData {
  user: User;
  /** The latest seq of your log when the connection opened. */
  seq: number;
  sessionId: string;
}
