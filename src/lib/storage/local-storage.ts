import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, type ByteRange, type Storage } from './storage.js';

/**
 * Files on local disk under `root` (DATA_DIR/files). Writes go to a temporary sibling and are
 * renamed into place, so a reader never sees half an object and a failed upload leaves nothing.
 */
export function createLocalStorage(root: string): Storage {
  const resolved = path.resolve(root);
  const pathOf = (key: string) => {
    assertValidKey(key);
    return path.join(resolved, key);
  };
  return {
    async put(key, source: Readable) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
      try {
        await pipeline(source, createWriteStream(temp, { flags: 'wx', mode: 0o640 }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    read(key, range?: ByteRange) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      return (await stat(pathOf(key))).size;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
