import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';
import { assertProblem, expireTokens, PASSWORD, signup, tokenFromText } from './support.js';

const t = useTestApp();

test('sign-up mails a verification link built from PUBLIC_URL; the API confirms it', async () => {
  const account = await signup(t.current);
  const mail = t.current.mail.lastTo(account.email)!;
  assert.equal(mail.subject, 'Confirm your e-mail address');
  assert.ok(mail.text.includes(`${t.current.config.publicUrl}/verify-email?token=`));
  assert.ok(mail.html.includes('/verify-email?token='));

  const before = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  assertProblem(before, 403, 'email_not_verified');

  const res = await t.current.http.post('/verify-email', { token: account.token });
  assert.equal(res.status, 200);
  assert.equal(res.body.user.username, account.username);
  assert.equal(res.body.user.email, account.email);
  assert.equal(res.body.user.emailVerified, true);
  assert.equal(res.body.user.mfaEnabled, false);
  assert.equal(res.body.user.passwordHash, undefined);

  const login = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  assert.equal(login.status, 200);
  assert.equal(login.body.tokenType, 'Bearer');
  assert.equal(login.body.expiresIn, 900);
  assert.equal(login.body.user.id, res.body.user.id);
});

test('the mailed link opens an HTML page, and is idempotent for a verified account', async () => {
  const account = await signup(t.current);
  const first = await t.current.http.get(`/verify-email?token=${encodeURIComponent(account.token)}`);
  assert.equal(first.status, 200);
  assert.match(first.headers.get('content-type') ?? '', /text\/html/);
  assert.match(first.text, /E-mail confirmed/);
  const again = await t.current.http.get(`/verify-email?token=${encodeURIComponent(account.token)}`);
  assert.equal(again.status, 200);
  assert.match(again.text, /already verified/i);
  const api = await t.current.http.post('/verify-email', { token: account.token });
  assert.equal(api.status, 200);
  assert.equal(api.body.user.emailVerified, true);
  const bad = await t.current.http.get('/verify-email?token=nope');
  assert.equal(bad.status, 400);
  assert.match(bad.text, /invalid or has expired/);
  const none = await t.current.http.get('/verify-email');
  assert.equal(none.status, 400);
});

test('a bad or expired verification token is refused', async () => {
  assertProblem(await t.current.http.post('/verify-email', { token: 'not-a-token' }), 400, 'invalid_token');
  const account = await signup(t.current);
  await expireTokens(t.current, 'verify_email');
  assertProblem(await t.current.http.post('/verify-email', { token: account.token }), 400, 'invalid_token');
  const page = await t.current.http.get(`/verify-email?token=${encodeURIComponent(account.token)}`);
  assert.equal(page.status, 400);
  assertProblem(await t.current.http.post('/login', { email: account.email, password: PASSWORD }), 403, 'email_not_verified');
});

test('signing up with a registered e-mail answers the same and mails the owner instead', async () => {
  const first = await signup(t.current);
  await t.current.http.post('/verify-email', { token: first.token });
  const sentBefore = t.current.mail.sent.length;
  const res = await t.current.http.post('/signup', {
    username: uniqueName('dup'),
    email: first.email.toUpperCase(),
    password: 'another password',
  });
  assert.equal(res.status, 202);
  assert.deepEqual(res.body, { status: 'verification_sent' });
  assert.equal(t.current.mail.sent.length, sentBefore + 1);
  const mail = t.current.mail.lastTo(first.email)!;
  assert.equal(mail.subject, 'You already have an account');
  assert.ok(!mail.text.includes('verify-email?token='), 'a verified owner gets no new link');
  // No second account was made: the old password still works, the new one does not.
  assertProblem(
    await t.current.http.post('/login', { email: first.email, password: 'another password' }),
    401,
    'invalid_credentials',
  );
  assert.equal((await t.current.http.post('/login', { email: first.email, password: PASSWORD })).status, 200);
});

test('signing up with an address someone else registered first yields no link that would confirm their account', async () => {
  // The attacker signs up first with the victim's address and a password of their own.
  const attacker = await signup(t.current, { password: 'the attacker password' });
  const { db } = t.current.app.infra.database;
  const tokensBefore = await db.selectFrom('userTokens').select('tokenHash').execute();
  // The victim then tries to sign up with their own address.
  const res = await t.current.http.post('/signup', { username: uniqueName('victim'), email: attacker.email, password: PASSWORD });
  assert.equal(res.status, 202);
  const mail = t.current.mail.lastTo(attacker.email)!;
  assert.equal(mail.subject, 'You already have an account');
  assert.equal(mail.link, undefined);
  assert.ok(!/token=/.test(mail.text) && !/token=/.test(mail.html), 'no token in the mail');
  assert.match(mail.text, /Forgot password/);
  const tokensAfter = await db.selectFrom('userTokens').select('tokenHash').execute();
  assert.equal(tokensAfter.length, tokensBefore.length, 'no new token was made for the existing account');
  // The account stays unconfirmed: the attacker still cannot log in.
  assertProblem(
    await t.current.http.post('/login', { email: attacker.email, password: 'the attacker password' }),
    403,
    'email_not_verified',
  );
});

test('a username taken in another case answers 409 username_taken and sends no mail', async () => {
  const first = await signup(t.current);
  const sentBefore = t.current.mail.sent.length;
  const res = await t.current.http.post('/signup', {
    username: first.username.toUpperCase(),
    email: `${uniqueName('x')}@example.test`,
    password: PASSWORD,
  });
  assertProblem(res, 409, 'username_taken');
  assert.equal(t.current.mail.sent.length, sentBefore);
});

test('resend mails a fresh link to unverified accounts and answers 202 for anything', async () => {
  const account = await signup(t.current);
  const res = await t.current.http.post('/verify-email/resend', { email: account.email });
  assert.equal(res.status, 202);
  const token = tokenFromText(t.current.mail.lastTo(account.email)!.text, 'verify-email');
  assert.notEqual(token, account.token);
  assert.equal((await t.current.http.post('/verify-email', { token })).status, 200);

  const sentBefore = t.current.mail.sent.length;
  assert.equal((await t.current.http.post('/verify-email/resend', { email: account.email })).status, 202);
  assert.equal((await t.current.http.post('/verify-email/resend', { email: 'nobody@example.test' })).status, 202);
  assert.equal(t.current.mail.sent.length, sentBefore, 'verified and unknown addresses get nothing');
});

test('invalid sign-up bodies answer 400 validation_failed with the field path', async () => {
  const ok = { username: uniqueName('v'), email: `${uniqueName('v')}@example.test`, password: PASSWORD };
  const cases: [unknown, string][] = [
    [{ ...ok, username: 'ab' }, 'body.username'],
    [{ ...ok, username: 'a'.repeat(33) }, 'body.username'],
    [{ ...ok, username: 'bad name!' }, 'body.username'],
    [{ ...ok, email: 'not-an-email' }, 'body.email'],
    [{ ...ok, password: 'short' }, 'body.password'],
    [{ ...ok, password: 'x'.repeat(129) }, 'body.password'],
    [{ ...ok, extra: 1 }, 'body.extra'],
    [{ email: ok.email, password: PASSWORD }, 'body.username'],
    [{ ...ok, username: 42 }, 'body.username'],
    [[], 'body'],
  ];
  for (const [body, path] of cases) {
    const res = await t.current.http.post('/signup', body);
    assertProblem(res, 400, 'validation_failed');
    assert.equal(res.body.errors[0].path, path, JSON.stringify(body));
  }
  const malformed = await t.current.http.request('POST', '/signup', {
    body: '{"username":',
    headers: { 'content-type': 'application/json' },
  });
  assertProblem(malformed, 400, 'invalid_json');
  const wrongType = await t.current.http.request('POST', '/signup', {
    body: '<x/>',
    headers: { 'content-type': 'application/xml' },
  });
  assertProblem(wrongType, 415, 'unsupported_media_type');
  const empty = await t.current.http.request('POST', '/signup', { headers: { 'content-type': 'application/json' } });
  assert.equal(empty.status, 400);
});
