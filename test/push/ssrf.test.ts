import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { checkEndpoint, EndpointRefused } from '../../src/modules/delivery/safe-fetch.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { productionEnv } from '../helpers/production.js';

test('production policy: https on a public address only', async () => {
  const policy = { allowLoopback: false };
  for (const url of [
    'http://8.8.8.8/push',
    'https://127.0.0.1/push',
    'https://localhost/push',
    'https://10.0.0.5/push',
    'https://[::1]/push',
    'https://169.254.169.254/latest/meta-data',
    'https://user:pass@8.8.8.8/',
    'ftp://8.8.8.8/',
  ])
    await assert.rejects(checkEndpoint(url, policy), EndpointRefused, url);
  assert.equal((await checkEndpoint('https://8.8.8.8/push', policy)).hostname, '8.8.8.8');
});

describe('in production mode', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { ...productionEnv } });
  });
  after(async () => t?.close());

  test('loopback and private endpoints are refused with 400', async () => {
    const user = await createUser(t);
    const keys = sampleKeys();
    for (const endpoint of [
      'http://127.0.0.1:9/push/x',
      'https://127.0.0.1:9/push/x',
      'https://10.0.0.7/push/x',
      'https://[::ffff:192.168.0.1]/x',
    ]) {
      const res = await t.http.post('/push/subscriptions', { type: 'webpush', endpoint, keys }, user.token);
      assert.equal(res.status, 400, endpoint);
      assert.equal(res.body.code, 'bad_request');
    }
  });
});

describe('redirects', () => {
  let t: TestApp;
  let target: Server;
  let targetHits = 0;
  let redirector: Server;
  let redirects = 0;
  before(async () => {
    target = createServer((_req, res) => {
      targetHits += 1;
      res.writeHead(201).end();
    });
    redirector = createServer((req, res) => {
      redirects += 1;
      req.resume();
      const address = target.address();
      res
        .writeHead(307, { location: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/push` })
        .end();
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({ env: { DELIVERY_RETRY_BASE_MS: '50' } });
  });
  after(async () => {
    await t?.close();
    target.close();
    redirector.close();
  });

  test('a redirecting endpoint is not followed (the delivery is retried, the target never hears of it)', async () => {
    const user = await createUser(t);
    const address = redirector.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const res = await t.http.post(
      '/push/subscriptions',
      { type: 'webpush', endpoint: `http://127.0.0.1:${port}/push/r`, keys: sampleKeys() },
      user.token,
    );
    assert.equal(res.status, 201, res.text);
    assert.equal((await t.http.post('/push/test', undefined, user.token)).status, 202);
    for (let i = 0; i < 400 && redirects < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.ok(redirects >= 2, 'retried');
    assert.equal(targetHits, 0);
  });
});

function sampleKeys(): { p256dh: string; auth: string } {
  return { p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}
