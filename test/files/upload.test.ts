import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import {
  animatedGifWithMetadata,
  animatedWebpWithMetadata,
  download,
  EXE,
  jpegWithGps,
  local,
  PDF,
  pngWithGps,
  upload,
} from './helpers.js';

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

test('a JPEG is stored re-encoded without EXIF or GPS', async () => {
  const alice = await createUser(t.current);
  const jpeg = await jpegWithGps(640, 480);
  assert.ok((await sharp(jpeg).metadata()).exif);
  const res = await upload(t.current, alice.token, jpeg, 'IMG_0001.JPG', { type: 'image/jpeg' });
  assert.equal(res.status, 201);
  assert.equal(res.body.mimeType, 'image/jpeg');
  assert.equal(res.body.width, 640);
  assert.equal(res.body.height, 480);
  const stored = await download(`${t.current.url}/files/${res.body.id}`, { token: alice.token });
  assert.equal(stored.status, 200);
  assert.equal(stored.headers.get('content-type'), 'image/jpeg');
  assert.match(stored.headers.get('content-disposition') ?? '', /^inline; filename="IMG_0001.JPG"/);
  const meta = await sharp(stored.bytes).metadata();
  assert.equal(meta.exif, undefined);
  assert.equal(meta.width, 640);
  assert.equal(stored.bytes.length, res.body.size);
});

test('a PDF is typed from its bytes, has no thumbnail and downloads as an attachment', async () => {
  const alice = await createUser(t.current);
  const res = await upload(t.current, alice.token, PDF, 'report.pdf', { type: 'application/x-whatever' });
  assert.equal(res.status, 201);
  assert.equal(res.body.mimeType, 'application/pdf');
  assert.equal(res.body.size, PDF.length);
  assert.equal(res.body.thumbnailUrl, null);
  assert.equal(res.body.width, null);
  assert.equal(res.body.height, null);
  const got = await download(`${t.current.url}/files/${res.body.id}`, { token: alice.token });
  assert.equal(got.status, 200);
  assert.deepEqual(got.bytes, PDF);
  assert.equal(got.headers.get('content-type'), 'application/pdf');
  assert.match(got.headers.get('content-disposition') ?? '', /^attachment; filename="report.pdf"/);
  const thumb = await download(`${t.current.url}/files/${res.body.id}/thumbnail`, { token: alice.token });
  assert.equal(thumb.status, 404);
  assert.equal(thumb.json.code, 'not_found');
});

test('UTF-8 text is text/plain; bytes that are not text are application/octet-stream', async () => {
  const alice = await createUser(t.current);
  const text = await upload(t.current, alice.token, 'Grüße aus Köln ✓\nline two\n', 'notes.txt', { type: 'text/plain' });
  assert.equal(text.status, 201);
  assert.equal(text.body.mimeType, 'text/plain');
  const got = await download(`${t.current.url}/files/${text.body.id}`, { token: alice.token });
  assert.equal(got.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(got.bytes.toString('utf8'), 'Grüße aus Köln ✓\nline two\n');
  assert.match(got.headers.get('content-disposition') ?? '', /^attachment;/);

  const withNul = await upload(t.current, alice.token, Buffer.from('abc\0def'), 'data.txt', { type: 'text/plain' });
  assert.equal(withNul.body.mimeType, 'application/octet-stream');
  const latin1 = await upload(t.current, alice.token, Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), 'old.txt');
  assert.equal(latin1.body.mimeType, 'application/octet-stream');
});

test('a mislabelled file is typed from its bytes: PNG bytes named .txt are an image', async () => {
  const alice = await createUser(t.current);
  const png = await pngWithGps(50, 20);
  const res = await upload(t.current, alice.token, png, 'readme.txt', { type: 'text/plain' });
  assert.equal(res.status, 201);
  assert.equal(res.body.mimeType, 'image/png');
  assert.equal(res.body.width, 50);
  assert.ok(res.body.thumbnailUrl);
});

test('executable bytes named .png are refused with 415 and nothing is stored', async () => {
  const alice = await createUser(t.current);
  const res = await upload(t.current, alice.token, EXE, 'cute-cat.png', { type: 'image/png' });
  assert.equal(res.status, 415);
  assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.equal(res.body.code, 'unsupported_media_type');
  const rows = await t.current.app.infra.database.db.selectFrom('files').where('ownerId', '=', alice.id).selectAll().execute();
  assert.equal(rows.length, 0);
});

test('HTML and SVG are named for what they are and never served inline', async () => {
  const alice = await createUser(t.current);
  const html = await upload(t.current, alice.token, '<!DOCTYPE html><html><script>alert(1)</script></html>', 'page.png', {
    type: 'image/png',
  });
  const svg = await upload(
    t.current,
    alice.token,
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    'logo.svg',
    { type: 'image/svg+xml' },
  );
  assert.equal(html.status, 201);
  assert.equal(html.body.mimeType, 'text/html');
  assert.equal(svg.status, 201);
  assert.equal(svg.body.mimeType, 'image/svg+xml');
  assert.equal(svg.body.thumbnailUrl, null);
  for (const file of [html.body, svg.body]) {
    const got = await download(local(t.current, file.url));
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(got.headers.get('content-security-policy'), 'sandbox');
  }
});

test('file names are reduced to a safe base name', async () => {
  const alice = await createUser(t.current);
  const cases: [string, string][] = [
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\report.txt', 'report.txt'],
    ['\u202Etxt.exe', 'txt.exe'],
    ['...', 'file'],
    ['a'.repeat(300) + '.txt', 'a'.repeat(196) + '.txt'],
  ];
  for (const [raw, expected] of cases) {
    const res = await upload(t.current, alice.token, 'hello', raw);
    assert.equal(res.status, 201, raw);
    assert.equal(res.body.name, expected, raw);
  }
  const res = await upload(t.current, alice.token, 'hello', 'résumé "final".txt');
  const got = await download(local(t.current, res.body.url));
  assert.equal(
    got.headers.get('content-disposition'),
    `attachment; filename="r_sum_ final.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.txt`,
  );
});

test('bad requests: no token, no file field, another field, not multipart, empty file', async () => {
  const alice = await createUser(t.current);
  const anonymous = await upload(t.current, undefined, 'hello', 'a.txt');
  assert.equal(anonymous.status, 401);

  const wrongField = await upload(t.current, alice.token, 'hello', 'a.txt', { field: 'attachment' });
  assert.equal(wrongField.status, 400);
  assert.equal(wrongField.body.code, 'validation_failed');
  assert.equal(wrongField.body.errors[0].path, 'body.file');

  const form = new FormData();
  form.append('note', 'just a field');
  const noFile = await fetch(`${t.current.url}/files`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${alice.token}` },
  });
  assert.equal(noFile.status, 400);
  assert.equal(((await noFile.json()) as { code: string }).code, 'validation_failed');

  const json = await t.current.http.request('POST', '/files', { token: alice.token, body: { file: 'aGVsbG8=' } });
  assert.equal(json.status, 415);
  assert.equal(json.body.code, 'unsupported_media_type');

  const raw = await t.current.http.request('POST', '/files', {
    token: alice.token,
    body: 'hello',
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(raw.status, 415);

  const empty = await upload(t.current, alice.token, '', 'empty.txt');
  assert.equal(empty.status, 400);
  assert.equal(empty.body.code, 'validation_failed');

  const rows = await t.current.app.infra.database.db.selectFrom('files').where('ownerId', '=', alice.id).selectAll().execute();
  assert.equal(rows.length, 0);
});

for (const [type, make] of [
  ['image/gif', animatedGifWithMetadata],
  ['image/webp', animatedWebpWithMetadata],
] as const) {
  test(`an animated ${type} is stored without its metadata and keeps every frame`, async () => {
    const alice = await createUser(t.current);
    const animation = await make(48, 32, 4);
    assert.ok(animation.includes('secret-owner'), 'the upload carries metadata naming its owner');
    assert.equal((await sharp(animation, { animated: true }).metadata()).pages, 4);
    const res = await upload(t.current, alice.token, animation, 'party.bin');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.mimeType, type);
    assert.equal(res.body.width, 48);
    assert.equal(res.body.height, 32);
    const stored = await download(`${t.current.url}/files/${res.body.id}`, { token: alice.token });
    assert.equal(stored.status, 200);
    assert.equal(stored.bytes.length, res.body.size);
    assert.equal(stored.bytes.includes('secret-owner'), false, 'no EXIF, XMP or comment is left');
    const meta = await sharp(stored.bytes, { animated: true }).metadata();
    assert.equal(meta.format, type === 'image/gif' ? 'gif' : 'webp');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.pages, 4, 'still animated');
    assert.equal(meta.pageHeight, 32);
    assert.deepEqual(meta.delay, [120, 120, 120, 120]);
  });
}
