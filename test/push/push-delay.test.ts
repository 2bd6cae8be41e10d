import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { TestPushService } from './push-service.js';

let t: TestApp;
let service: TestPushService;

before(async () => {
  service = await TestPushService.start();
  t = await startTestApp({ env: { PUSH_DELAY_SECONDS: '3', DELIVERY_RETRY_BASE_MS: '50' } });
});
after(async () => {
  await t?.close();
  await service?.close();
});

async function subscribed(user: TestUser): Promise<string> {
  const sub = service.subscribe();
  const res = await t.http.post('/push/subscriptions', { type: 'webpush', endpoint: sub.endpoint, keys: sub.keys }, user.token);
  assert.equal(res.status, 201);
  return sub.token;
}

/** Waits until no push of the user waits any more (acked, or handed to the queue). */
async function nothingWaiting(userId: string): Promise<void> {
  const db = t.app.infra.database.db;
  for (let i = 0; i < 200; i++) {
    const row = await db.selectFrom('pushPending').select('userId').where('userId', '=', userId).executeTakeFirst();
    if (!row) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('a push is still waiting');
}

/** Waits until no delivery to the user's subscriptions is queued (each sent, or given up). */
async function nothingQueued(userId: string): Promise<void> {
  const db = t.app.infra.database.db;
  for (let i = 0; i < 200; i++) {
    const row = await db
      .selectFrom('deliveries')
      .innerJoin('pushSubscriptions', 'pushSubscriptions.id', 'deliveries.subscriptionId')
      .select('deliveries.id')
      .where('pushSubscriptions.userId', '=', userId)
      .executeTakeFirst();
    if (!row) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('a push is still queued');
}

async function send(from: TestUser, to: TestUser, text: string): Promise<string> {
  const res = await t.http.post('/messages', { recipientId: to.id, text }, from.token);
  assert.equal(res.status, 201, res.text);
  return res.body.id as string;
}

test('a connected client that acks gets no push; once it stops acking, the next message is pushed', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const token = await subscribed(bob);
  const ws = await WsClient.connect(t.url, { token: bob.token });
  try {
    const seen = await send(alice, bob, 'seen on the screen');
    const frame = await ws.next((f) => f.type === 'message.created' && f.data.id === seen);
    ws.send({ type: 'ack', seq: frame.seq });
    await nothingWaiting(bob.id);

    const unseen = await send(alice, bob, 'nobody looked');
    await ws.next((f) => f.type === 'message.created' && f.data.id === unseen);
    const pushes = await service.until(() => service.pushesTo(token).length > 0 && service.pushesTo(token), 10_000);
    // Had the first message been pushed, it would have come first (or coalesced into this one).
    assert.deepEqual(
      pushes.map((p) => [p.json.messageId, p.json.body]),
      [[unseen, 'nobody looked']],
    );
  } finally {
    await ws.close();
  }
});

test('a burst of 50 messages in one conversation is one notification, not 50', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const token = await subscribed(bob);
  const ws = await WsClient.connect(t.url, { token: bob.token });
  try {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await send(alice, bob, `burst ${i}`));
    await ws.next((f) => f.type === 'message.created' && f.data.id === ids.at(-1));
    await nothingWaiting(bob.id);
    // A later push to the same device marks the end: everything of the burst came before it.
    assert.equal((await t.http.post('/push/test', undefined, bob.token)).status, 202);
    const pushes = await service.until(
      () => service.pushesTo(token).some((p) => p.json.type === 'test') && service.pushesTo(token),
      10_000,
    );
    const messages = pushes.filter((p) => p.json.type === 'message');
    assert.ok(messages.length >= 1 && messages.length <= 3, `${messages.length} notifications for 50 messages`);
    assert.equal(messages.at(-1)!.json.messageId, ids.at(-1));
    assert.match(messages.at(-1)!.json.body, /^burst 49 \(\+\d+ more\)$/);
  } finally {
    await ws.close();
  }
});

test('being added to a group is pushed; a muted conversation pushes only mentions; your own message is never pushed to you', async () => {
  const [owner, member] = [await createUser(t), await createUser(t)];
  await befriend(t, owner, member);
  const token = await subscribed(member);
  const ownerToken = await subscribed(owner);
  const group = await t.http.post('/groups', { name: 'Quiet', memberIds: [member.id] }, owner.token);
  assert.equal(group.status, 201);
  const conversationId = group.body.conversationId as string;
  const muted = await t.http.put(`/conversations/${conversationId}/settings`, { muted: true }, member.token);
  assert.ok(muted.status < 300, muted.text);
  const plain = await t.http.post(`/messages`, { groupId: group.body.id, text: 'nobody needs this' }, owner.token);
  assert.equal(plain.status, 201, plain.text);
  const mention = await t.http.post(`/messages`, { groupId: group.body.id, text: 'hey you', mentions: [member.id] }, owner.token);
  assert.equal(mention.status, 201, mention.text);
  const pushes = await service.until(
    () => service.pushesTo(token).some((p) => p.json.type === 'mention') && service.pushesTo(token),
    10_000,
  );
  await nothingWaiting(member.id);
  assert.ok(pushes.some((p) => p.json.type === 'group_added' && p.json.groupId === group.body.id));
  assert.deepEqual(
    pushes
      .filter((p) => p.json.conversationId === conversationId && p.json.type !== 'group_added')
      .map((p) => [p.json.type, p.json.messageId]),
    [['mention', mention.body.id]],
  );
  assert.equal(pushes.find((p) => p.json.type === 'mention')!.headers.urgency, 'high');
  // Had the owner's own messages called for pushes, they would have been waiting since the
  // messages were written; once nothing waits and nothing is queued, any would have arrived.
  await nothingWaiting(owner.id);
  await nothingQueued(owner.id);
  assert.equal(
    service.pushesTo(ownerToken).filter((p) => p.json.conversationId === conversationId).length,
    0,
    'the owner made the group and wrote both',
  );
});
