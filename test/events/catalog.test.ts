import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Value } from 'typebox/value';
import { durableEvents, durableEventTypes } from '../../src/events/catalog.js';
import type { Emit } from '../../src/events/transactor.js';

test('emit refuses an unknown event type or a payload that is not its schema (checked by tsc)', () => {
  const emitted: unknown[] = [];
  const emit: Emit = (event) => void emitted.push(event);
  const watermark = { conversationId: 'c', userId: 'u', upToSeq: 1, at: new Date(0).toISOString() };
  emit({ type: 'message.read', data: watermark, to: ['u'] });
  // @ts-expect-error not an event type of the catalog
  emit({ type: 'message.sent', data: watermark, to: ['u'] });
  // @ts-expect-error `message.read` carries a watermark, not a conversation read
  emit({ type: 'message.read', data: { conversationId: 'c', upToSeq: 1 }, to: ['u'] });
  // @ts-expect-error a durable event needs its recipients
  emit({ type: 'message.read', data: watermark });
  emit({ type: 'user.deleted', data: { id: 'u' } });
  assert.equal(emitted.length, 5);
});

test('every durable event type has a titled payload schema', () => {
  assert.deepEqual(durableEventTypes, Object.keys(durableEvents));
  for (const type of durableEventTypes) {
    const payload = durableEvents[type].payload as { title?: unknown };
    assert.ok(typeof payload.title === 'string', `${type} has a titled payload`);
  }
  assert.ok(Value.Check(durableEvents['session.revoked'].payload, { sessionIds: [] }));
});
