import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { createGroupRows, insertFile, latest, send } from './support.js';
import { fillerEvent } from '../helpers/events.js';

const t = useTestApp();

async function friends() {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  return { alice, bob };
}

test("friends see each other's messages live on every connection; ack and read travel back", async () => {
  const { alice, bob } = await friends();
  const [alicePhone, aliceLaptop, bobWs] = await Promise.all([
    WsClient.connect(t.current.url, { token: alice.token }),
    WsClient.connect(t.current.url, { token: alice.token }),
    WsClient.connect(t.current.url, { token: bob.token }),
  ]);
  const pdf = await insertFile(t.current, alice, 'plan.pdf', 'application/pdf');
  const sent = await send(t.current, alice, {
    recipientId: bob.id,
    text: 'plan attached',
    attachmentIds: [pdf],
    clientMessageId: 'ws-1',
  });
  assert.equal(sent.status, 201);
  const atBob = await bobWs.event('message.created', (m) => m.id === sent.body.id);
  assert.equal(atBob.data.text, 'plan attached');
  assert.equal(atBob.data.attachments[0].id, pdf);
  assert.equal(atBob.data.status, null);
  for (const ws of [alicePhone, aliceLaptop]) {
    const own = await ws.event('message.created', (m) => m.clientMessageId === 'ws-1');
    assert.equal(own.data.status, 'sent', 'every connection of the sender gets the event, with its status');
  }

  bobWs.send({ type: 'ack', seq: atBob.seq });
  const delivered = await alicePhone.event('message.delivered');
  assert.deepEqual(
    [delivered.data.userId, delivered.data.upToSeq, delivered.data.conversationId],
    [bob.id, 1, sent.body.conversationId],
  );
  await aliceLaptop.event('message.delivered');

  assert.equal((await t.current.http.post(`/messages/${sent.body.id}/read`, undefined, bob.token)).status, 204);
  const read = await alicePhone.event('message.read', (d) => d.userId === bob.id);
  assert.equal(read.data.upToSeq, 1);
  await bobWs.event('message.read', (d) => d.userId === bob.id);
  await bobWs.event('conversation.read', (d) => d.upToSeq === 1);
  await sleep(150);
  assert.equal(bobWs.events('message.delivered').length, 0, 'the reader gets no delivery receipt of their own');
  await Promise.all([alicePhone.close(), aliceLaptop.close(), bobWs.close()]);
});

test('typing reaches a friend and group members, never strangers', async () => {
  const { alice, bob } = await friends();
  const stranger = await createUser(t.current);
  const { groupId } = await createGroupRows(t.current, alice, [{ user: bob }]);
  const [aliceWs, bobWs, strangerWs] = await Promise.all([
    WsClient.connect(t.current.url, { token: alice.token }),
    WsClient.connect(t.current.url, { token: bob.token }),
    WsClient.connect(t.current.url, { token: stranger.token }),
  ]);
  aliceWs.send({ type: 'typing', recipientId: bob.id });
  const typing = await bobWs.next((f) => f.type === 'typing');
  assert.equal(typing.data.userId, alice.id);
  assert.equal(typing.data.groupId, null);
  aliceWs.send({ type: 'typing', groupId });
  const inGroup = await bobWs.next((f) => f.type === 'typing' && f.data.groupId === groupId);
  assert.equal(inGroup.seq, undefined, 'typing is ephemeral');
  strangerWs.send({ type: 'typing', recipientId: alice.id });
  const refused = await strangerWs.next((f) => f.type === 'error');
  assert.equal(refused.data.code, 'not_found');
  await sleep(150);
  assert.equal(aliceWs.frames.filter((f) => f.type === 'typing').length, 0);
  await Promise.all([aliceWs.close(), bobWs.close(), strangerWs.close()]);
});

test('a recipient offline for 100 messages resumes with since and gets all 100 in order, once', async () => {
  const { alice, bob } = await friends();
  const first = await WsClient.connect(t.current.url, { token: bob.token });
  const since = first.frames[0]!.data.seq as number;
  await first.close();
  for (let i = 1; i <= 100; i += 1)
    assert.equal((await send(t.current, alice, { recipientId: bob.id, text: `offline ${i}` })).status, 201);
  const top = await latest(t.current, bob);
  const resumed = await WsClient.connect(t.current.url, { token: bob.token, since });
  await resumed.next((f) => f.seq === top, { timeoutMs: 15_000 });
  await sleep(200);
  const created = resumed.events('message.created').map((f) => f.data.text);
  assert.deepEqual(
    created,
    Array.from({ length: 100 }, (_, i) => `offline ${i + 1}`),
  );
  const seqs = resumed.events().map((f) => f.seq);
  assert.deepEqual(
    seqs,
    Array.from({ length: top - since }, (_, i) => since + i + 1),
    'every seq once, in order',
  );
  resumed.send({ type: 'ack', seq: top });
  const receipt = await WsClient.connect(t.current.url, { token: alice.token, since: (await latest(t.current, alice)) - 1 });
  await receipt.event('message.delivered', (d) => d.upToSeq === 100, 10_000);
  await Promise.all([resumed.close(), receipt.close()]);
});

test('an ack covers every message since the previous ack, however many events came between', async () => {
  const { alice, bob } = await friends();
  const [aliceWs, bobWs] = await Promise.all([
    WsClient.connect(t.current.url, { token: alice.token }),
    WsClient.connect(t.current.url, { token: bob.token }),
  ]);
  const first = await send(t.current, alice, { recipientId: bob.id, text: 'first' });
  bobWs.send({ type: 'ack', seq: (await bobWs.event('message.created', (m) => m.id === first.body.id)).seq });
  assert.equal((await aliceWs.event('message.delivered', (d) => d.upToSeq === 1)).data.userId, bob.id);

  const second = await send(t.current, alice, { recipientId: bob.id, text: 'second' });
  await bobWs.event('message.created', (m) => m.id === second.body.id);
  // Far more events than a client receives between two acks, none of them a message.
  await t.current.app.infra.transactor(async (_trx, emit) => {
    for (let i = 0; i < 1200; i++) emit(fillerEvent([bob.id], { filler: i }));
  });
  const last = await bobWs.next((f) => f.type === 'profile.updated' && f.data.filler === 1199, { timeoutMs: 20_000 });
  bobWs.send({ type: 'ack', seq: last.seq! });
  const delivered = await aliceWs.event('message.delivered', (d) => d.upToSeq === 2);
  assert.equal(delivered.data.conversationId, second.body.conversationId);
  await Promise.all([aliceWs.close(), bobWs.close()]);
});
