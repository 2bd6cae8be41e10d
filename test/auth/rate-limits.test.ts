import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';
import { assertProblem, enableMfa, PASSWORD, signedUp, totpCode } from './support.js';

// Behind a trusted proxy each test speaks from its own client address.
const t = useTestApp({ rateLimits: true, env: { TRUST_PROXY: 'true' } });
let lastIp = 0;
const newIp = () => `10.0.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

function post(ip: string, path: string, body: unknown) {
  return t.current.http.request('POST', path, { body, headers: { 'x-forwarded-for': ip } });
}

function assertLimited(res: { status: number; headers: Headers; body: any }): void {
  assertProblem(res, 429, 'rate_limited');
  const retry = Number(res.headers.get('retry-after'));
  assert.ok(retry >= 1 && retry <= 3600, `Retry-After ${retry}`);
  assert.equal(res.headers.get('ratelimit-remaining'), '0');
  assert.ok(res.headers.get('ratelimit-limit'));
}

test('login: only failures count, so a correct password is never refused for being frequent', async () => {
  const account = await signedUp(t.current);
  for (let i = 0; i < 8; i += 1) {
    assert.equal((await post(newIp(), '/login', { email: account.email, password: PASSWORD })).status, 200);
  }
});

test('login: one address hammering an account is stopped; the owner elsewhere still logs in', async () => {
  const account = await signedUp(t.current);
  const attacker = newIp();
  for (let i = 0; i < 5; i += 1) {
    assertProblem(
      await post(attacker, '/login', { email: account.email, password: 'wrong password' }),
      401,
      'invalid_credentials',
    );
  }
  const stopped = await post(attacker, '/login', { email: account.email.toUpperCase(), password: 'another guess' });
  assertLimited(stopped);
  // Not even the right password is checked from there while it waits.
  assertLimited(await post(attacker, '/login', { email: account.email, password: PASSWORD }));
  // The owner, from another address, is not locked out.
  assert.equal((await post(newIp(), '/login', { email: account.email, password: PASSWORD })).status, 200);
  // Other accounts from the attacking address are unaffected by this account's failures.
  assertProblem(
    await post(attacker, '/login', { email: `other-${account.email}`, password: PASSWORD }),
    401,
    'invalid_credentials',
  );
});

test('login: per account at most 100 failures an hour, whatever the addresses', async () => {
  const account = await signedUp(t.current);
  // 50 at once (and 50 more over the hour): spread over many addresses, each address fails once.
  for (let i = 0; i < 50; i += 1) {
    assertProblem(await post(newIp(), '/login', { email: account.email, password: `guess ${i}` }), 401, 'invalid_credentials');
  }
  const refused = await post(newIp(), '/login', { email: account.email, password: PASSWORD });
  assertLimited(refused);
  assert.ok(Number(refused.headers.get('retry-after')) >= 60, 'the next failure is a minute or more away');
});

test('login: 10 per minute per address', async () => {
  const ip = newIp();
  for (let i = 0; i < 10; i += 1) {
    assertProblem(
      await post(ip, '/login', { email: `${uniqueName('n')}@example.test`, password: 'whatever' }),
      401,
      'invalid_credentials',
    );
  }
  assertLimited(await post(ip, '/login', { email: `${uniqueName('n')}@example.test`, password: 'whatever' }));
  assert.equal((await post(newIp(), '/login', { email: `${uniqueName('n')}@example.test`, password: 'whatever' })).status, 401);
});

test('sign-up: 5 per minute per address', async () => {
  const ip = newIp();
  const attempt = () =>
    post(ip, '/signup', { username: uniqueName('rl'), email: `${uniqueName('rl')}@example.test`, password: PASSWORD });
  for (let i = 0; i < 5; i += 1) assert.equal((await attempt()).status, 202);
  assertLimited(await attempt());
});

test('mail: sign-up, resend and reset have separate buckets, so nobody can use up a reset mail with sign-ups', async () => {
  const account = await signedUp(t.current);
  // Sign-up mailed once; four more sign-ups with the address use up its sign-up mail this hour.
  for (let i = 0; i < 4; i += 1) {
    assert.equal(
      (await post(newIp(), '/signup', { username: uniqueName('s'), email: account.email, password: PASSWORD })).status,
      202,
    );
  }
  assertLimited(await post(newIp(), '/signup', { username: uniqueName('s'), email: account.email, password: PASSWORD }));
  for (let i = 0; i < 5; i += 1)
    assert.equal((await post(newIp(), '/verify-email/resend', { email: account.email })).status, 202);
  assertLimited(await post(newIp(), '/verify-email/resend', { email: account.email }));
  // The owner's reset mail still goes out.
  assert.equal((await post(newIp(), '/password/forgot', { email: account.email })).status, 202);
  assert.match(t.current.mail.lastTo(account.email)?.text ?? '', /reset-password\?token=/);
  for (let i = 0; i < 4; i += 1) assert.equal((await post(newIp(), '/password/forgot', { email: account.email })).status, 202);
  assertLimited(await post(newIp(), '/password/forgot', { email: account.email }));
});

test('resend and forgot: 5 per minute per address, each', async () => {
  const ip = newIp();
  for (let i = 0; i < 5; i += 1)
    assert.equal((await post(ip, '/verify-email/resend', { email: `${uniqueName('r')}@example.test` })).status, 202);
  assertLimited(await post(ip, '/verify-email/resend', { email: `${uniqueName('r')}@example.test` }));
  for (let i = 0; i < 5; i += 1)
    assert.equal((await post(ip, '/password/forgot', { email: `${uniqueName('r')}@example.test` })).status, 202);
  assertLimited(await post(ip, '/password/forgot', { email: `${uniqueName('r')}@example.test` }));
});

test("MFA: 10 wrong codes lock the account's second factor and the owner is mailed; right codes cost nothing", async () => {
  const account = await signedUp(t.current);
  const { secret, recoveryCodes } = await enableMfa(t.current, account.tokens.accessToken);
  const challenge = async () =>
    (await post(newIp(), '/login', { email: account.email, password: PASSWORD })).body.mfaToken as string;
  // Right codes are not counted: recovery codes log in one after another.
  for (const code of recoveryCodes.slice(0, 3)) {
    assert.equal((await post(newIp(), '/login/mfa', { mfaToken: await challenge(), code })).status, 200);
  }
  // Each step locks after 5 wrong codes; the account after 10, whatever the steps and addresses.
  for (let step = 0; step < 2; step += 1) {
    const token = await challenge();
    for (let i = 0; i < 5; i += 1)
      assertProblem(await post(newIp(), '/login/mfa', { mfaToken: token, code: '000000' }), 401, 'invalid_mfa_code');
  }
  const locked = t.current.mail.lastTo(account.email);
  assert.equal(locked?.subject, 'Two-factor login paused after wrong codes');
  const refused = await post(newIp(), '/login/mfa', { mfaToken: await challenge(), code: totpCode(secret, Date.now() + 30_000) });
  assertLimited(refused);
  assert.ok(Number(refused.headers.get('retry-after')) >= 60);
});

test('password reset: 10 per minute per address', async () => {
  const ip = newIp();
  for (let i = 0; i < 10; i += 1) {
    assertProblem(await post(ip, '/password/reset', { token: `bogus-${i}`, newPassword: PASSWORD }), 400, 'invalid_token');
  }
  assertLimited(await post(ip, '/password/reset', { token: 'bogus', newPassword: PASSWORD }));
});
