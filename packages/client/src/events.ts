import type { DurableEvents, ServerFrames } from './generated/events.js';

export { durableEventTypes } from './generated/events.js';
/** The `data` of each durable event type, generated from the server's event catalog. */
export type { DurableEvents };

/** A receipt watermark (`message.delivered`, `message.read`): `upToSeq` is a conversation seq. */
export type ReceiptData = DurableEvents['message.read'];

/** `group.*`: the group after the change, and whom it concerned. */
export type GroupEventData = DurableEvents['group.updated'];

/** `conversation.read` (upToSeq) and `conversation.updated` (muted), to your own devices. */
export type ConversationEventData = DurableEvents['conversation.read'] | DurableEvents['conversation.updated'];

/** `message.reaction`: someone added or took back a reaction; `count` is the new total for that emoji. */
export type ReactionEventData = DurableEvents['message.reaction'];

export type DurableEventType = keyof DurableEvents;

/** A durable event as handed to the app: its per-user `seq`, type and data. */
export type DurableEvent = { [K in DurableEventType]: { seq: number; type: K; data: DurableEvents[K] } }[DurableEventType];

/** Ephemeral frames: never stored, never replayed. */
export type EphemeralEvents = Pick<ServerFrames, 'presence.updated' | 'typing'>;

/** `ready`, the first frame of every connection. */
export type ReadyData = ServerFrames['ready'];
