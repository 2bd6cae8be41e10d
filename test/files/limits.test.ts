import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { upload } from './helpers.js';

const MAX = 10_000;
const dataDir = path.join(os.tmpdir(), `chat-api-files-limits-${process.pid}`);

/** Every stored object (and any leftover temporary file) under DATA_DIR/files. */
async function storedObjects(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function rowsOf(t: TestApp, ownerId: string): Promise<number> {
  const rows = await t.app.infra.database.db.selectFrom('files').where('ownerId', '=', ownerId).select('id').execute();
  return rows.length;
}

/** A multipart body streamed without Content-Length (chunked), `size` bytes of file content. */
async function chunkedUpload(t: TestApp, token: string, size: number): Promise<Response> {
  const boundary = 'x-boundary-0123456789';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(Buffer.from(head));
      if (sent >= size) {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      const chunk = Buffer.alloc(Math.min(4096, size - sent), 0x61);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return fetch(`${t.url}/files`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('upload size limit', () => {
  const t = useTestApp({ env: { MAX_UPLOAD_BYTES: String(MAX), DATA_DIR: dataDir } });

  test('a file at the limit is accepted', async () => {
    const alice = await createUser(t.current);
    const res = await upload(t.current, alice.token, Buffer.alloc(MAX, 0x61), 'exact.txt');
    assert.equal(res.status, 201);
    assert.equal(res.body.size, MAX);
  });

  test('a declared length far over the limit answers 413 before reading, and nothing is stored', async () => {
    const alice = await createUser(t.current);
    const before = await storedObjects();
    const res = await upload(t.current, alice.token, Buffer.alloc(MAX * 30, 0x61), 'huge.txt');
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'payload_too_large');
    assert.equal(await rowsOf(t.current, alice.id), 0);
    assert.deepEqual(await storedObjects(), before);
  });

  test('one byte over the limit answers 413 while streaming, and nothing is stored', async () => {
    const alice = await createUser(t.current);
    const before = await storedObjects();
    const res = await upload(t.current, alice.token, Buffer.alloc(MAX + 1, 0x61), 'over.txt');
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'payload_too_large');
    assert.equal(await rowsOf(t.current, alice.id), 0);
    assert.deepEqual(await storedObjects(), before);
  });

  test('a chunked upload without Content-Length is cut at the limit with 413', async () => {
    const alice = await createUser(t.current);
    const before = await storedObjects();
    const res = await chunkedUpload(t.current, alice.token, MAX * 20);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { code: string }).code, 'payload_too_large');
    assert.equal(await rowsOf(t.current, alice.id), 0);
    assert.deepEqual(await storedObjects(), before);
  });
});

describe('upload rate limit', () => {
  const t = useTestApp({ rateLimits: true, env: { DATA_DIR: dataDir } });

  test('uploads are limited per user: a burst of 20, then 429 with Retry-After', async () => {
    const alice = await createUser(t.current);
    const bob = await createUser(t.current);
    for (let i = 0; i < 20; i++) {
      const res = await upload(t.current, alice.token, `note ${i}`, 'n.txt');
      assert.equal(res.status, 201);
    }
    // The bucket refills one upload every 3 s, so on a slow machine a few more may pass first.
    let limited = await upload(t.current, alice.token, 'one more', 'n.txt');
    for (let i = 0; i < 20 && limited.status === 201; i++) limited = await upload(t.current, alice.token, 'one more', 'n.txt');
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    const other = await upload(t.current, bob.token, 'mine', 'n.txt');
    assert.equal(other.status, 201, 'another user has their own budget');
  });
});

describe('file names and part headers', () => {
  const t = useTestApp({ env: { DATA_DIR: dataDir } });

  test('an 80 KB file name answers 400 at once and keeps nothing', async () => {
    const alice = await createUser(t.current);
    const before = await storedObjects();
    const res = await upload(t.current, alice.token, 'hello', `${'a'.repeat(80_000)}.txt`);
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(res.body.code, 'validation_failed');
    assert.match(res.body.detail, /file names are limited/i);
    assert.equal(await rowsOf(t.current, alice.id), 0);
    assert.deepEqual(await storedObjects(), before);
  });

  test('a part header far over the limit (a huge name of dots and spaces) is a 400, not a 500', async () => {
    const alice = await createUser(t.current);
    const res = await upload(t.current, alice.token, 'hello', `${'. '.repeat(60_000)}x`);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'validation_failed');
  });

  test('a 3 KB name is accepted and cut to 200 bytes, keeping the extension', async () => {
    const alice = await createUser(t.current);
    const res = await upload(t.current, alice.token, 'hello', `${'é'.repeat(1500)}.txt`);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.ok(res.body.name.endsWith('.txt'));
    assert.ok(Buffer.byteLength(res.body.name) <= 200);
    assert.match(res.body.name, /^é+\.txt$/);
  });
});
