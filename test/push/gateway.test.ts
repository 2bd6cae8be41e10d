import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { TestGateway } from './gateway-server.js';

let t: TestApp;
const gateway = new TestGateway();

before(async () => {
  await gateway.start();
  // A one-second time-out, so that a gateway that does not answer is retried within the test.
  t = await startTestApp({ env: { PUSH_GATEWAYS: gateway.url, DELIVERY_RETRY_BASE_MS: '50', DELIVERY_TIMEOUT_SECONDS: '1' } });
});
after(async () => {
  await t?.close();
  await gateway.close();
});

test('a message to an offline user reaches their phone through the gateway, with the unread count', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const pushkey = `fcm-token-${bob.id}`;
  const sub = await t.http.post(
    '/push/subscriptions',
    { type: 'gateway', gatewayUrl: gateway.url, appId: 'com.example.chat', pushkey },
    bob.token,
  );
  assert.equal(sub.status, 201, sub.text);
  assert.equal(sub.body.type, 'gateway');
  const again = await t.http.post(
    '/push/subscriptions',
    { type: 'gateway', gatewayUrl: gateway.url, appId: 'com.example.chat', pushkey },
    bob.token,
  );
  assert.equal(again.status, 200);

  const sent = await t.http.post('/messages', { recipientId: bob.id, text: 'ping' }, alice.token);
  const n = await gateway.until(() => gateway.notifications.find((x) => x.event_id === sent.body.id));
  assert.equal(n.room_id, sent.body.conversationId);
  assert.equal(n.type, 'message');
  assert.equal(n.sender, alice.id);
  assert.equal(n.sender_display_name, alice.username);
  assert.equal(n.prio, 'high');
  assert.deepEqual(n.counts, { unread: 1 });
  assert.equal(n.content.body, 'ping');
  assert.deepEqual(
    n.devices.map((d: any) => [d.app_id, d.pushkey]),
    [['com.example.chat', pushkey]],
  );
});

test('a pushkey the gateway rejects deletes the subscription and sends push.subscription_removed', async () => {
  const user = await createUser(t);
  const pushkey = `stale-${user.id}`;
  gateway.rejecting.add(pushkey);
  const sub = await t.http.post(
    '/push/subscriptions',
    { type: 'gateway', gatewayUrl: gateway.url, appId: 'com.example.chat', pushkey },
    user.token,
  );
  assert.equal(sub.status, 201);
  const ws = await WsClient.connect(t.url, { token: user.token });
  try {
    assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
    const removed = await ws.next((f) => f.type === 'push.subscription_removed');
    assert.deepEqual(removed.data, { id: sub.body.id });
    assert.deepEqual((await t.http.get('/push/subscriptions', user.token)).body.subscriptions, []);
  } finally {
    await ws.close();
  }
});

async function subscribe(user: TestUser, pushkey: string): Promise<string> {
  const res = await t.http.post(
    '/push/subscriptions',
    { type: 'gateway', gatewayUrl: gateway.url, appId: 'com.example.chat', pushkey },
    user.token,
  );
  assert.equal(res.status, 201, res.text);
  return res.body.id as string;
}

/** Waits until nothing is queued for a subscription any more (delivered or given up). */
async function drained(subscriptionId: string): Promise<void> {
  const db = t.app.infra.database.db;
  for (let i = 0; i < 400; i++) {
    const row = await db.selectFrom('deliveries').select('id').where('subscriptionId', '=', subscriptionId).executeTakeFirst();
    if (!row) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('a delivery is still queued');
}

test('a gateway’s 5xx is retried and its 429 waits for Retry-After (seconds or a date)', async () => {
  const user = await createUser(t);
  const pushkey = `flaky-${user.id}`;
  const id = await subscribe(user, pushkey);
  gateway.answerWith(
    pushkey,
    { status: 500 },
    { status: 503 },
    { status: 429, headers: { 'retry-after': '1' } },
    // A date two seconds ahead when answered (HTTP dates drop the milliseconds: 1–2 s of wait).
    { status: 429, headers: () => ({ 'retry-after': new Date(Date.now() + 2000).toUTCString() }) },
  );
  assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
  const attempts = await gateway.until(() => gateway.attemptsFor(pushkey).length >= 5 && gateway.attemptsFor(pushkey));
  assert.deepEqual(
    attempts.map((a) => a.answered),
    [500, 503, 429, 429, 200],
  );
  assert.ok(attempts[3]!.at - attempts[2]!.at >= 950, 'Retry-After: 1 was honoured');
  assert.ok(attempts[4]!.at >= Date.parse(attempts[3]!.headers['retry-after']!), 'Retry-After as a date was honoured');
  assert.equal(new Set(attempts.map((a) => a.notification.event_id)).size, 1, 'the same notification each time');
  await drained(id);
  assert.equal(gateway.attemptsFor(pushkey).length, 5, 'not sent again once accepted');
});

test('a gateway that does not answer within DELIVERY_TIMEOUT_SECONDS is retried', async () => {
  const user = await createUser(t);
  const pushkey = `slow-${user.id}`;
  const id = await subscribe(user, pushkey);
  gateway.answerWith(pushkey, 'hang');
  assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
  const attempts = await gateway.until(() => gateway.attemptsFor(pushkey).length >= 2 && gateway.attemptsFor(pushkey));
  assert.deepEqual(
    attempts.map((a) => a.answered),
    ['hang', 200],
  );
  assert.ok(attempts[1]!.at - attempts[0]!.at >= 950, 'retried after the one-second time-out');
  await drained(id);
  const [listed] = (await t.http.get('/push/subscriptions', user.token)).body.subscriptions;
  assert.equal(listed.id, id);
  assert.ok(listed.lastSuccessAt, 'the success is recorded');
});

test('a gateway’s other 4xx drops the delivery without a retry and keeps the subscription', async () => {
  const user = await createUser(t);
  const pushkey = `bad-${user.id}`;
  const id = await subscribe(user, pushkey);
  gateway.answerWith(pushkey, { status: 400 });
  assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
  await gateway.until(() => gateway.attemptsFor(pushkey).length >= 1);
  await drained(id);
  assert.deepEqual(
    gateway.attemptsFor(pushkey).map((a) => a.answered),
    [400],
  );
  const listed = (await t.http.get('/push/subscriptions', user.token)).body.subscriptions;
  assert.deepEqual(
    listed.map((s: { id: string }) => s.id),
    [id],
  );
});

test('only the pushkeys the gateway rejects are removed', async () => {
  const user = await createUser(t);
  const [kept, stale] = [`kept-${user.id}`, `stale2-${user.id}`];
  const keptId = await subscribe(user, kept);
  const staleId = await subscribe(user, stale);
  gateway.rejecting.add(stale);
  const ws = await WsClient.connect(t.url, { token: user.token });
  try {
    assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
    const removed = await ws.next((f) => f.type === 'push.subscription_removed');
    assert.deepEqual(removed.data, { id: staleId });
    await drained(keptId);
    const listed = (await t.http.get('/push/subscriptions', user.token)).body.subscriptions;
    assert.deepEqual(
      listed.map((s: { id: string }) => s.id),
      [keptId],
    );
  } finally {
    await ws.close();
  }
});
