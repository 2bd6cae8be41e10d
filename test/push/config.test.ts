import assert from 'node:assert/strict';
import { createECDH } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import { productionEnv } from '../helpers/production.js';

const { VAPID_PUBLIC_KEY: _public, VAPID_PRIVATE_KEY: _private, VAPID_SUBJECT: _subject, ...withoutVapid } = productionEnv;
const base = { ...withoutVapid, DATA_DIR: '/tmp/chat-push-config' };
const ecdh = createECDH('prime256v1');
const keys = {
  VAPID_PUBLIC_KEY: ecdh.generateKeys().toString('base64url'),
  VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString('base64url'),
  VAPID_SUBJECT: 'mailto:ops@example.com',
};

test('production refuses to start with push enabled and no VAPID keys, naming them; without keys push is off by default', () => {
  assert.throws(
    () => loadConfig({ ...base, PUSH_ENABLED: 'true' }),
    (err: Error) => err instanceof ConfigError && /VAPID_PUBLIC_KEY/.test(err.message),
  );
  assert.throws(() => loadConfig({ ...base, ...keys, VAPID_SUBJECT: '' }), /VAPID_SUBJECT/);
  assert.equal(loadConfig(base).delivery.pushEnabled, false);
  assert.equal(loadConfig({ ...base, ...keys }).delivery.pushEnabled, true);
  assert.equal(loadConfig({ ...base, ...keys }).delivery.vapid.subject, 'mailto:ops@example.com');
  const other = createECDH('prime256v1');
  other.generateKeys();
  assert.throws(
    () => loadConfig({ ...base, ...keys, VAPID_PRIVATE_KEY: other.getPrivateKey().toString('base64url') }),
    /key pair/,
  );
});

test('webhook settings are checked: https in production, a whsec_ secret, known event types', () => {
  const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
  const hooks = { ...base, ...keys, WEBHOOK_SECRET: secret };
  assert.throws(() => loadConfig({ ...hooks, WEBHOOK_URL: 'http://hooks.example.com/in' }), /WEBHOOK_URL/);
  assert.throws(
    () => loadConfig({ ...hooks, WEBHOOK_URL: 'https://hooks.example.com/in', WEBHOOK_SECRET: 'plain' }),
    /WEBHOOK_SECRET/,
  );
  assert.throws(() => loadConfig({ ...base, ...keys, WEBHOOK_URL: 'https://hooks.example.com/in' }), /WEBHOOK_SECRET/);
  assert.throws(
    () => loadConfig({ ...hooks, WEBHOOK_URL: 'https://hooks.example.com/in', WEBHOOK_EVENTS: 'message.created,nope' }),
    /WEBHOOK_EVENTS/,
  );
  const config = loadConfig({
    ...hooks,
    WEBHOOK_URL: 'https://hooks.example.com/in',
    WEBHOOK_EVENTS: 'message.created, user.created',
  });
  assert.deepEqual(config.delivery.webhookEvents, ['message.created', 'user.created']);
  assert.deepEqual(config.delivery.webhookSecret, Buffer.alloc(32, 7));
  assert.throws(() => loadConfig({ ...base, ...keys, DELIVERY_RETRY_BASE_MS: '50' }), /DELIVERY_RETRY_BASE_MS/);
});

test('outside production the VAPID key pair is generated once into DATA_DIR and kept across restarts', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chat-vapid-'));
  try {
    const env = { NODE_ENV: 'development', DATA_DIR: dataDir };
    const first = loadConfig(env).delivery;
    assert.equal(first.pushEnabled, true);
    const file = path.join(dataDir, 'vapid-keys.json');
    assert.equal((await stat(file)).mode & 0o777, 0o600, 'readable by the server only');
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), {
      publicKey: first.vapid.publicKey,
      privateKey: first.vapid.privateKey,
    });
    const again = loadConfig(env).delivery;
    assert.deepEqual(again.vapid, first.vapid, 'the same pair after a restart');
    const derived = createECDH('prime256v1');
    derived.setPrivateKey(Buffer.from(first.vapid.privateKey, 'base64url'));
    assert.equal(derived.getPublicKey('base64url'), first.vapid.publicKey, 'one P-256 key pair');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
