import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { pruneEvents } from '../../src/events/event-log.repository.js';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { emitEvents, latestSeqOf, seqsOf } from './helpers.js';

const t = useTestApp();
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test('reconnecting with since replays exactly the missed events, in order, then continues live', async () => {
  const user = await createUser(t.current);
  const first = await WsClient.connect(t.current.url, { token: user.token });
  await emitEvents(t.current, user.id, 3);
  await first.next((f) => f.seq === 3);
  await first.close();

  await emitEvents(t.current, user.id, 4);
  const resumed = await WsClient.connect(t.current.url, { token: user.token, since: 3 });
  assert.equal(resumed.frames[0]!.type, 'ready');
  assert.equal(resumed.frames[0]!.data.seq, 7);
  await resumed.next((f) => f.seq === 7);
  await emitEvents(t.current, user.id, 2);
  await resumed.next((f) => f.seq === 9);
  // One more event after the last one counted: a duplicate sent along the way would arrive before it.
  await emitEvents(t.current, user.id, 1);
  await resumed.next((f) => f.seq === 10);
  assert.deepEqual(seqsOf(resumed.frames), range(4, 10));
  assert.ok(resumed.events().every((f) => f.type === 'profile.updated' && typeof f.data.n === 'number'));
  await resumed.close();
});

test('events racing the reconnect are neither lost nor duplicated', async () => {
  const user = await createUser(t.current);
  await emitEvents(t.current, user.id, 5);
  let stop = false;
  const producer = (async () => {
    for (let i = 0; !stop && i < 60; i++) await emitEvents(t.current, user.id, 1 + (i % 3));
  })();
  await sleep(30);
  const clients: WsClient[] = [];
  for (let i = 0; i < 3; i++) {
    clients.push(await WsClient.connect(t.current.url, { token: user.token, since: 2 + i }));
    await sleep(20);
  }
  stop = true;
  await producer;
  // A last event after the race: each client's frames up to it show every seq once, in order.
  await emitEvents(t.current, user.id, 1);
  const latest = await latestSeqOf(t.current, user.id);
  for (const [i, ws] of clients.entries()) {
    await ws.next((f) => f.seq === latest, { timeoutMs: 10_000 });
    assert.deepEqual(seqsOf(ws.frames), range(3 + i, latest), `client ${i} got every seq once, in order`);
  }
  await Promise.all(clients.map((ws) => ws.close()));
});

test('a since older than the retention window gets resync_required, then live events', async () => {
  const user = await createUser(t.current);
  await emitEvents(t.current, user.id, 3);
  const { db } = t.current.app.infra.database;
  await db
    .updateTable('eventLog')
    .set({ createdAt: new Date(Date.now() - 30 * 86_400_000) } as never)
    .where('userId', '=', user.id)
    .where('seq', '<=', 2)
    .execute();
  assert.ok((await pruneEvents(db, new Date(Date.now() - 7 * 86_400_000))) >= 2);

  const stale = await WsClient.connect(t.current.url, { token: user.token, since: 0 });
  const resync = await stale.next((f) => f.type === 'resync_required');
  assert.equal(resync.data.seq, 3);
  assert.equal(stale.frames[0]!.type, 'ready');
  const alsoStale = await WsClient.connect(t.current.url, { token: user.token, since: 1 });
  await alsoStale.next((f) => f.type === 'resync_required');
  const fine = await WsClient.connect(t.current.url, { token: user.token, since: 2 });
  await fine.next((f) => f.seq === 3);

  await emitEvents(t.current, user.id, 2);
  for (const ws of [stale, alsoStale, fine]) await ws.next((f) => f.seq === 5);
  assert.deepEqual(seqsOf(stale.frames), [4, 5]);
  assert.deepEqual(seqsOf(alsoStale.frames), [4, 5]);
  assert.deepEqual(seqsOf(fine.frames), [3, 4, 5]);
  assert.equal(fine.frames.filter((f) => f.type === 'resync_required').length, 0);
  await Promise.all([stale.close(), alsoStale.close(), fine.close()]);
});

test('a since above the latest seq gets resync_required; since equal to it replays nothing', async () => {
  const user = await createUser(t.current);
  await emitEvents(t.current, user.id, 2);
  const ahead = await WsClient.connect(t.current.url, { token: user.token, since: 50 });
  assert.equal((await ahead.next((f) => f.type === 'resync_required')).data.seq, 2);
  const current = await WsClient.connect(t.current.url, { token: user.token, since: 2 });
  await emitEvents(t.current, user.id, 1);
  await ahead.next((f) => f.seq === 3);
  await current.next((f) => f.seq === 3);
  // Up to the first live event, nothing was replayed and no resync was asked for.
  assert.deepEqual(seqsOf(current.frames), [3]);
  assert.equal(current.frames.filter((f) => f.type === 'resync_required').length, 0);
  await Promise.all([ahead.close(), current.close()]);
});

test('a fresh user resumes from 0 with nothing to replay', async () => {
  const user = await createUser(t.current);
  const ws = await WsClient.connect(t.current.url, { token: user.token, since: 0 });
  assert.equal(ws.frames[0]!.data.seq, 0);
  await emitEvents(t.current, user.id, 1);
  await ws.next((f) => f.seq === 1);
  assert.deepEqual(
    ws.frames.map((f) => f.type),
    ['ready', 'profile.updated'],
  );
  await ws.close();
});

test('pruning drops a prefix of the log, never a row in the middle', async () => {
  const user = await createUser(t.current);
  await emitEvents(t.current, user.id, 3);
  const { db } = t.current.app.infra.database;
  // Seqs follow commit order while created_at is the transaction start: seq 2 may look older than seq 1.
  await db
    .updateTable('eventLog')
    .set({ createdAt: new Date(Date.now() - 30 * 86_400_000) } as never)
    .where('userId', '=', user.id)
    .where('seq', '=', 2)
    .execute();
  await pruneEvents(db, new Date(Date.now() - 7 * 86_400_000));
  const left = await db.selectFrom('eventLog').select('seq').where('userId', '=', user.id).orderBy('seq').execute();
  assert.deepEqual(
    left.map((r) => Number(r.seq)),
    [3],
  );
  const ws = await WsClient.connect(t.current.url, { token: user.token, since: 1 });
  assert.equal((await ws.next((f) => f.type === 'resync_required')).data.seq, 3);
  await ws.close();
});
