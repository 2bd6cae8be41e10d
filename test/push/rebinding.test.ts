import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createPushSender } from '../../src/modules/delivery/push-sender.js';
import { EndpointRefused, safePost } from '../../src/modules/delivery/safe-fetch.js';
import { vapidPrivateKey } from '../../src/modules/delivery/web-push.js';
import { createWebhookSender } from '../../src/modules/delivery/webhook-sender.js';
import { productionEnv } from '../helpers/production.js';
import { TEST_WEBHOOK_SECRET } from '../webhooks/receiver.js';
import { scriptedDns } from './dns.js';

// DNS rebinding: a name that was public when checked resolves to a private address when the
// socket connects. The socket's own `lookup` must refuse it, before any connection is made.

let server: Server;
let port = 0;
let connections = 0;
const PUBLIC = '93.184.215.14';

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (url: string, policy: Parameters<typeof safePost>[2]) =>
  safePost(url, { headers: {}, body: 'x', timeoutMs: 2000 }, policy);

test('the socket connects to the address its lookup gives at connect time (a name only the test resolves)', async () => {
  const dns = scriptedDns(['127.0.0.1']);
  const before = connections;
  const res = await post(`http://push.rebind.test:${port}/x`, { allowLoopback: true, resolve: dns.resolve });
  assert.equal(res.status, 204);
  assert.deepEqual(dns.asked, ['push.rebind.test', 'push.rebind.test'], 'resolved when checked and again when connecting');
  assert.equal(connections, before + 1);
});

test('production: a name public when checked and private, loopback, link-local or metadata when connecting is refused', async () => {
  const before = connections;
  for (const rebound of [
    ['127.0.0.1'],
    ['10.0.0.7'],
    ['172.16.3.4'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['::1'],
    ['fc00::1'],
    ['fd00:ec2::254'],
    ['fe80::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:a9fe:a9fe'],
    ['64:ff9b::a00:7'],
    [PUBLIC, '10.0.0.7'],
  ]) {
    const dns = scriptedDns([PUBLIC], rebound);
    await assert.rejects(
      post(`https://push.rebind.test:${port}/x`, { allowLoopback: false, resolve: dns.resolve }),
      (err: Error) => err instanceof EndpointRefused && err.message.includes(rebound.at(-1)!),
      rebound.join(','),
    );
    assert.equal(dns.asked.length, 2, `${rebound.join(',')}: refused at connect time, not when checked`);
  }
  // A connection made now is counted after any the refused requests could have made.
  assert.equal((await post(`http://127.0.0.1:${port}/x`, { allowLoopback: true })).status, 204);
  assert.equal(connections, before + 1, 'none of the refused requests connected');
});

test('development: plain http stays loopback-only when the name later resolves to a public address', async () => {
  const dns = scriptedDns(['127.0.0.1'], [PUBLIC]);
  await assert.rejects(
    post(`http://push.rebind.test:${port}/x`, { allowLoopback: true, resolve: dns.resolve }),
    (err: Error) => err instanceof EndpointRefused && /http only to loopback/.test(err.message),
  );
  assert.equal(dns.asked.length, 2);
});

test('a name that stops resolving, or whose lookup never answers, fails within the time-out', async () => {
  await assert.rejects(
    post(`https://push.rebind.test:${port}/x`, { allowLoopback: false, resolve: scriptedDns([]).resolve }),
    EndpointRefused,
  );
  for (const dns of [scriptedDns('hang'), scriptedDns(['127.0.0.1'], 'hang')]) {
    const started = Date.now();
    await assert.rejects(
      safePost(
        `http://push.rebind.test:${port}/x`,
        { headers: {}, body: '', timeoutMs: 300 },
        { allowLoopback: true, resolve: dns.resolve },
      ),
      /timed out/,
    );
    assert.ok(Date.now() - started < 5000, 'gave up at the time-out');
  }
});

test('production senders: a webhook URL and a Web Push endpoint that rebind to a private address are refused', async () => {
  const { delivery: config } = loadConfig({
    ...productionEnv,
    DATA_DIR: '/tmp/chat-rebinding',
    WEBHOOK_URL: `https://hooks.rebind.test:${port}/in`,
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
  });
  assert.equal(config.allowPrivateEndpoints, false);
  const delivery = {
    id: 'd',
    kind: 'push' as const,
    subscriptionId: 's',
    payload: '{}',
    topic: null,
    urgent: false,
    attempts: 1,
  };
  const hook = scriptedDns([PUBLIC], ['169.254.169.254']);
  await assert.rejects(
    createWebhookSender(config, hook.resolve)({ ...delivery, kind: 'webhook', createdAt: new Date() }),
    EndpointRefused,
  );
  assert.equal(hook.asked.length, 2);

  const browser = createECDH('prime256v1');
  const subscription = {
    id: 's',
    userId: 'u',
    type: 'webpush' as const,
    target: `https://push.rebind.test:${port}/push/1`,
    p256dh: browser.generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
    gatewayUrl: null,
    appId: null,
    createdAt: new Date(),
    lastSuccessAt: null,
  };
  const payload = JSON.stringify({ type: 'test', title: 't', body: 'b', badge: 0 });
  const pushDns = scriptedDns([PUBLIC], ['10.1.2.3']);
  const sender = createPushSender(config, vapidPrivateKey(config.vapid), pushDns.resolve);
  await assert.rejects(sender.send(subscription, { ...delivery, payload, createdAt: new Date() }), EndpointRefused);
  assert.equal(pushDns.asked.length, 2);
});
