import type { Db } from '../../db/database.js';
import type { Storage } from '../../lib/storage/storage.js';
import { deleteUnreferencedFiles } from './files.repository.js';

/** Rows deleted per transaction, and transactions per sweep (the next sweep goes on). */
const BATCH = 100;
const MAX_BATCHES = 100;
/**
 * Uploads are looked at during this long once their TTL is over: a file used in that time (even
 * if later replaced as an avatar) is kept for good, and a sweep stays an index range, not a scan
 * of every file ever uploaded. A sweeper stopped for longer leaves those uploads behind.
 */
export const SWEEP_WINDOW_SECONDS = 7 * 86_400;

export interface SweepDeps {
  db: Db;
  storage: Storage;
  log: { warn(obj: unknown, msg?: string): void };
}

/**
 * Deletes uploads older than `ttlSeconds` that are attached to no message and are no user's
 * avatar or group's picture: their rows first (in short transactions that several nodes can run at
 * once), then their bytes and thumbnails. Returns how many files went.
 */
export async function sweepUnattachedFiles(deps: SweepDeps, ttlSeconds: number, now = Date.now()): Promise<number> {
  const cutoff = now - ttlSeconds * 1000;
  // Ids are UUIDv7: the smallest id of a millisecond bounds every file created before it.
  const range = { fromId: firstIdAt(cutoff - SWEEP_WINDOW_SECONDS * 1000), toId: firstIdAt(cutoff) };
  let swept = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const files = await deps.db.transaction().execute(async (trx) => deleteUnreferencedFiles(trx, range, BATCH));
    const keys = files.flatMap((file) => (file.thumbnailKey ? [file.storageKey, file.thumbnailKey] : [file.storageKey]));
    await Promise.all(
      keys.map((key) =>
        deps.storage.delete(key).catch((err: unknown) => deps.log.warn({ err, key }, 'bytes of a swept file stay behind')),
      ),
    );
    swept += files.length;
    if (files.length < BATCH) break;
  }
  return swept;
}

/** Sweeps shortly after start-up, then every `intervalSeconds`; the returned stop waits for a sweep in progress. */
export function startFileSweeper(deps: SweepDeps, ttlSeconds: number, intervalSeconds: number): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = sweepUnattachedFiles(deps, ttlSeconds)
      .catch((err: unknown) => deps.log.warn({ err }, 'sweeping unattached files failed'))
      .finally(() => (running = null));
  };
  const first = setTimeout(run, 1000);
  const timer = setInterval(run, intervalSeconds * 1000);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}

function firstIdAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
