import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { readEvents } from '../../src/events/event-log.repository.js';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { assertProblem, PASSWORD, signedUp, signup } from './support.js';

const t = useTestApp();

async function revokedEvents(app: TestApp, userId: string): Promise<string[][]> {
  const events = await readEvents(app.app.infra.database.db, userId, 0, 100);
  return events.filter((e) => e.type === 'session.revoked').map((e) => (e.data as { sessionIds: string[] }).sessionIds);
}

test('login returns tokens that authenticate, with the e-mail in any case', async () => {
  const account = await signedUp(t.current);
  const res = await t.current.http.post('/login', { email: account.email.toUpperCase(), password: PASSWORD });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(typeof res.body.accessToken, 'string');
  assert.equal(typeof res.body.refreshToken, 'string');
  assert.equal(res.body.user.email, account.email);
  const profile = await t.current.http.get('/profile', res.body.accessToken);
  assert.equal(profile.status, 200);
  assert.equal(profile.body.id, account.id);
});

test('wrong password and unknown e-mail answer alike; email_not_verified only after a correct password', async () => {
  const account = await signedUp(t.current);
  const wrong = await t.current.http.post('/login', { email: account.email, password: 'wrong password' });
  const unknown = await t.current.http.post('/login', { email: 'nobody-here@example.test', password: 'wrong password' });
  assertProblem(wrong, 401, 'invalid_credentials');
  assertProblem(unknown, 401, 'invalid_credentials');
  assert.deepEqual(wrong.body, unknown.body);

  const unverified = await signup(t.current);
  assertProblem(
    await t.current.http.post('/login', { email: unverified.email, password: 'wrong password' }),
    401,
    'invalid_credentials',
  );
  assertProblem(await t.current.http.post('/login', { email: unverified.email, password: PASSWORD }), 403, 'email_not_verified');
});

test('invalid login bodies answer 400 with the field path', async () => {
  for (const [body, path] of [
    [{ email: 'a@example.test' }, 'body.password'],
    [{ password: PASSWORD }, 'body.email'],
    [{ email: 'nope', password: PASSWORD }, 'body.email'],
    [{ email: 'a@example.test', password: PASSWORD, remember: true }, 'body.remember'],
    [{ email: 'a@example.test', password: { a: 1 } }, 'body.password'],
  ] as const) {
    const res = await t.current.http.post('/login', body);
    assertProblem(res, 400, 'validation_failed');
    assert.equal(res.body.errors[0].path, path);
  }
});

test('refresh tokens rotate; reusing a spent one revokes the session', async () => {
  const account = await signedUp(t.current);
  const first = account.tokens.refreshToken;
  const rotated = await t.current.http.post('/token/refresh', { refreshToken: first });
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.body.refreshToken, first);
  assert.equal(rotated.body.sessionId, account.tokens.sessionId);
  assert.equal((await t.current.http.get('/sessions', rotated.body.accessToken)).status, 200);
  assert.deepEqual(await revokedEvents(t.current, account.id), []);

  const reuse = await t.current.http.post('/token/refresh', { refreshToken: first });
  assertProblem(reuse, 401, 'session_revoked');
  // The thief's reuse also ends the legitimate holder's chain.
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: rotated.body.refreshToken }), 401, 'unauthorized');
  assertProblem(await t.current.http.get('/sessions', rotated.body.accessToken), 401, 'session_revoked');
  assert.deepEqual(await revokedEvents(t.current, account.id), [[account.tokens.sessionId]]);
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: 'made-up' }), 401, 'unauthorized');
  assertProblem(await t.current.http.post('/token/refresh', {}), 400, 'validation_failed');
});

test('logout ends the session of a refresh token without an access token', async () => {
  const account = await signedUp(t.current);
  const res = await t.current.http.post('/logout', { refreshToken: account.tokens.refreshToken });
  assert.equal(res.status, 204);
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: account.tokens.refreshToken }), 401, 'unauthorized');
  assert.deepEqual(await revokedEvents(t.current, account.id), [[account.tokens.sessionId]]);
  assert.equal((await t.current.http.post('/logout', { refreshToken: account.tokens.refreshToken })).status, 204);
  assert.equal((await t.current.http.post('/logout', { refreshToken: 'unknown' })).status, 204);
  assert.deepEqual(await revokedEvents(t.current, account.id), [[account.tokens.sessionId]], 'no second event');
  assertProblem(await t.current.http.post('/logout', { token: 'x' }), 400, 'validation_failed');
});

test('sessions are listed with the current one marked, and can be revoked one by one', async () => {
  const account = await signedUp(t.current);
  const other = await t.current.http.request('POST', '/login', {
    body: { email: account.email, password: PASSWORD },
    headers: { 'user-agent': 'PhoneApp/1.0' },
  });
  const list = await t.current.http.get('/sessions', account.tokens.accessToken);
  assert.equal(list.status, 200);
  assert.equal(list.body.sessions.length, 2);
  assert.equal(list.body.nextCursor, null);
  const current = list.body.sessions.find((s: any) => s.current);
  assert.equal(current.id, account.tokens.sessionId);
  const phone = list.body.sessions.find((s: any) => !s.current);
  assert.equal(phone.id, other.body.sessionId);
  assert.equal(phone.userAgent, 'PhoneApp/1.0');
  assert.equal(phone.ip, '127.0.0.1');

  const page = await t.current.http.get('/sessions?limit=1', account.tokens.accessToken);
  assert.equal(page.body.sessions.length, 1);
  const next = await t.current.http.get(`/sessions?limit=1&cursor=${page.body.nextCursor}`, account.tokens.accessToken);
  assert.equal(next.body.sessions.length, 1);
  assert.notEqual(next.body.sessions[0].id, page.body.sessions[0].id);
  assert.equal(next.body.nextCursor, null);

  assert.equal((await t.current.http.delete(`/sessions/${phone.id}`, account.tokens.accessToken)).status, 204);
  assert.deepEqual(await revokedEvents(t.current, account.id), [[phone.id]]);
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: other.body.refreshToken }), 401, 'unauthorized');
  const after = await t.current.http.get('/sessions', account.tokens.accessToken);
  assert.deepEqual(
    after.body.sessions.map((s: any) => s.id),
    [account.tokens.sessionId],
  );

  assertProblem(await t.current.http.delete(`/sessions/${phone.id}`, account.tokens.accessToken), 404, 'not_found');
  const stranger = await signedUp(t.current);
  assertProblem(
    await t.current.http.delete(`/sessions/${stranger.tokens.sessionId}`, account.tokens.accessToken),
    404,
    'not_found',
  );
  assert.equal(
    (await t.current.http.get('/sessions', stranger.tokens.accessToken)).status,
    200,
    "the stranger's session survives",
  );
  assertProblem(await t.current.http.delete('/sessions/not-an-id', account.tokens.accessToken), 400, 'validation_failed');
  assertProblem(await t.current.http.get('/sessions?cursor=garbage', account.tokens.accessToken), 400, 'invalid_cursor');
});

test('logout/all revokes every session, the current one included', async () => {
  const account = await signedUp(t.current);
  const second = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  assert.equal((await t.current.http.post('/logout/all', undefined, account.tokens.accessToken)).status, 204);
  const revoked = await revokedEvents(t.current, account.id);
  assert.equal(revoked.length, 1);
  assert.deepEqual([...revoked[0]!].sort(), [account.tokens.sessionId, second.body.sessionId].sort());
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: second.body.refreshToken }), 401, 'unauthorized');
  assertProblem(await t.current.http.get('/sessions', second.body.accessToken), 401, 'session_revoked');
  assertProblem(await t.current.http.post('/logout/all', undefined, account.tokens.accessToken), 401, 'session_revoked');
});

test('missing, forged, foreign-key, alg:none and expired access tokens answer 401', async () => {
  const account = await signedUp(t.current);
  const claims = { sid: account.tokens.sessionId };
  assertProblem(await t.current.http.get('/profile'), 401, 'unauthorized');
  assertProblem(
    await t.current.http.request('GET', '/profile', { headers: { authorization: 'Basic abc' } }),
    401,
    'unauthorized',
  );
  assertProblem(await t.current.http.get('/profile', 'not.a.jwt'), 401, 'unauthorized');
  const [h, p, s] = account.tokens.accessToken.split('.');
  const tampered = JSON.parse(Buffer.from(p!, 'base64url').toString());
  tampered.sub = '00000000-0000-7000-8000-000000000000';
  assertProblem(
    await t.current.http.get('/profile', `${h}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${s}`),
    401,
    'unauthorized',
  );

  const otherKey = new TextEncoder().encode('another-secret-that-is-long-enough-0123456789');
  const foreign = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(account.id)
    .setExpirationTime('5m')
    .sign(otherKey);
  assertProblem(await t.current.http.get('/profile', foreign), 401, 'unauthorized');
  const none = new UnsecuredJWT(claims).setSubject(account.id).setExpirationTime('5m').encode();
  assertProblem(await t.current.http.get('/profile', none), 401, 'unauthorized');

  const key = new TextEncoder().encode(t.current.config.jwtSecret);
  const expired = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(account.id)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
    .sign(key);
  assertProblem(await t.current.http.get('/profile', expired), 401, 'token_expired');
  const valid = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(account.id)
    .setExpirationTime('5m')
    .sign(key);
  assert.equal((await t.current.http.get('/profile', valid)).status, 200);
});

test('spent refresh tokens are forgotten after a week; a very old replay is refused without ending the session', async () => {
  const account = await signedUp(t.current);
  const { db } = t.current.app.infra.database;
  const second = await t.current.http.post('/token/refresh', { refreshToken: account.tokens.refreshToken });
  await db
    .updateTable('refreshTokens')
    .set({ usedAt: new Date(Date.now() - 8 * 86_400_000) })
    .where('sessionId', '=', account.tokens.sessionId)
    .where('usedAt', 'is not', null)
    .execute();
  const third = await t.current.http.post('/token/refresh', { refreshToken: second.body.refreshToken });
  assert.equal(third.status, 200);
  const rows = await db.selectFrom('refreshTokens').select('usedAt').where('sessionId', '=', account.tokens.sessionId).execute();
  assert.equal(rows.length, 2, 'the week-old spent token was pruned; the one just spent and the new one remain');
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: account.tokens.refreshToken }), 401, 'unauthorized');
  assert.equal((await t.current.http.post('/token/refresh', { refreshToken: third.body.refreshToken })).status, 200);
  assert.deepEqual(await revokedEvents(t.current, account.id), []);
});
