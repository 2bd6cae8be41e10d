import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryBus } from '../../src/events/bus/memory-bus.js';
import { BUS_EVENTS_CHANNEL, type WakeUp } from '../../src/events/catalog.js';
import { appendEvents, createEventCounter } from '../../src/events/event-log.repository.js';
import { createTransactor } from '../../src/events/transactor.js';
import { newId } from '../../src/lib/ids.js';
import type { Connection } from '../../src/realtime/connection.js';
import { Hub } from '../../src/realtime/hub.js';
import { testDatabase } from '../helpers/database.js';
import { fillerEvent } from '../helpers/events.js';

/** A Kysely instance whose every statement first passes through `before` (which may throw). */
function intercepted<T extends object>(db: T, before: () => void): T {
  const bound = (target: any, prop: string | symbol, receiver: unknown) => {
    const value = Reflect.get(target, prop, receiver);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'getExecutor') return bound(target, prop, receiver);
      return () =>
        new Proxy((target as any).getExecutor(), {
          get(inner, name, r) {
            if (name !== 'executeQuery') return bound(inner, name, r);
            return (...args: unknown[]) => {
              try {
                before();
              } catch (error) {
                return Promise.reject(error instanceof Error ? error : new Error(String(error)));
              }
              return inner.executeQuery(...args);
            };
          },
        });
    },
  });
}

/** A database whose next query fails once, as in a dropped connection. */
function failingOnce<T extends object>(db: T): { db: T; fail(): void } {
  let failNext = false;
  const proxy = intercepted(db, () => {
    if (!failNext) return;
    failNext = false;
    throw new Error('connection lost');
  });
  return { db: proxy, fail: () => (failNext = true) };
}

/** Counts the statements run through a Kysely instance. */
function counting<T extends object>(db: T): { db: T; count(): number } {
  let n = 0;
  return { db: intercepted(db, () => void n++), count: () => n };
}

/** A user with an event counter and a fake live socket that records what it is sent. */
async function userWithSocket(db: Awaited<ReturnType<typeof testDatabase>>['db'], sentSeq = 0) {
  const userId = newId();
  await db
    .insertInto('users')
    .values({ id: userId, username: `hub_${userId.slice(-12)}`, email: `${userId}@hub.test`, passwordHash: 'x' })
    .execute();
  await createEventCounter(db, userId);
  const frames: { seq: number; text: string }[] = [];
  const socket = { userId, sessionId: 's', live: true, open: true, sentSeq };
  const conn = Object.assign(socket, {
    sendFrame(seq: number, text: string) {
      frames.push({ seq, text });
      socket.sentSeq = seq;
    },
  }) as unknown as Connection;
  return { userId, conn, frames };
}

test('a committed transaction wakes the nodes with its payloads: each user gets its own events, in seq order', async () => {
  const { db } = await testDatabase();
  const bus = createMemoryBus();
  const wakeUps: WakeUp[] = [];
  bus.subscribe(BUS_EVENTS_CHANNEL, (message) => wakeUps.push(message as WakeUp));
  const transactor = createTransactor(db, bus, { warn: () => {} });
  const a = await userWithSocket(db);
  const b = await userWithSocket(db);
  await transactor(async (_trx, emit) => {
    emit(fillerEvent([a.userId, b.userId], { n: 1 }));
    emit(fillerEvent([b.userId], { n: 2 }));
    emit(fillerEvent([a.userId, b.userId], { n: 3 }));
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(wakeUps.length, 1);
  const [wake] = wakeUps;
  const byUser = new Map(wake!.users.map(([userId, seq, indexes]) => [userId, { seq, indexes }]));
  assert.deepEqual(byUser.get(a.userId), { seq: 2, indexes: [0, 2] });
  assert.deepEqual(byUser.get(b.userId), { seq: 3, indexes: [0, 1, 2] });
  assert.deepEqual(
    wake!.events?.map(([type, json]) => [type, JSON.parse(json)]),
    [1, 2, 3].map((n) => ['profile.updated', { n }]),
  );
});

test('a wake-up that carries its events feeds an up-to-date socket without reading the log', async () => {
  const { db } = await testDatabase();
  const user = await userWithSocket(db);
  const counted = counting(db);
  const hub = new Hub(counted.db, { warn: () => {} });
  hub.register(user.conn);
  await db
    .transaction()
    .execute((trx) => appendEvents(trx, [fillerEvent([user.userId], { n: 1 }), fillerEvent([user.userId], { n: 2 })]));
  hub.wake(user.userId, 2, [
    { seq: 1, type: 'profile.updated', json: '{"n":1}' },
    { seq: 2, type: 'profile.updated', json: '{"n":2}' },
  ]);
  assert.deepEqual(
    user.frames.map((f) => [f.seq, JSON.parse(f.text).data.n]),
    [
      [1, 1],
      [2, 2],
    ],
  );
  assert.equal(counted.count(), 0, 'nothing was read');
  hub.unregister(user.conn);
});

test('a wake-up whose events leave a gap reads the log instead, so nothing is skipped or reordered', async () => {
  const { db } = await testDatabase();
  const user = await userWithSocket(db);
  const counted = counting(db);
  const hub = new Hub(counted.db, { warn: () => {} });
  hub.register(user.conn);
  await db
    .transaction()
    .execute((trx) =>
      appendEvents(trx, [
        fillerEvent([user.userId], { n: 1 }),
        fillerEvent([user.userId], { n: 2 }),
        fillerEvent([user.userId], { n: 3 }),
      ]),
    );
  // Only the last event rides along (the wake-ups of the first two were lost or are late).
  hub.wake(user.userId, 3, [{ seq: 3, type: 'profile.updated', json: '{"n":3}' }]);
  assert.equal(user.frames.length, 0, 'not sent ahead of the gap');
  await hub.pump(user.userId);
  assert.deepEqual(
    user.frames.map((f) => [f.seq, JSON.parse(f.text).data.n]),
    [
      [1, 1],
      [2, 2],
      [3, 3],
    ],
  );
  assert.ok(counted.count() > 0, 'the log was read');
  // The late wake-up of the first two finds the socket ahead of it and sends nothing twice.
  hub.wake(user.userId, 1, [{ seq: 1, type: 'profile.updated', json: '{"n":1}' }]);
  await hub.pump(user.userId);
  assert.equal(user.frames.length, 3);
  hub.unregister(user.conn);
});

test('a round whose read fails is read again: the events still reach the socket, in order', async () => {
  const { db } = await testDatabase();
  const { userId, conn, frames } = await userWithSocket(db);
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
