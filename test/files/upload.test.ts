import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { download, EXE, jpegWithGps, PDF, pngWithGps, upload } from './helpers.js';

const t = useTestApp();

test('a PNG gets its dimensions and a thumbnail without metadata', async () => {
  const alice = await createUser(t.current);
  const png = await pngWithGps(800, 400);
  const res = await upload(t.current, alice.token, png, 'holiday.png', { type: 'image/png' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const file = res.body;
  assert.equal(file.mimeType, 'image/png');
  assert.equal(file.name, 'holiday.png');
  assert.equal(file.width, 800);
  assert.equal(file.height, 400);
  assert.match(file.url, new RegExp(`^${t.current.config.publicUrl}/files/${file.id}\\?expires=\\d+&sig=`));
  assert.match(file.thumbnailUrl, new RegExp(`/files/${file.id}/thumbnail\\?expires=\\d+&sig=`));
  assert.ok(Date.parse(file.createdAt) > 0);

  const thumb = await download(`${t.current.url}/files/${file.id}/thumbnail`, { token: alice.token });
  assert.equal(thumb.status, 200);
  assert.equal(thumb.headers.get('content-type'), 'image/webp');
  const meta = await sharp(thumb.bytes).metadata();
  assert.equal(meta.width, 320);
  assert.equal(meta.height, 160);
  assert.equal(meta.exif, undefined);

  const original = await download(`${t.current.url}/files/${file.id}`, { token: alice.token });
  assert.equal(original.status, 200);
  assert.equal(original.bytes.length, file.size);
  assert.equal((await sharp(original.bytes).metadata()).exif, undefined, 'the stored PNG keeps no EXIF');
  assert.ok((await sharp(png).metadata()).exif, 'the upload did carry EXIF');
});
