import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { createUser, uniqueName } from '../helpers/factories.js';
import { startServerProcess } from '../helpers/process.js';
import { productionEnv } from '../helpers/production.js';

/** Logs in with a forged X-Forwarded-For and returns the `ip` the new session recorded. */
async function sessionIpWith(t: TestApp, forwardedFor: string): Promise<string> {
  const user = await createUser(t);
  const login = await t.http.request('POST', '/login', {
    body: { email: user.email, password: user.password },
    headers: { 'x-forwarded-for': forwardedFor },
  });
  assert.equal(login.status, 200, login.text);
  const sessions = await t.http.get('/sessions', login.body.accessToken);
  return sessions.body.sessions.find((s: { current: boolean }) => s.current).ip as string;
}

describe('TRUST_PROXY naming another address: X-Forwarded-For from this peer is ignored', () => {
  const t = useTestApp({ rateLimits: true, env: { TRUST_PROXY: '10.9.9.9' } });

  test("sessions record the peer's address, not the forged one", async () => {
    assert.equal(await sessionIpWith(t.current, '203.0.113.7'), '127.0.0.1');
  });

  test('a fresh forged address per attempt does not escape the per-IP login limit', async () => {
    let status = 0;
    for (let i = 1; i <= 30 && status !== 429; i += 1) {
      const res = await t.current.http.request('POST', '/login', {
        body: { email: `${uniqueName('xff')}@example.test`, password: 'whatever it is' },
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      status = res.status;
    }
    assert.equal(status, 429, 'every attempt counted against the one real address');
  });
});

describe('TRUST_PROXY naming the peer (the balancer): its X-Forwarded-For is used', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
  test('sessions record the client address the balancer reports', async () => {
    assert.equal(await sessionIpWith(t.current, '203.0.113.8'), '203.0.113.8');
  });
});

test('TRUST_PROXY accepts addresses, CIDR ranges and true; anything else stops the start-up naming it', () => {
  const base = { NODE_ENV: 'test' };
  assert.equal(loadConfig({ ...base, TRUST_PROXY: '172.29.0.10, 10.0.0.0/8,::1' }).trustProxy, '172.29.0.10,10.0.0.0/8,::1');
  assert.equal(loadConfig({ ...base, TRUST_PROXY: 'loopback' }).trustProxy, 'loopback');
  assert.equal(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ ...base }).trustProxy, false);
  for (const bad of ['nginx', '10.0.0.0/33', '1.2.3.4/8/1', '300.1.1.1']) {
    assert.throws(
      () => loadConfig({ ...base, TRUST_PROXY: bad }),
      (e: unknown) => e instanceof ConfigError && /TRUST_PROXY/.test(e.message),
    );
  }
});

test('TRUST_PROXY=true in production starts, with a warning', async () => {
  const server = await startServerProcess({
    ...productionEnv,
    TRUST_PROXY: 'true',
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-trust-')),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  try {
    assert.match(server.output(), /TRUST_PROXY=true trusts X-Forwarded-For from anyone/);
  } finally {
    await server.stop();
  }
});
