import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { download, local, PDF, pngWithGps, upload } from '../files/helpers.js';
import { send } from './support.js';

const t = useTestApp();

test('an image and a PDF uploaded through POST /files travel in a message; only the chat can read them', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const eve = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const image = await upload(t.current, alice.token, await pngWithGps(64, 48), 'photo.png', { type: 'image/png' });
  const pdf = await upload(t.current, alice.token, PDF, 'notes.pdf', { type: 'application/pdf' });
  assert.equal(image.status, 201);
  assert.equal(pdf.status, 201);

  const bobWs = await WsClient.connect(t.current.url, { token: bob.token });
  const sent = await send(t.current, alice, { recipientId: bob.id, attachmentIds: [image.body.id, pdf.body.id] });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.text, null);
  const live = await bobWs.event('message.created', (m) => m.id === sent.body.id);
  const [photo, notes] = live.data.attachments;
  assert.deepEqual([photo.mimeType, photo.width, photo.height], ['image/png', 64, 48]);
  assert.ok(photo.thumbnailUrl);
  assert.equal(notes.mimeType, 'application/pdf');
  await bobWs.close();

  const forBob = await download(`${t.current.url}/files/${pdf.body.id}`, { token: bob.token });
  assert.equal(forBob.status, 200);
  assert.deepEqual(forBob.bytes, PDF);
  assert.equal((await download(local(t.current, photo.url))).status, 200, 'the signed URL works without a header');
  assert.equal((await download(`${t.current.url}/files/${pdf.body.id}`, { token: eve.token })).status, 404);
  assert.equal(
    (await send(t.current, bob, { recipientId: alice.id, attachmentIds: [pdf.body.id] })).status,
    404,
    "bob cannot re-send alice's upload",
  );

  assert.equal((await t.current.http.delete(`/messages/${sent.body.id}`, alice.token)).status, 204);
  assert.equal(
    (await download(`${t.current.url}/files/${pdf.body.id}`, { token: bob.token })).status,
    404,
    'deleted with the message',
  );
  assert.equal(
    (await download(`${t.current.url}/files/${pdf.body.id}`, { token: alice.token })).status,
    200,
    'the uploader keeps it',
  );
});
