import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAckBatcher } from '../../src/modules/messages/ack-batcher.js';

test('acks of one round go out together, the highest seq per user', async () => {
  const rounds: Map<string, number>[] = [];
  const batcher = createAckBatcher({
    intervalMs: 5,
    flush: async (acks) => {
      rounds.push(new Map(acks));
      return new Map();
    },
    onError: (err) => assert.fail(String(err)),
  });
  await Promise.all([batcher.submit('a', 3), batcher.submit('a', 7), batcher.submit('a', 5), batcher.submit('b', 2)]);
  assert.deepEqual(rounds, [
    new Map([
      ['a', 7],
      ['b', 2],
    ]),
  ]);
  await batcher.submit('b', 4);
  assert.deepEqual(rounds[1], new Map([['b', 4]]));
  await batcher.close();
});

test('acks a round could not apply are retried in the next one; a failing round is reported, later ones go on', async () => {
  const rounds: Map<string, number>[] = [];
  const errors: unknown[] = [];
  let call = 0;
  const batcher = createAckBatcher({
    intervalMs: 5,
    flush: async (acks) => {
      call++;
      rounds.push(new Map(acks));
      if (call === 1) return new Map([['busy', acks.get('busy')!]]);
      if (call === 3) throw new Error('database down');
      return new Map();
    },
    onError: (err) => errors.push(err),
  });
  await Promise.all([batcher.submit('busy', 9), batcher.submit('free', 1)]);
  await batcher.submit('other', 2);
  assert.deepEqual(
    rounds[1],
    new Map([
      ['busy', 9],
      ['other', 2],
    ]),
    'the busy ack rides with the next round',
  );
  await batcher.submit('lost', 3);
  assert.equal(errors.length, 1);
  await batcher.submit('after', 4);
  assert.deepEqual(rounds.at(-1), new Map([['after', 4]]));
  await batcher.close();
});

test('close writes what is still queued', async () => {
  const rounds: Map<string, number>[] = [];
  const batcher = createAckBatcher({
    intervalMs: 60_000,
    flush: async (acks) => {
      rounds.push(new Map(acks));
      return new Map();
    },
    onError: (err) => assert.fail(String(err)),
  });
  const queued = batcher.submit('a', 1);
  await batcher.close();
  await queued;
  assert.deepEqual(rounds, [new Map([['a', 1]])]);
});
