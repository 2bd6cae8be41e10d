import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import type { Response } from '../helpers/http.js';

// Limits are per user: each test uses fresh users, so the tests do not drain each other's buckets.
const t = useTestApp({ rateLimits: true });

function assertLimited(res: Response, maxRetry: number): void {
  assert.equal(res.status, 429, res.text);
  assert.equal(res.body.code, 'rate_limited');
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  const retry = Number(res.headers.get('retry-after'));
  assert.ok(retry >= 1 && retry <= maxRetry, `Retry-After ${retry}`);
  assert.ok(res.headers.get('ratelimit-limit'));
}

async function users(n: number): Promise<TestUser[]> {
  return Promise.all(Array.from({ length: n }, () => createUser(t.current)));
}

test('friend requests: 20 an hour per user, by id or by username', async () => {
  const [me, other] = await users(2);
  const targets = await users(20);
  for (const [i, target] of targets.entries()) {
    const body = i % 2 === 0 ? { userId: target.id } : { username: target.username };
    assert.equal((await t.current.http.post('/friends/add', body, me!.token)).status, 201);
  }
  const [late] = await users(1);
  assertLimited(await t.current.http.post('/friends/add', { username: late!.username }, me!.token), 3600);
  // Unknown names are refused without a lookup too, so the limit also bounds probing for names.
  assertLimited(await t.current.http.post('/friends/add', { username: 'nobody_by_this_name' }, me!.token), 3600);
  assert.equal((await t.current.http.post('/friends/add', { userId: late!.id }, other!.token)).status, 201, 'others unaffected');
});

test('group creation: 10 an hour per user', async () => {
  const [me, other] = await users(2);
  const create = (u: TestUser, n: number) => t.current.http.post('/groups', { name: `g${n}`, memberIds: [] }, u.token);
  for (let i = 0; i < 10; i += 1) assert.equal((await create(me!, i)).status, 201);
  assertLimited(await create(me!, 10), 3600);
  assert.equal((await create(other!, 0)).status, 201, 'others unaffected');
});

test('user search: at least 2 characters, and 30 a minute per user', async () => {
  const [me, other] = await users(2);
  const one = await t.current.http.get('/users?query=a', me!.token);
  assert.equal(one.status, 400);
  assert.equal(one.body.code, 'validation_failed');
  assert.equal(one.body.errors[0].path, 'querystring.query');
  // The bucket refills one search every 2 s, so a slow machine may fit a few more than 30 before
  // the first refusal; a limit it is all the same.
  let answered = 0;
  let res = await t.current.http.get('/users?query=ab', me!.token);
  for (; res.status === 200 && answered < 60; answered += 1) res = await t.current.http.get('/users?query=ab', me!.token);
  assert.ok(answered >= 30, `${answered} searches answered before the first refusal`);
  assertLimited(res, 60);
  assert.equal((await t.current.http.get('/users?query=ab', other!.token)).status, 200, 'others unaffected');
});
