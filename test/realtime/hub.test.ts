import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendEvents, createEventCounter } from '../../src/events/event-log.repository.js';
import { newId } from '../../src/lib/ids.js';
import type { Connection } from '../../src/realtime/connection.js';
import { Hub } from '../../src/realtime/hub.js';
import { testDatabase } from '../helpers/database.js';
import { fillerEvent } from '../helpers/events.js';

/** A database whose next query fails once, as in a dropped connection. */
function failingOnce<T extends object>(db: T): { db: T; fail(): void } {
  let failNext = false;
  const executor = (inner: any) =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'executeQuery') {
          return (...args: unknown[]) => {
            if (failNext) {
              failNext = false;
              return Promise.reject(new Error('connection lost'));
            }
            return target.executeQuery(...args);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'getExecutor') return () => executor((target as any).getExecutor());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, fail: () => (failNext = true) };
}

test('a round whose read fails is read again: the events still reach the socket, in order', async () => {
  const { db } = await testDatabase();
  const userId = newId();
  await db
    .insertInto('users')
    .values({ id: userId, username: `hub_${userId.slice(-12)}`, email: `${userId}@hub.test`, passwordHash: 'x' })
    .execute();
  await createEventCounter(db, userId);
  const frames: { seq: number; text: string }[] = [];
  const socket = { userId, sessionId: 's', live: true, open: true, sentSeq: 0 };
  const conn = Object.assign(socket, {
    sendFrame(seq: number, text: string) {
      frames.push({ seq, text });
      socket.sentSeq = seq;
    },
  }) as unknown as Connection;
  const flaky = failingOnce(db);
  const warnings: unknown[] = [];
  const hub = new Hub(flaky.db, { warn: (obj) => warnings.push(obj) }, { retryMs: 20 });
  hub.register(conn);
  await db.transaction().execute((trx) => appendEvents(trx, [fillerEvent([userId], { n: 1 }), fillerEvent([userId], { n: 2 })]));
  flaky.fail();
  await hub.pump(userId);
  assert.equal(frames.length, 0, 'the failed round sent nothing');
  assert.equal(warnings.length, 1);
  for (let i = 0; i < 100 && frames.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(
    frames.map((f) => [f.seq, JSON.parse(f.text).data.n]),
    [
      [1, 1],
      [2, 2],
    ],
  );
  hub.unregister(conn);
});
