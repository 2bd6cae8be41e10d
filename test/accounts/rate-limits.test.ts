import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';
import { assertProblem, enableMfa, PASSWORD, signedUp } from './support.js';

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

test('login: 5 per minute per account, whatever the address', async () => {
  const account = await signedUp(t.current);
  for (let i = 0; i < 5; i += 1) {
    assertProblem(
      await post(newIp(), '/login', { email: account.email, password: 'wrong password' }),
      401,
      'invalid_credentials',
    );
  }
  assertLimited(await post(newIp(), '/login', { email: account.email.toUpperCase(), password: PASSWORD }));
  assert.equal(
    (await post(newIp(), '/login', { email: `other-${account.email}`, password: PASSWORD })).status,
    401,
    'other accounts unaffected',
  );
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

test('resend and forgot: limited per account and per address', async () => {
  const account = await signedUp(t.current);
  // Sign-up mailed once; four more mails to the same account are allowed this hour.
  for (let i = 0; i < 4; i += 1) assert.equal((await post(newIp(), '/password/forgot', { email: account.email })).status, 202);
  assertLimited(await post(newIp(), '/verify-email/resend', { email: account.email }));
  const ip = newIp();
  for (let i = 0; i < 5; i += 1)
    assert.equal((await post(ip, '/verify-email/resend', { email: `${uniqueName('r')}@example.test` })).status, 202);
  assertLimited(await post(ip, '/password/forgot', { email: `${uniqueName('r')}@example.test` }));
});

test('MFA: wrong codes are limited per account', async () => {
  const account = await signedUp(t.current);
  await enableMfa(t.current, account.tokens.accessToken);
  const challenge = async () =>
    (await post(newIp(), '/login', { email: account.email, password: PASSWORD })).body.mfaToken as string;
  // Each step locks after 5 wrong codes; the account limit also allows 5 a minute (enable took one).
  const token = await challenge();
  for (let i = 0; i < 4; i += 1)
    assertProblem(await post(newIp(), '/login/mfa', { mfaToken: token, code: '000000' }), 401, 'invalid_mfa_code');
  assertLimited(await post(newIp(), '/login/mfa', { mfaToken: await challenge(), code: '000000' }));
});

test('password reset: 10 per minute per address', async () => {
  const ip = newIp();
  for (let i = 0; i < 10; i += 1) {
    assertProblem(await post(ip, '/password/reset', { token: `bogus-${i}`, newPassword: PASSWORD }), 400, 'invalid_token');
  }
  assertLimited(await post(ip, '/password/reset', { token: 'bogus', newPassword: PASSWORD }));
});
