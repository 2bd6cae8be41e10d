import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { TestPushService, type TestSubscription } from './push-service.js';

let t: TestApp;
let service: TestPushService;

before(async () => {
  service = await TestPushService.start();
  // PUSH_DELAY_SECONDS stays at its default (10 s): pushes to offline users must not wait for it.
  t = await startTestApp({ env: { DELIVERY_RETRY_BASE_MS: '50' } });
});
after(async () => {
  await t?.close();
  await service?.close();
});

async function subscribe(
  user: TestUser,
  sub: TestSubscription = service.subscribe(),
): Promise<{ id: string; sub: TestSubscription }> {
  const res = await t.http.post(
    '/push/subscriptions',
    { type: 'webpush', endpoint: sub.endpoint, expirationTime: null, keys: sub.keys },
    user.token,
  );
  assert.equal(res.status, 201, res.text);
  return { id: res.body.id as string, sub };
}

test('subscriptions: the VAPID key, create, the same endpoint again updates, list, at most 10, delete', async () => {
  const user = await createUser(t);
  const key = await t.http.get('/push/vapid-key', user.token);
  assert.equal(key.status, 200);
  assert.equal(Buffer.from(key.body.publicKey, 'base64url').length, 65);
  const { id, sub } = await subscribe(user);
  const again = await t.http.post('/push/subscriptions', { type: 'webpush', endpoint: sub.endpoint, keys: sub.keys }, user.token);
  assert.equal(again.status, 200);
  assert.equal(again.body.id, id);
  assert.deepEqual(Object.keys(again.body).sort(), ['createdAt', 'id', 'lastSuccessAt', 'type']);
  for (let i = 1; i < 10; i++) await subscribe(user);
  const eleventh = await t.http.post(
    '/push/subscriptions',
    { type: 'webpush', endpoint: service.subscribe().endpoint, keys: sub.keys },
    user.token,
  );
  assert.equal(eleventh.status, 409);
  assert.equal(eleventh.body.code, 'conflict');
  const list = await t.http.get('/push/subscriptions', user.token);
  assert.equal(list.body.subscriptions.length, 10);
  assert.equal((await t.http.delete(`/push/subscriptions/${id}`, user.token)).status, 204);
  assert.equal((await t.http.delete(`/push/subscriptions/${id}`, user.token)).status, 404);
  const other = await createUser(t);
  const theirs = (await t.http.get('/push/subscriptions', user.token)).body.subscriptions[0].id as string;
  assert.equal((await t.http.delete(`/push/subscriptions/${theirs}`, other.token)).status, 404);
});

test('bad keys and a gateway that is not allowed are 400s', async () => {
  const user = await createUser(t);
  const sub = service.subscribe();
  const badKey = await t.http.post(
    '/push/subscriptions',
    { type: 'webpush', endpoint: sub.endpoint, keys: { p256dh: 'AAAA', auth: sub.keys.auth } },
    user.token,
  );
  assert.equal(badKey.status, 400);
  const gateway = await t.http.post(
    '/push/subscriptions',
    { type: 'gateway', gatewayUrl: 'https://push.example.com/_matrix/push/v1/notify', appId: 'a', pushkey: 'k' },
    user.token,
  );
  assert.equal(gateway.status, 400);
});

test('POST /push/test: the push service decrypts exactly the payload, signed with the server’s VAPID key', async () => {
  const user = await createUser(t);
  const { sub } = await subscribe(user);
  assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
  const [push] = await service.until(() => service.pushesTo(sub.token).length > 0 && service.pushesTo(sub.token));
  const expected = JSON.stringify({
    type: 'test',
    title: 'Test notification',
    body: 'Push notifications work',
    conversationId: null,
    groupId: null,
    messageId: null,
    badge: 0,
  });
  assert.deepEqual(push!.plaintext, Buffer.from(expected));
  assert.equal(push!.vapidKey, (await t.http.get('/push/vapid-key', user.token)).body.publicKey);
  assert.equal(push!.headers.ttl, '86400');
});

test('a message to an offline user is pushed at once, without waiting for PUSH_DELAY_SECONDS', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const { sub } = await subscribe(bob);
  const started = Date.now();
  const sent = await t.http.post('/messages', { recipientId: bob.id, text: 'are you there?' }, alice.token);
  assert.equal(sent.status, 201);
  const [push] = await service.until(() => service.pushesTo(sub.token).length > 0 && service.pushesTo(sub.token), 9000);
  assert.ok(Date.now() - started < 9000);
  assert.deepEqual(push!.json, {
    type: 'message',
    title: alice.username,
    body: 'are you there?',
    conversationId: sent.body.conversationId,
    groupId: null,
    messageId: sent.body.id,
    badge: 1,
  });
  assert.equal(push!.headers.urgency, 'high');
  assert.equal(push!.headers.topic, String(sent.body.conversationId).replaceAll('-', ''));
  // The sender is not pushed about their own message.
  assert.equal(service.received.filter((p) => p.json.messageId === sent.body.id).length, 1);
});

test('badge counts conversations with unread messages, not messages', async () => {
  const [alice, carol, bob] = [await createUser(t), await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  await befriend(t, carol, bob);
  const { sub } = await subscribe(bob);
  const badgeOf = async (from: TestUser, text: string) => {
    const sent = await t.http.post('/messages', { recipientId: bob.id, text }, from.token);
    assert.equal(sent.status, 201, sent.text);
    const push = await service.until(() => service.pushesTo(sub.token).find((p) => p.json.messageId === sent.body.id));
    return push.json.badge as number;
  };
  assert.equal(await badgeOf(alice, 'one'), 1);
  assert.equal(await badgeOf(alice, 'two'), 1, 'a second message in the same conversation');
  assert.equal(await badgeOf(carol, 'three'), 2, 'a second conversation');
});

test('a message of 4000 multi-byte characters is pushed cut to fit in the 4096 bytes a push service takes', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const { sub } = await subscribe(bob);
  const text = '€é'.repeat(2000);
  const sent = await t.http.post('/messages', { recipientId: bob.id, text }, alice.token);
  assert.equal(sent.status, 201, sent.text);
  const [push] = await service.until(() => service.pushesTo(sub.token).length > 0 && service.pushesTo(sub.token));
  assert.ok(push!.plaintext.length <= 3993, `${push!.plaintext.length} bytes`);
  const body = push!.json.body as string;
  assert.ok(body.endsWith('…') && text.startsWith(body.slice(0, -1)), 'a prefix of whole characters');
  assert.ok(body.length > 1000, 'as much of the text as fits');
  assert.equal(push!.json.messageId, sent.body.id);
});

test('a 404 or a 410 deletes the subscription and tells the user with push.subscription_removed', async () => {
  const user = await createUser(t);
  const [missing, gone] = [await subscribe(user), await subscribe(user)];
  service.answerWith(missing.sub.token, { status: 404 });
  service.answerWith(gone.sub.token, { status: 410 });
  const ws = await WsClient.connect(t.url, { token: user.token });
  try {
    assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
    const first = await ws.next((f) => f.type === 'push.subscription_removed');
    const second = await ws.next((f) => f.type === 'push.subscription_removed' && f.data.id !== first.data.id);
    assert.deepEqual([first.data.id, second.data.id].sort(), [missing.id, gone.id].sort());
    assert.deepEqual((await t.http.get('/push/subscriptions', user.token)).body.subscriptions, []);
  } finally {
    await ws.close();
  }
});

test('a 500 is retried and a 429 waits for its Retry-After', async () => {
  const user = await createUser(t);
  const { sub } = await subscribe(user);
  service.answerWith(sub.token, { status: 500 }, { status: 429, headers: { 'retry-after': '1' } });
  assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
  const pushes = await service.until(() => service.pushesTo(sub.token).length >= 3 && service.pushesTo(sub.token));
  assert.deepEqual(
    pushes.map((p) => p.answered),
    [500, 429, 201],
  );
  const [, limited, ok] = pushes;
  assert.ok(ok!.at - limited!.at >= 950, 'Retry-After: 1 was honoured');
  // The success is recorded once the answer is read (poll for it; it must come).
  for (let i = 0; ; i++) {
    const listed = (await t.http.get('/push/subscriptions', user.token)).body.subscriptions[0];
    if (listed.lastSuccessAt) break;
    assert.ok(i < 200, 'lastSuccessAt is set');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
});

test('metrics count queued, sent, failed and removed deliveries and their latency', async () => {
  const res = await t.http.get('/metrics');
  assert.equal(res.status, 200);
  const value = (line: string) => Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(res.text)?.[1] ?? NaN);
  assert.ok(value('chat_deliveries_queued_total{kind="push"}') >= 4);
  assert.ok(value('chat_deliveries_sent_total{kind="push"}') >= 2);
  assert.ok(value('chat_deliveries_failed_total{kind="push",outcome="retry"}') >= 2);
  assert.ok(value('chat_push_subscriptions_removed_total') >= 1);
  assert.ok(value('chat_delivery_latency_seconds_count{kind="push"}') >= 2);
  assert.ok(value('chat_deliveries_backlog') >= 0);
});

test('a friend request is pushed; deleting the account removes its subscriptions', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  const { sub } = await subscribe(bob);
  const request = await t.http.post('/friends/add', { userId: bob.id }, alice.token);
  assert.ok(request.status < 300, request.text);
  const [push] = await service.until(() => service.pushesTo(sub.token).length > 0 && service.pushesTo(sub.token));
  assert.equal(push!.json.type, 'friend_request');
  assert.equal(push!.json.title, alice.username);
  const deleted = await t.http.request('DELETE', '/profile', { token: bob.token, body: { password: bob.password } });
  assert.equal(deleted.status, 204);
  const left = await t.app.infra.database.db.selectFrom('pushSubscriptions').select('id').where('userId', '=', bob.id).execute();
  assert.deepEqual(left, []);
});
