import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';

/** A push gateway speaking the Matrix Push Gateway API (as Sygnal does): it rejects pushkeys it was told to. */
class TestGateway {
  readonly notifications: any[] = [];
  readonly rejecting = new Set<string>();
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url !== '/_matrix/push/v1/notify' || req.method !== 'POST') return void res.writeHead(404).end();
      const { notification } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      this.notifications.push(notification);
      const rejected = (notification.devices as { pushkey: string }[]).map((d) => d.pushkey).filter((k) => this.rejecting.has(k));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rejected }));
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }
  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}/_matrix/push/v1/notify`;
  }
  async until<T>(done: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = done();
      if (result) return result;
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(this.notifications)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let t: TestApp;
const gateway = new TestGateway();

before(async () => {
  await gateway.start();
  t = await startTestApp({ env: { PUSH_GATEWAYS: gateway.url, DELIVERY_RETRY_BASE_MS: '50' } });
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
