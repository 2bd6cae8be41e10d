import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { assertProblem, Inboxes, summary } from './group-helpers.js';

const t = useTestApp();

async function uploadPicture(token: string): Promise<any> {
  const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: { r: 20, g: 160, b: 90 } } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'group.png');
  const res = await fetch(`${t.current.url}/files`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 201);
  return res.json();
}

/** Signed URLs carry PUBLIC_URL; the test server listens elsewhere. */
async function fetchStatus(url: string, token?: string): Promise<number> {
  const { pathname, search } = new URL(url);
  const res = await fetch(`${t.current.url}${pathname}${search}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  await res.arrayBuffer();
  return res.status;
}

test('a group picture: an uploaded image, seen by every member through its URL, never by outsiders', async () => {
  const [owner, member, outsider] = await Promise.all([1, 2, 3].map(() => createUser(t.current)));
  await befriend(t.current, owner!, member!);
  const picture = await uploadPicture(owner!.token);
  const http = t.current.http;
  const created = await http.post(
    '/groups',
    { name: 'Pictured', memberIds: [member!.id], avatarFileId: picture.id },
    owner!.token,
  );
  assert.equal(created.status, 201, created.text);
  const avatar = created.body.avatar;
  assert.deepEqual([avatar.id, avatar.mimeType, avatar.width, avatar.height], [picture.id, 'image/png', 4, 3]);

  const seen = await http.get(`/groups/${created.body.id}`, member!.token);
  assert.equal(seen.body.avatar.id, picture.id);
  assert.equal(await fetchStatus(seen.body.avatar.url), 200, 'the signed URL works without a header');
  assert.equal(await fetchStatus(`${t.current.url}/files/${picture.id}`, member!.token), 200, 'a member reads it with a token');
  assert.equal(await fetchStatus(`${t.current.url}/files/${picture.id}`, outsider!.token), 404, 'an outsider does not');

  // Someone else's upload cannot become the picture, even one a member can see.
  const theirs = await uploadPicture(member!.token);
  assertProblem(await http.put(`/groups/${created.body.id}`, { avatarFileId: theirs.id }, owner!.token), 404, 'not_found');

  const inbox = new Inboxes(t);
  await inbox.follow(member!);
  const cleared = await http.put(`/groups/${created.body.id}`, { avatarFileId: null }, owner!.token);
  assert.equal(cleared.body.avatar, null);
  const events = await inbox.take(member!);
  assert.deepEqual(summary(events), ['group.updated', 'message.created:group_picture_changed']);
  assert.equal(events[0]!.data.group.avatar, null);
});
