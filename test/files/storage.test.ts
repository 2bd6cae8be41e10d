import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { createLocalStorage } from '../../src/lib/storage/local-storage.js';
import { sweepUnattachedFiles } from '../../src/modules/files/index.js';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { download, pngWithGps, upload } from './helpers.js';

const dataDir = path.join(os.tmpdir(), `chat-api-files-storage-${process.pid}`);

async function storedObjects(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function rowOf(t: TestApp, fileId: string) {
  return t.app.infra.database.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
}

function sweep(t: TestApp, ttlSeconds: number): Promise<number> {
  const { database } = t.app.infra;
  const storage = createLocalStorage(path.join(dataDir, 'files'));
  return sweepUnattachedFiles({ db: database.db, storage, log: { warn: () => {} } }, ttlSeconds);
}

describe('per-user storage quota', () => {
  const t = useTestApp({ env: { DATA_DIR: dataDir, STORAGE_QUOTA_BYTES: '3000' } });

  test('an upload past the quota answers 507 storage_quota_exceeded and keeps nothing', async () => {
    const alice = await createUser(t.current);
    assert.equal((await upload(t.current, alice.token, Buffer.alloc(2000, 0x61), 'a.txt')).status, 201);
    const before = await storedObjects();
    const over = await upload(t.current, alice.token, Buffer.alloc(1001, 0x62), 'b.txt');
    assert.equal(over.status, 507);
    assert.equal(over.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(over.body.code, 'storage_quota_exceeded');
    assert.deepEqual(await storedObjects(), before, 'the refused bytes are removed');
    const fits = await upload(t.current, alice.token, Buffer.alloc(1000, 0x63), 'c.txt');
    assert.equal(fits.status, 201, 'exactly up to the quota is fine');
    const full = await upload(t.current, alice.token, 'x', 'd.txt');
    assert.equal(full.status, 507, 'a spent quota is refused before the body is read');
    assert.equal(full.body.code, 'storage_quota_exceeded');
    const bob = await createUser(t.current);
    assert.equal((await upload(t.current, bob.token, Buffer.alloc(2500, 0x61), 'e.txt')).status, 201, 'quotas are per user');
  });

  test('concurrent uploads together cannot pass the quota', async () => {
    const carol = await createUser(t.current);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => upload(t.current, carol.token, Buffer.alloc(1000, 0x61 + i), `${i}.txt`)),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 201, 201, 507, 507]);
  });

  test('deleted files free their space (swept uploads count no more)', async () => {
    const dave = await createUser(t.current);
    assert.equal((await upload(t.current, dave.token, Buffer.alloc(3000, 0x61), 'a.txt')).status, 201);
    assert.equal((await upload(t.current, dave.token, 'x', 'b.txt')).status, 507);
    await sweep(t.current, 0);
    assert.equal((await upload(t.current, dave.token, 'x', 'b.txt')).status, 201);
  });
});

describe('sweeping unattached uploads', () => {
  const t = useTestApp({ env: { DATA_DIR: dataDir } });

  test('an upload past its TTL that nothing uses is deleted, row, bytes and thumbnail', async () => {
    const alice = await createUser(t.current);
    const res = await upload(t.current, alice.token, await pngWithGps(40, 30), 'forgotten.png');
    assert.equal(res.status, 201);
    const row = (await rowOf(t.current, res.body.id))!;
    const onDisk = (key: string) => existsSync(path.join(dataDir, 'files', key));
    assert.ok(onDisk(row.storageKey) && onDisk(row.thumbnailKey!));

    assert.equal(await sweep(t.current, 3600), 0, 'younger than the TTL: kept');
    assert.ok(await rowOf(t.current, res.body.id));
    assert.ok((await sweep(t.current, 0)) >= 1);
    assert.equal(await rowOf(t.current, res.body.id), undefined);
    assert.equal(onDisk(row.storageKey), false);
    assert.equal(onDisk(row.thumbnailKey!), false);
    assert.equal((await download(`${t.current.url}/files/${res.body.id}`, { token: alice.token })).status, 404);
    const attach = await t.current.http.post(
      '/messages',
      { recipientId: alice.id, text: 'x', attachmentIds: [res.body.id] },
      alice.token,
    );
    assert.equal(attach.status, 404, 'a swept upload can no longer be attached');
  });

  test('attachments, avatars and group pictures are kept', async () => {
    const alice = await createUser(t.current);
    const bob = await createUser(t.current);
    await befriend(t.current, alice, bob);
    const [attached, avatar, picture] = await Promise.all(
      ['attached.png', 'avatar.png', 'group.png'].map(
        async (name) => (await upload(t.current, alice.token, await pngWithGps(20, 20), name)).body,
      ),
    );
    const sent = await t.current.http.post(
      '/messages',
      { recipientId: bob.id, text: 'look', attachmentIds: [attached.id] },
      alice.token,
    );
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal((await t.current.http.put('/profile', { avatarFileId: avatar.id }, alice.token)).status, 200);
    const group = await t.current.http.post(
      '/groups',
      { name: 'Kept', memberIds: [bob.id], avatarFileId: picture.id },
      alice.token,
    );
    assert.equal(group.status, 201, JSON.stringify(group.body));

    await sweep(t.current, 0);
    for (const file of [attached, avatar, picture]) {
      assert.ok(await rowOf(t.current, file.id), `${file.name} is kept`);
      assert.equal((await download(`${t.current.url}/files/${file.id}`, { token: bob.token })).status, 200);
    }
  });

  test(
    'an upload locked by a transaction that attaches it is skipped, and kept once attached',
    { timeout: 30_000, skip: !process.env.DATABASE_URL && 'PGlite has one connection: no two transactions run at once' },
    async () => {
      const alice = await createUser(t.current);
      const file = (await upload(t.current, alice.token, 'draft', 'draft.txt')).body;
      const { db } = t.current.app.infra.database;
      let swept = -1;
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('files').where('id', '=', file.id).select('id').forKeyShare().execute();
        swept = await sweep(t.current, 0);
        assert.ok(await trx.selectFrom('files').where('id', '=', file.id).select('id').executeTakeFirst());
      });
      assert.ok(swept >= 0);
      assert.ok(await rowOf(t.current, file.id), 'not deleted while locked');
    },
  );
});

describe('the sweeper runs on its own', () => {
  const t = useTestApp({ env: { DATA_DIR: dataDir, UNATTACHED_FILE_TTL_SECONDS: '0', FILE_SWEEP_INTERVAL_SECONDS: '1' } });

  test('an unattached upload disappears within a few sweeps', async () => {
    const alice = await createUser(t.current);
    const res = await upload(t.current, alice.token, 'gone soon', 'tmp.txt');
    assert.equal(res.status, 201);
    for (let i = 0; i < 300 && (await rowOf(t.current, res.body.id)); i++) await sleep(100);
    assert.equal(await rowOf(t.current, res.body.id), undefined);
  });
});
