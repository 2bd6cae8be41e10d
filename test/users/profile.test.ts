import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents } from '../../src/events/event-log.repository.js';
import { newId } from '../../src/lib/ids.js';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser, uniqueName, type TestUser } from '../helpers/factories.js';
import { assertProblem, PASSWORD, signedUp } from '../auth/support.js';

const t = useTestApp();

async function eventsOf(userId: string, type: string): Promise<any[]> {
  const events = await readEvents(t.current.app.infra.database.db, userId, 0, 200);
  return events.filter((e) => e.type === type).map((e) => e.data);
}

async function uploadedFile(owner: TestUser, mimeType = 'image/png'): Promise<string> {
  const id = newId();
  await t.current.app.infra.database.db
    .insertInto('files')
    .values({
      id,
      ownerId: owner.id,
      name: 'me.png',
      mimeType,
      size: 123,
      storageKey: id,
      sha256: 'x',
      width: 10,
      height: 10,
      thumbnailKey: null,
    })
    .execute();
  return id;
}

test('GET /profile returns your User object', async () => {
  const me = await createUser(t.current);
  const res = await t.current.http.get('/profile', me.token);
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body).sort(), [
    'avatar',
    'bio',
    'createdAt',
    'displayName',
    'email',
    'emailVerified',
    'id',
    'mfaEnabled',
    'username',
  ]);
  assert.equal(res.body.email, me.email);
  assert.equal(res.body.avatar, null);
});

test('profile updates reach you (User) and your friends (PublicUser), not strangers', async () => {
  const me = await createUser(t.current);
  const friend = await createUser(t.current);
  const stranger = await createUser(t.current);
  await befriend(t.current, me, friend);
  const res = await t.current.http.put('/profile', { displayName: 'Ada L.', bio: 'Counting engines' }, me.token);
  assert.equal(res.status, 200);
  assert.equal(res.body.displayName, 'Ada L.');
  assert.equal(res.body.bio, 'Counting engines');

  const mine = await eventsOf(me.id, 'profile.updated');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].email, me.email);
  assert.equal(mine[0].displayName, 'Ada L.');
  const theirs = await eventsOf(friend.id, 'profile.updated');
  assert.equal(theirs.length, 1);
  assert.equal(theirs[0].id, me.id);
  assert.equal(theirs[0].email, undefined);
  assert.equal(theirs[0].online, false);
  assert.deepEqual(await eventsOf(stranger.id, 'profile.updated'), []);

  const cleared = await t.current.http.put('/profile', { displayName: null, bio: null }, me.token);
  assert.equal(cleared.body.displayName, null);
  assert.equal(cleared.body.bio, null);
});

test('username changes are unique regardless of case', async () => {
  const me = await createUser(t.current);
  const other = await createUser(t.current);
  assertProblem(
    await t.current.http.put('/profile', { username: other.username.toUpperCase() }, me.token),
    409,
    'username_taken',
  );
  const own = await t.current.http.put('/profile', { username: me.username.toUpperCase() }, me.token);
  assert.equal(own.status, 200);
  assert.equal(own.body.username, me.username.toUpperCase());
  const fresh = uniqueName('renamed');
  assert.equal((await t.current.http.put('/profile', { username: fresh }, me.token)).body.username, fresh);
});

test('the avatar must be an image you uploaded; null clears it', async () => {
  const me = await createUser(t.current);
  const other = await createUser(t.current);
  const mine = await uploadedFile(me);
  const res = await t.current.http.put('/profile', { avatarFileId: mine }, me.token);
  assert.equal(res.status, 200);
  assert.equal(res.body.avatar.id, mine);
  assert.equal(res.body.avatar.mimeType, 'image/png');
  assert.ok(res.body.avatar.url.startsWith(t.current.config.publicUrl));
  const seen = await t.current.http.get(`/users/${me.id}`, other.token);
  assert.equal(seen.body.avatar.id, mine);

  assertProblem(await t.current.http.put('/profile', { avatarFileId: await uploadedFile(other) }, me.token), 404, 'not_found');
  assertProblem(
    await t.current.http.put('/profile', { avatarFileId: await uploadedFile(me, 'application/pdf') }, me.token),
    404,
    'not_found',
  );
  assertProblem(await t.current.http.put('/profile', { avatarFileId: newId() }, me.token), 404, 'not_found');
  assert.equal((await t.current.http.get('/profile', me.token)).body.avatar.id, mine, 'unchanged by refused updates');
  assert.equal((await t.current.http.put('/profile', { avatarFileId: null }, me.token)).body.avatar, null);
});

test('invalid profile bodies answer 400 with the field path', async () => {
  const me = await createUser(t.current);
  for (const [body, path] of [
    [{ displayName: 'x'.repeat(65) }, 'body.displayName'],
    [{ bio: 'x'.repeat(501) }, 'body.bio'],
    [{ username: 'no spaces' }, 'body.username'],
    [{ username: null }, 'body.username'],
    [{ avatarFileId: 'abc' }, 'body.avatarFileId'],
    [{ email: 'x@example.test' }, 'body.email'],
  ] as const) {
    const res = await t.current.http.put('/profile', body, me.token);
    assertProblem(res, 400, 'validation_failed');
    assert.equal(res.body.errors[0].path, path, JSON.stringify(body));
  }
});

test('GET /users/{id} shows the public view; presence only to friends', async () => {
  const me = await createUser(t.current);
  const friend = await createUser(t.current);
  const stranger = await createUser(t.current);
  await befriend(t.current, me, friend);
  const asFriend = await t.current.http.get(`/users/${me.id}`, friend.token);
  assert.equal(asFriend.status, 200);
  assert.deepEqual(Object.keys(asFriend.body).sort(), ['avatar', 'bio', 'displayName', 'id', 'lastSeenAt', 'online', 'username']);
  assert.equal(asFriend.body.online, false);
  const asStranger = await t.current.http.get(`/users/${me.id}`, stranger.token);
  assert.deepEqual(Object.keys(asStranger.body).sort(), ['avatar', 'bio', 'displayName', 'id', 'username']);
  assertProblem(await t.current.http.get(`/users/${newId()}`, me.token), 404, 'not_found');
  assertProblem(await t.current.http.get('/users/not-an-id', me.token), 400, 'validation_failed');
  assertProblem(await t.current.http.get(`/users/${me.id}`), 401, 'unauthorized');
});

test('username search: case-insensitive prefix, literal underscores, cursor pages', async () => {
  const me = await createUser(t.current);
  const prefix = uniqueName('srch').replace(/_/g, '').slice(0, 10);
  const names = [`${prefix}_a`, `${prefix}_B`, `${prefix}_c`, `${prefix}xd`];
  for (const username of names) await createUser(t.current, { username });
  const first = await t.current.http.get(`/users?query=${prefix.toUpperCase()}&limit=2`, me.token);
  assert.equal(first.status, 200);
  assert.deepEqual(
    first.body.users.map((u: any) => u.username),
    [`${prefix}_a`, `${prefix}_B`],
  );
  assert.equal(first.body.users[0].email, undefined);
  const second = await t.current.http.get(`/users?query=${prefix}&limit=2&cursor=${first.body.nextCursor}`, me.token);
  assert.deepEqual(
    second.body.users.map((u: any) => u.username),
    [`${prefix}_c`, `${prefix}xd`],
  );
  assert.equal(second.body.nextCursor, null);
  const literal = await t.current.http.get(`/users?query=${prefix}_`, me.token);
  assert.equal(literal.body.users.length, 3, '`_` is not a wildcard');
  assert.deepEqual((await t.current.http.get(`/users?query=zz${prefix}`, me.token)).body, { users: [], nextCursor: null });

  assertProblem(await t.current.http.get('/users', me.token), 400, 'validation_failed');
  assertProblem(await t.current.http.get('/users?query=ab&limit=101', me.token), 400, 'validation_failed');
  assertProblem(await t.current.http.get('/users?query=ab&cursor=%%%', me.token), 400, 'invalid_cursor');
});

test('DELETE /profile needs the password; the account is anonymised and its sessions revoked', async () => {
  const account = await signedUp(t.current);
  const friend = await createUser(t.current);
  await befriend(t.current, { ...friend, id: account.id }, friend);
  const token = account.tokens.accessToken;
  assertProblem(await t.current.http.delete('/profile', token, { password: 'wrong password' }), 401, 'invalid_credentials');
  assertProblem(await t.current.http.delete('/profile', token, {}), 400, 'validation_failed');
  assert.equal((await t.current.http.delete('/profile', token, { password: PASSWORD })).status, 204);

  assert.deepEqual(
    (await eventsOf(account.id, 'session.revoked')).map((d) => d.sessionIds),
    [[account.tokens.sessionId]],
  );
  assertProblem(await t.current.http.post('/login', { email: account.email, password: PASSWORD }), 401, 'invalid_credentials');
  assertProblem(await t.current.http.post('/token/refresh', { refreshToken: account.tokens.refreshToken }), 401, 'unauthorized');
  assertProblem(await t.current.http.get(`/users/${account.id}`, friend.token), 404, 'not_found');
  assert.deepEqual((await t.current.http.get(`/users?query=${account.username}`, friend.token)).body.users, []);
  const friendships = await t.current.app.infra.database.db
    .selectFrom('friendships')
    .selectAll()
    .where('friendId', '=', account.id)
    .execute();
  assert.equal(friendships.length, 0);
  const row = await t.current.app.infra.database.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', account.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.email, null);
  assert.equal(row.passwordHash, null);
  assert.equal(row.displayName, 'Deleted user');
  assert.ok(row.deletedAt);
  // The name and address are free again.
  const again = await t.current.http.post('/signup', { username: account.username, email: account.email, password: PASSWORD });
  assert.equal(again.status, 202);
  assert.equal(t.current.mail.lastTo(account.email)!.subject, 'Confirm your e-mail address');
});
