import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { assertProblem, PASSWORD, signedUp, signup, totpCode } from './support.js';

// Every answer that carries a secret must never be kept by a proxy or the browser.
const t = useTestApp();

function assertNoStore(res: { status: number; headers: Headers }, what: string): void {
  assert.equal(res.headers.get('cache-control'), 'no-store', `${what} (${res.status})`);
}

test('tokens: login, refresh and e-mail verification answer no-store', async () => {
  const account = await signup(t.current);
  assertNoStore(await t.current.http.post('/verify-email', { token: account.token }), 'POST /verify-email');
  assertNoStore(await t.current.http.get(`/verify-email?token=${encodeURIComponent(account.token)}`), 'GET /verify-email');
  const login = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  assertNoStore(login, 'POST /login');
  assertNoStore(await t.current.http.post('/token/refresh', { refreshToken: login.body.refreshToken }), 'POST /token/refresh');
  // Failures of the same routes too: nothing on them may be cached.
  assertNoStore(await t.current.http.post('/login', { email: account.email, password: 'wrong password' }), 'failed login');
});

test('TOTP setup, enable (recovery codes) and the MFA login step answer no-store', async () => {
  const account = await signedUp(t.current);
  const token = account.tokens.accessToken;
  const setup = await t.current.http.post('/mfa/totp/setup', undefined, token);
  assert.equal(setup.status, 200);
  assertNoStore(setup, 'POST /mfa/totp/setup');
  const enable = await t.current.http.post('/mfa/totp/enable', { password: PASSWORD, code: totpCode(setup.body.secret) }, token);
  assert.equal(enable.status, 200);
  assertNoStore(enable, 'POST /mfa/totp/enable');
  const challenge = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  assertNoStore(challenge, 'MFA challenge');
  const mfa = await t.current.http.post('/login/mfa', { mfaToken: challenge.body.mfaToken, code: enable.body.recoveryCodes[0] });
  assert.equal(mfa.status, 200, mfa.text);
  assertNoStore(mfa, 'POST /login/mfa');
});

test('the reset page (it embeds the token) answers no-store; ordinary answers stay cacheable as before', async () => {
  assertNoStore(await t.current.http.get('/reset-password?token=abc'), 'GET /reset-password');
  const account = await signedUp(t.current);
  const profile = await t.current.http.get('/profile', account.tokens.accessToken);
  assert.equal(profile.status, 200);
  assert.notEqual(profile.headers.get('cache-control'), 'no-store');
  assertProblem(await t.current.http.get('/profile'), 401, 'unauthorized');
});
