import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { createGroupRows, eventsOf, latest, send } from './support.js';

const t = useTestApp();

test('an ack of the events that carried messages marks them delivered and tells the sender', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  await send(t.current, alice, { recipientId: bob.id, text: 'one' });
  const two = await send(t.current, alice, { recipientId: bob.id, text: 'two' });
  const hooks = t.current.app.messaging.gatewayHooks;
  const created = await eventsOf(t.current, bob, 'message.created');
  await hooks.onAck!(bob.id, created[0]!.seq);
  let delivered = await eventsOf(t.current, alice, 'message.delivered');
  assert.deepEqual(
    delivered.map((e) => e.data.upToSeq),
    [1],
  );
  await hooks.onAck!(bob.id, await latest(t.current, bob));
  await hooks.onAck!(bob.id, await latest(t.current, bob)); // a repeated ack changes nothing
  delivered = await eventsOf(t.current, alice, 'message.delivered');
  assert.deepEqual(
    delivered.map((e) => [e.data.userId, e.data.upToSeq]),
    [
      [bob.id, 1],
      [bob.id, 2],
    ],
  );
  const receipts = await t.current.http.get(`/messages/${two.body.id}/receipts`, alice.token);
  assert.deepEqual(
    receipts.body.delivered.map((r: any) => r.userId),
    [bob.id],
  );
  assert.equal((await t.current.http.get(`/messages/${bob.id}`, alice.token)).body.messages[1].status, 'delivered');
});

test('acks over the socket: a negative seq is an error frame, one above what was sent counts as what was sent', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const [wa, wb] = [
    await WsClient.connect(t.current.url, { token: alice.token }),
    await WsClient.connect(t.current.url, { token: bob.token }),
  ];
  await send(t.current, alice, { recipientId: bob.id, text: 'one' });
  await wb.event('message.created', (m) => m.text === 'one');
  const from = wb.frames.length;
  wb.send({ type: 'ack', seq: -5 });
  assert.equal((await wb.next((f) => f.type === 'error', { from })).data.code, 'validation_failed');
  // Far above the log: it covers what this socket was sent (message one), and no more.
  wb.send({ type: 'ack', seq: 10_000_000 });
  assert.equal((await wa.event('message.delivered')).data.upToSeq, 1);
  // The next real ack still moves the watermark: the far one did not poison what the node remembers.
  await send(t.current, alice, { recipientId: bob.id, text: 'two' });
  const two = await wb.event('message.created', (m) => m.text === 'two');
  wb.send({ type: 'ack', seq: two.seq });
  await wa.event('message.delivered', (d) => d.upToSeq === 2);
  assert.deepEqual(
    (await eventsOf(t.current, alice, 'message.delivered')).map((e) => e.data.upToSeq),
    [1, 2],
  );
  await Promise.all([wa.close(), wb.close()]);
});

test('typing targets: friends in direct chats, members of small groups, nobody else', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const stranger = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const hooks = t.current.app.messaging.gatewayHooks;
  const direct = await hooks.typingTargets!(alice.id, { recipientId: bob.id });
  assert.deepEqual(direct?.userIds, [bob.id]);
  assert.equal(direct?.groupId, null);
  assert.equal(await hooks.typingTargets!(alice.id, { recipientId: stranger.id }), null);
  assert.equal(await hooks.typingTargets!(alice.id, { recipientId: alice.id }), null);
  assert.equal(await hooks.typingTargets!(alice.id, { recipientId: 'nope' }), null);
  assert.equal(await hooks.typingTargets!(alice.id, { groupId: 'nope' }), null);
  const { groupId, conversationId } = await createGroupRows(t.current, alice, [{ user: bob }]);
  const group = await hooks.typingTargets!(alice.id, { groupId });
  assert.deepEqual(group, { conversationId, groupId, userIds: [bob.id] });
  assert.equal(await hooks.typingTargets!(stranger.id, { groupId }), null);
  await t.current.app.infra.database.db.updateTable('groups').set({ memberCount: 101 }).where('id', '=', groupId).execute();
  assert.equal(await hooks.typingTargets!(alice.id, { groupId }), null, 'not relayed over 100 members');
  const list = await t.current.http.get('/conversations', alice.token);
  assert.equal(list.body.conversations.filter((c: any) => c.type === 'direct').length, 0, 'typing alone lists no chat');
});

test('a recipient offline for 100 messages finds all of them, in order, once, in their event log', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const since = await latest(t.current, bob);
  for (let i = 1; i <= 100; i += 1)
    assert.equal((await send(t.current, alice, { recipientId: bob.id, text: `n${i}` })).status, 201);
  const replay = (await eventsOf(t.current, bob, 'message.created', since)).map((e) => e.data);
  assert.deepEqual(
    replay.map((m) => m.text),
    Array.from({ length: 100 }, (_, i) => `n${i + 1}`),
  );
  assert.deepEqual(
    replay.map((m) => m.seq),
    Array.from({ length: 100 }, (_, i) => i + 1),
  );
  const all = await eventsOf(t.current, bob, undefined, since);
  assert.deepEqual(
    all.map((e) => e.seq),
    Array.from({ length: all.length }, (_, i) => since + i + 1),
    'no gaps in the log',
  );
});

test(
  'an ack whose membership a sender holds locked is not waited on: it is applied in a later round',
  { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (a second connection holds the lock)' },
  async () => {
    const alice = await createUser(t.current);
    const bob = await createUser(t.current);
    await befriend(t.current, alice, bob);
    const sent = await send(t.current, alice, { recipientId: bob.id, text: 'hello' });
    const db = t.current.app.infra.database.db;
    const membership = () =>
      db
        .selectFrom('conversationMembers')
        .select('deliveredSeq')
        .where('conversationId', '=', sent.body.conversationId)
        .where('userId', '=', bob.id)
        .executeTakeFirstOrThrow();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('conversationMembers')
        .select('userId')
        .where('conversationId', '=', sent.body.conversationId)
        .where('userId', '=', bob.id)
        .forUpdate()
        .execute();
      locked();
      await released;
    });
    await isLocked;
    await t.current.app.messaging.gatewayHooks.onAck!(bob.id, await latest(t.current, bob));
    assert.equal(Number((await membership()).deliveredSeq), 0, 'the round skipped the locked membership');
    release();
    await holder;
    for (let i = 0; i < 200 && Number((await membership()).deliveredSeq) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(Number((await membership()).deliveredSeq), 1, 'a later round applied it');
    const delivered = await eventsOf(t.current, alice, 'message.delivered');
    assert.deepEqual(
      delivered.map((e) => [e.data.userId, e.data.upToSeq]),
      [[bob.id, 1]],
    );
  },
);

test('group acks over the socket: each member shows as delivered in the receipts, without a message.delivered event', async () => {
  const owner = await createUser(t.current);
  const ann = await createUser(t.current);
  const ben = await createUser(t.current);
  const { groupId } = await createGroupRows(t.current, owner, [{ user: ann }, { user: ben }]);
  const sockets = [
    await WsClient.connect(t.current.url, { token: ann.token }),
    await WsClient.connect(t.current.url, { token: ben.token }),
  ];
  const sent = [];
  for (const text of ['g1', 'g2', 'g3']) {
    sent.push((await send(t.current, owner, { groupId, text })).body.id as string);
    for (const ws of sockets) ws.send({ type: 'ack', seq: (await ws.event('message.created', (m) => m.text === text)).seq });
  }
  // Written within about a second (group moves are gathered); poll the receipts until then.
  const deadline = Date.now() + 10_000;
  let delivered: string[] = [];
  while (Date.now() < deadline) {
    const receipts = await t.current.http.get(`/messages/${sent[2]}/receipts`, owner.token);
    delivered = receipts.body.delivered.map((r: any) => r.userId).sort();
    if (delivered.length === 2) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(delivered, [ann.id, ben.id].sort());
  const first = await t.current.http.get(`/messages/${sent[0]}/receipts`, ben.token);
  assert.deepEqual(first.body.delivered.map((r: any) => r.userId).sort(), [ann.id, ben.id].sort());
  assert.equal((await eventsOf(t.current, owner, 'message.delivered')).length, 0);
  sockets.forEach((ws) => ws.close());
});
