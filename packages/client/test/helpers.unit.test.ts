import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyReaction, highlightParts, keepMyReactions, type Message, type ReactionEventData } from '../src/index.js';

const event = (change: Partial<ReactionEventData>): ReactionEventData => ({
  conversationId: 'c',
  messageId: 'm',
  emoji: '👍',
  userId: 'me',
  action: 'added',
  count: 1,
  ...change,
});

test('applyReaction: counts from the event, new emoji last, gone at 0, me only from your own events, idempotent', () => {
  let reactions = applyReaction([], event({ userId: 'bob' }), 'me');
  assert.deepEqual(reactions, [{ emoji: '👍', count: 1, me: false }]);
  reactions = applyReaction(reactions, event({ count: 2 }), 'me');
  assert.deepEqual(applyReaction(reactions, event({ count: 2 }), 'me'), reactions);
  reactions = applyReaction(reactions, event({ emoji: '🎉', userId: 'bob' }), 'me');
  assert.deepEqual(reactions, [
    { emoji: '👍', count: 2, me: true },
    { emoji: '🎉', count: 1, me: false },
  ]);
  reactions = applyReaction(reactions, event({ userId: 'bob', action: 'removed', count: 1 }), 'me');
  assert.deepEqual(reactions[0], { emoji: '👍', count: 1, me: true }, 'someone else took theirs back');
  reactions = applyReaction(reactions, event({ action: 'removed', count: 0 }), 'me');
  assert.deepEqual(reactions, [{ emoji: '🎉', count: 1, me: false }]);
});

test('keepMyReactions: your flags survive an event copy, for emoji still there', () => {
  const known = { reactions: [{ emoji: '👍', count: 1, me: true }] };
  const incoming = {
    id: 'm',
    reactions: [
      { emoji: '👍', count: 2, me: false },
      { emoji: '🎉', count: 1, me: false },
    ],
  } as unknown as Message;
  assert.deepEqual(keepMyReactions(incoming, known).reactions, [
    { emoji: '👍', count: 2, me: true },
    { emoji: '🎉', count: 1, me: false },
  ]);
  assert.equal(keepMyReactions(incoming, undefined), incoming);
});

test('highlightParts: UTF-16 offsets, surrogate pairs intact, unsorted or out-of-range offsets clamped', () => {
  const text = 'ok 👍🏽 Genève';
  assert.deepEqual(
    highlightParts(text, [
      { start: 8, end: 14 },
      { start: 3, end: 7 },
    ]),
    [
      { text: 'ok ', highlighted: false },
      { text: '👍🏽', highlighted: true },
      { text: ' ', highlighted: false },
      { text: 'Genève', highlighted: true },
    ],
  );
  assert.deepEqual(highlightParts('abc', []), [{ text: 'abc', highlighted: false }]);
  assert.deepEqual(
    highlightParts('abc', [
      { start: 1, end: 9 },
      { start: 0, end: 2 },
    ]),
    [
      { text: 'ab', highlighted: true },
      { text: 'c', highlighted: true },
    ],
  );
  assert.deepEqual(highlightParts('', [{ start: 0, end: 3 }]), []);
});
