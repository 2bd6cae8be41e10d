import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../src/lib/ids.js';
import { createUrlSigner } from '../../src/modules/files/index.js';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { download, local, pngWithGps, upload } from './helpers.js';

const t = useTestApp();

async function uploadText(owner: TestUser, text = 'the quick brown fox jumps over the lazy dog'): Promise<any> {
  const res = await upload(t.current, owner.token, text, 'fox.txt');
  assert.equal(res.status, 201);
  return res.body;
}

/** A direct conversation between the users with one message carrying `fileId` (rows written directly). */
async function sendAttachment(app: TestApp, from: TestUser, members: TestUser[], fileId: string) {
  const { db } = app.app.infra.database;
  const conversationId = newId();
  const messageId = newId();
  const now = new Date();
  await db.insertInto('conversations').values({ id: conversationId, type: 'direct', lastSeq: 1, updatedAt: now }).execute();
  await db
    .insertInto('conversationMembers')
    .values(members.map((m) => ({ conversationId, userId: m.id, activityAt: now, role: null })))
    .execute();
  await db
    .insertInto('messages')
    .values({ id: messageId, conversationId, seq: 1, senderId: from.id, recipientId: members[1]?.id ?? null, text: null })
    .execute();
  await db.insertInto('messageAttachments').values({ messageId, fileId, position: 0 }).execute();
  return { conversationId, messageId };
}

test('the uploader reads with a Bearer token; another user gets 404; nobody gets in without credentials', async () => {
  const alice = await createUser(t.current);
  const mallory = await createUser(t.current);
  const file = await uploadText(alice);
  const path = `${t.current.url}/files/${file.id}`;
  const mine = await download(path, { token: alice.token });
  assert.equal(mine.status, 200);
  assert.equal(mine.bytes.toString(), 'the quick brown fox jumps over the lazy dog');
  assert.equal(mine.headers.get('etag'), `"${mine.headers.get('etag')?.slice(1, -1)}"`);
  assert.match(mine.headers.get('cache-control') ?? '', /^private, max-age=\d+$/);
  assert.equal(mine.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(mine.headers.get('content-security-policy'), 'sandbox');

  const theirs = await download(path, { token: mallory.token });
  assert.equal(theirs.status, 404);
  assert.equal(theirs.json.code, 'not_found');
  const absent = await download(`${t.current.url}/files/${newId()}`, { token: mallory.token });
  assert.equal(absent.status, 404);
  assert.deepEqual({ ...theirs.json, detail: undefined }, { ...absent.json, detail: undefined }, 'indistinguishable from absent');

  const anonymous = await download(path);
  assert.equal(anonymous.status, 401);
  const badToken = await download(path, { headers: { authorization: 'Bearer nope' } });
  assert.equal(badToken.status, 401);
  const badId = await download(`${t.current.url}/files/not-an-id`, { token: alice.token });
  assert.equal(badId.status, 400);
});

test('a signed URL works without a header; expired, tampered or cross-variant signatures get 404', async () => {
  const alice = await createUser(t.current);
  const res = await upload(t.current, alice.token, await pngWithGps(100, 100), 'p.png');
  const file = res.body;
  assert.equal((await download(local(t.current, file.url))).status, 200);
  const thumb = await download(local(t.current, file.thumbnailUrl));
  assert.equal(thumb.status, 200);
  assert.equal(thumb.headers.get('content-type'), 'image/webp');

  const url = new URL(local(t.current, file.url));
  const tampered = new URL(url);
  tampered.searchParams.set('sig', `${url.searchParams.get('sig')!.slice(0, -2)}AA`);
  assert.equal((await download(tampered.toString())).status, 404);
  const later = new URL(url);
  later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 600));
  assert.equal((await download(later.toString())).status, 404);
  const crossVariant = `${t.current.url}/files/${file.id}/thumbnail${url.search}`;
  assert.equal((await download(crossVariant)).status, 404);
  const otherFile = (await uploadText(alice)).id;
  assert.equal((await download(`${t.current.url}/files/${otherFile}${url.search}`)).status, 404);

  const signer = createUrlSigner(t.current.config.jwtSecret, t.current.config.publicUrl);
  const expired = signer.url(file.id, 'original', Date.now() - 2 * 3600 * 1000);
  assert.ok(Number(new URL(expired).searchParams.get('expires')) * 1000 < Date.now());
  const gone = await download(local(t.current, expired));
  assert.equal(gone.status, 404);
  assert.equal(gone.json.code, 'not_found');
});

test('ETag and If-None-Match answer 304', async () => {
  const alice = await createUser(t.current);
  const file = await uploadText(alice);
  const first = await download(`${t.current.url}/files/${file.id}`, { token: alice.token });
  const etag = first.headers.get('etag')!;
  assert.match(etag, /^"[0-9a-f]{64}"$/);
  const again = await download(`${t.current.url}/files/${file.id}`, { token: alice.token, headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.bytes.length, 0);
  assert.equal(again.headers.get('etag'), etag);
  const weak = await download(`${t.current.url}/files/${file.id}`, {
    token: alice.token,
    headers: { 'if-none-match': `"x", W/${etag}` },
  });
  assert.equal(weak.status, 304);
  const changed = await download(`${t.current.url}/files/${file.id}`, {
    token: alice.token,
    headers: { 'if-none-match': '"other"' },
  });
  assert.equal(changed.status, 200);
  const stranger = await createUser(t.current);
  const hidden = await download(`${t.current.url}/files/${file.id}`, {
    token: stranger.token,
    headers: { 'if-none-match': etag },
  });
  assert.equal(hidden.status, 404, 'a conditional request reveals nothing either');
});

test('Range answers 206 with Content-Range, 416 when unsatisfiable', async () => {
  const alice = await createUser(t.current);
  const text = '0123456789abcdefghij';
  const file = await uploadText(alice, text);
  const path = `${t.current.url}/files/${file.id}`;
  const get = (range: string, extra: Record<string, string> = {}) =>
    download(path, { token: alice.token, headers: { range, ...extra } });

  const middle = await get('bytes=2-5');
  assert.equal(middle.status, 206);
  assert.equal(middle.bytes.toString(), '2345');
  assert.equal(middle.headers.get('content-range'), 'bytes 2-5/20');
  assert.equal(middle.headers.get('content-length'), '4');
  assert.equal(middle.headers.get('accept-ranges'), 'bytes');
  assert.equal((await get('bytes=15-')).bytes.toString(), 'fghij');
  const suffix = await get('bytes=-3');
  assert.equal(suffix.bytes.toString(), 'hij');
  assert.equal(suffix.headers.get('content-range'), 'bytes 17-19/20');
  assert.equal((await get('bytes=10-999')).headers.get('content-range'), 'bytes 10-19/20');

  const beyond = await get('bytes=20-30');
  assert.equal(beyond.status, 416);
  assert.equal(beyond.json.code, 'range_not_satisfiable');
  assert.equal(beyond.headers.get('content-range'), 'bytes */20');
  const malformed = await get('bytes=abc');
  assert.equal(malformed.status, 200, 'a malformed Range is ignored');
  assert.equal(malformed.bytes.toString(), text);
  const stale = await get('bytes=2-5', { 'if-range': '"not-the-etag"' });
  assert.equal(stale.status, 200, 'If-Range with another ETag sends the whole file');
  const fresh = await get('bytes=2-5', { 'if-range': middle.headers.get('etag')! });
  assert.equal(fresh.status, 206);
});

test('members of a conversation where the file was sent can read it, until the message is deleted or they leave', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const carol = await createUser(t.current);
  const file = await uploadText(alice);
  const path = `${t.current.url}/files/${file.id}`;
  assert.equal((await download(path, { token: bob.token })).status, 404);

  const { conversationId, messageId } = await sendAttachment(t.current, alice, [alice, bob], file.id);
  const read = await download(path, { token: bob.token });
  assert.equal(read.status, 200);
  assert.equal(read.bytes.toString(), 'the quick brown fox jumps over the lazy dog');
  assert.equal((await download(path, { token: carol.token })).status, 404, 'not a member');

  const { db } = t.current.app.infra.database;
  await db.updateTable('messages').set({ deletedAt: new Date() }).where('id', '=', messageId).execute();
  assert.equal((await download(path, { token: bob.token })).status, 404, 'the message was deleted');
  await db.updateTable('messages').set({ deletedAt: null }).where('id', '=', messageId).execute();
  assert.equal((await download(path, { token: bob.token })).status, 200);
  await db.deleteFrom('conversationMembers').where('conversationId', '=', conversationId).where('userId', '=', bob.id).execute();
  assert.equal((await download(path, { token: bob.token })).status, 404, 'no longer a member');
  assert.equal((await download(path, { token: alice.token })).status, 200, 'the uploader always can');
});

test("a user's current avatar is readable by any signed-in user, and only while it is the avatar", async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const avatar = (await upload(t.current, alice.token, await pngWithGps(64, 64), 'me.png')).body;
  const path = `${t.current.url}/files/${avatar.id}`;
  assert.equal((await download(path, { token: bob.token })).status, 404);
  const { db } = t.current.app.infra.database;
  await db.updateTable('users').set({ avatarFileId: avatar.id }).where('id', '=', alice.id).execute();
  assert.equal((await download(path, { token: bob.token })).status, 200);
  assert.equal((await download(`${path}/thumbnail`, { token: bob.token })).status, 200);
  assert.equal((await download(path)).status, 401, 'signed in, or a signed URL');
  await db.updateTable('users').set({ avatarFileId: null }).where('id', '=', alice.id).execute();
  assert.equal((await download(path, { token: bob.token })).status, 404);
});

test("a group's picture is readable by its members only", async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const eve = await createUser(t.current);
  const picture = (await upload(t.current, alice.token, await pngWithGps(64, 64), 'group.png')).body;
  const { db } = t.current.app.infra.database;
  const conversationId = newId();
  const now = new Date();
  await db.insertInto('conversations').values({ id: conversationId, type: 'group', updatedAt: now }).execute();
  await db
    .insertInto('groups')
    .values({ id: newId(), conversationId, name: 'g', ownerId: alice.id, avatarFileId: picture.id, updatedAt: now })
    .execute();
  await db
    .insertInto('conversationMembers')
    .values([alice, bob].map((m) => ({ conversationId, userId: m.id, activityAt: now, role: 'member' as const })))
    .execute();
  const path = `${t.current.url}/files/${picture.id}`;
  assert.equal((await download(path, { token: bob.token })).status, 200);
  assert.equal((await download(path, { token: eve.token })).status, 404);
});
