import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { newId } from '../../src/lib/ids.js';
import { unlimited } from '../../src/lib/rate-limiter.js';
import { createLocalStorage } from '../../src/lib/storage/local-storage.js';
import { createFilesService, createUrlSigner } from '../../src/modules/files/index.js';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { pngWithGps, upload } from './helpers.js';

const t = useTestApp();

function port() {
  const { config, database } = t.current.app.infra;
  return createFilesService({
    db: database.db,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    limiter: unlimited,
    signer: createUrlSigner(config.jwtSecret, config.publicUrl),
    maxUploadBytes: config.maxUploadBytes,
    storageQuotaBytes: config.storageQuotaBytes,
    log: { warn: () => {} },
  }).port;
}

test('FilesPort presents files with signed URLs and checks ownership', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const image = (await upload(t.current, alice.token, await pngWithGps(30, 40), 'a.png')).body;
  const text = (await upload(t.current, alice.token, 'hi', 'a.txt')).body;
  const files = port();

  const presented = await files.presentFiles([image.id, text.id, newId(), 'junk']);
  assert.deepEqual([...presented.keys()].sort(), [image.id, text.id].sort());
  const dto = presented.get(image.id)!;
  assert.equal(dto.width, 30);
  assert.equal(dto.height, 40);
  assert.match(dto.url, new RegExp(`^${t.current.config.publicUrl}/files/${image.id}\\?expires=\\d+&sig=[\\w-]+$`));
  assert.equal(presented.get(text.id)!.thumbnailUrl, null);

  await files.assertOwnFiles(alice.id, [image.id, text.id, image.id]);
  await assert.rejects(files.assertOwnFiles(bob.id, [image.id]), { code: 'not_found' });
  await assert.rejects(files.assertOwnFiles(alice.id, [image.id, newId()]), { code: 'not_found' });
  await assert.rejects(files.assertOwnFiles(alice.id, ['junk']), { code: 'not_found' });

  await files.assertOwnImage(alice.id, image.id);
  await assert.rejects(files.assertOwnImage(alice.id, text.id), { code: 'not_found' });
  await assert.rejects(files.assertOwnImage(bob.id, image.id), { code: 'not_found' });

  await t.current.app.infra.transactor(async (trx) => {
    const inside = await files.presentFiles([text.id], trx);
    assert.equal(inside.get(text.id)?.name, 'a.txt');
    await files.assertOwnFiles(alice.id, [text.id], trx);
  });
});
