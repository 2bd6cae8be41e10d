import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents } from '../../src/events/event-log.repository.js';
import { useTestApp } from '../helpers/app.js';
import { assertProblem, expireTokens, PASSWORD, signedUp, tokenFromText } from './support.js';

const t = useTestApp();
const NEW_PASSWORD = 'a brand new passphrase';

async function revokedIds(userId: string): Promise<string[]> {
  const events = await readEvents(t.current.app.infra.database.db, userId, 0, 100);
  return events.filter((e) => e.type === 'session.revoked').flatMap((e) => (e.data as { sessionIds: string[] }).sessionIds);
}

async function forgot(email: string): Promise<string> {
  const res = await t.current.http.post('/password/forgot', { email });
  assert.equal(res.status, 202);
  const mail = t.current.mail.lastTo(email)!;
  assert.equal(mail.subject, 'Reset your password');
  assert.ok(mail.text.includes(`${t.current.config.publicUrl}/reset-password?token=`));
  return tokenFromText(mail.text, 'reset-password');
}

test('forgot → mailed link → HTML form → reset: new password works, every session revoked', async () => {
  const account = await signedUp(t.current);
  const token = await forgot(account.email);
  const page = await t.current.http.get(`/reset-password?token=${encodeURIComponent(token)}`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.ok(page.text.includes('<form method="post" action="reset-password">'));
  assert.ok(page.text.includes(`name="token" value="${token}"`));

  assert.equal((await t.current.http.post('/password/reset', { token, newPassword: NEW_PASSWORD })).status, 204);
  assertProblem(await t.current.http.post('/login', { email: account.email, password: PASSWORD }), 401, 'invalid_credentials');
  assert.equal((await t.current.http.post('/login', { email: account.email, password: NEW_PASSWORD })).status, 200);
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: account.tokens.refreshToken }), 401, 'unauthorized');
  assert.deepEqual(await revokedIds(account.id), [account.tokens.sessionId]);

  assertProblem(await t.current.http.post('/password/reset', { token, newPassword: 'yet another one' }), 400, 'invalid_token');
});

test('forgot answers 202 for unknown addresses without mail; bad, expired and weak resets are refused', async () => {
  const sent = t.current.mail.sent.length;
  assert.equal((await t.current.http.post('/password/forgot', { email: 'ghost@example.test' })).status, 202);
  assert.equal(t.current.mail.sent.length, sent);
  assertProblem(await t.current.http.post('/password/forgot', { email: 'not an email' }), 400, 'validation_failed');

  const account = await signedUp(t.current);
  const token = await forgot(account.email);
  const weak = await t.current.http.post('/password/reset', { token, newPassword: 'short' });
  assertProblem(weak, 400, 'validation_failed');
  assert.equal(weak.body.errors[0].path, 'body.newPassword');
  assertProblem(
    await t.current.http.post('/password/reset', { token: 'bogus', newPassword: NEW_PASSWORD }),
    400,
    'invalid_token',
  );
  await expireTokens(t.current, 'reset_password');
  assertProblem(await t.current.http.post('/password/reset', { token, newPassword: NEW_PASSWORD }), 400, 'invalid_token');
  assert.equal((await t.current.http.post('/login', { email: account.email, password: PASSWORD })).status, 200);
});

test('password change needs the current password and revokes the other sessions only', async () => {
  const account = await signedUp(t.current);
  const other = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  const token = account.tokens.accessToken;
  assertProblem(
    await t.current.http.put('/profile/password', { currentPassword: 'wrong password', newPassword: NEW_PASSWORD }, token),
    401,
    'invalid_credentials',
  );
  assertProblem(
    await t.current.http.put('/profile/password', { currentPassword: PASSWORD, newPassword: 'short' }, token),
    400,
    'validation_failed',
  );
  assert.equal(
    (await t.current.http.put('/profile/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, token)).status,
    204,
  );
  assert.deepEqual(await revokedIds(account.id), [other.body.sessionId]);
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: other.body.refreshToken }), 401, 'unauthorized');
  assert.equal((await t.current.http.post('/token/refresh', { refreshToken: account.tokens.refreshToken })).status, 200);
  assert.equal((await t.current.http.post('/login', { email: account.email, password: NEW_PASSWORD })).status, 200);
  assertProblem(
    await t.current.http.put('/profile/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    401,
    'unauthorized',
  );
});

test('e-mail change applies when the link mailed to the new address is followed', async () => {
  const account = await signedUp(t.current);
  const token = account.tokens.accessToken;
  const newEmail = `new-${account.email}`;
  assertProblem(
    await t.current.http.put('/profile/email', { password: 'wrong password', newEmail }, token),
    401,
    'invalid_credentials',
  );
  assertProblem(
    await t.current.http.put('/profile/email', { password: PASSWORD, newEmail: 'nope' }, token),
    400,
    'validation_failed',
  );
  const res = await t.current.http.put('/profile/email', { password: PASSWORD, newEmail }, token);
  assert.equal(res.status, 202);
  assert.equal((await t.current.http.get('/profile', token)).body.email, account.email, 'not yet');
  const mail = t.current.mail.lastTo(newEmail)!;
  assert.equal(mail.subject, 'Confirm your new e-mail address');
  const link = tokenFromText(mail.text, 'verify-email');
  const page = await t.current.http.get(`/verify-email?token=${encodeURIComponent(link)}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /E-mail changed/);
  assert.equal((await t.current.http.get('/profile', token)).body.email, newEmail);
  assert.equal(t.current.mail.lastTo(account.email)!.subject, 'Your e-mail address was changed');
  assert.equal((await t.current.http.post('/login', { email: newEmail, password: PASSWORD })).status, 200);
  assertProblem(await t.current.http.post('/login', { email: account.email, password: PASSWORD }), 401, 'invalid_credentials');
  assertProblem(await t.current.http.post('/verify-email', { token: link }), 400, 'invalid_token');
  const events = await readEvents(t.current.app.infra.database.db, account.id, 0, 100);
  const updated = events.filter((e) => e.type === 'profile.updated').at(-1);
  assert.equal((updated?.data as { email: string }).email, newEmail);
});

test('changing to an address that has an account changes nothing and mails that address', async () => {
  const account = await signedUp(t.current);
  const taken = await signedUp(t.current);
  const res = await t.current.http.put(
    '/profile/email',
    { password: PASSWORD, newEmail: taken.email.toUpperCase() },
    account.tokens.accessToken,
  );
  assert.equal(res.status, 202);
  assert.equal(t.current.mail.lastTo(taken.email)!.subject, 'E-mail change not possible');
  assert.equal((await t.current.http.get('/profile', account.tokens.accessToken)).body.email, account.email);
});
