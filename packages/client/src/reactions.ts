import type { ReactionEventData } from './events.js';
import type { Message, Reaction } from './types.js';

/**
 * A message's reactions after a `message.reaction` event: the emoji takes the event's `count`
 * (and goes away at 0; a new one is added last, as the server orders them by first use), and its
 * `me` follows the event when `userId` is you. Safe to apply twice.
 */
export function applyReaction(
  reactions: readonly Reaction[],
  event: ReactionEventData,
  myUserId: string | undefined,
): Reaction[] {
  const mine = event.userId === myUserId;
  const known = reactions.find((r) => r.emoji === event.emoji);
  if (event.count <= 0) return reactions.filter((r) => r.emoji !== event.emoji);
  const me = mine ? event.action === 'added' : (known?.me ?? false);
  if (!known) return [...reactions, { emoji: event.emoji, count: event.count, me }];
  return reactions.map((r) => (r.emoji === event.emoji ? { emoji: r.emoji, count: event.count, me } : r));
}

/**
 * A message that came in an event, with your own `me` flags taken from the copy you had: events
 * go to every member at once, so their `me` is true only on a copy addressed to you alone.
 */
export function keepMyReactions(incoming: Message, known: Pick<Message, 'reactions'> | undefined): Message {
  if (!known || known.reactions.length === 0) return incoming;
  const before = new Map(known.reactions.map((r) => [r.emoji, r.me]));
  return { ...incoming, reactions: incoming.reactions.map((r) => (r.me || !before.get(r.emoji) ? r : { ...r, me: true })) };
}
