import type { Db } from '../db/database.js';
import { pruneEvents } from '../events/event-log.repository.js';

const EVERY_MS = 60 * 60 * 1000;

/** Drops event log rows past the retention window, at start and then hourly; returns a stop function. */
export function startPruner(db: Db, retentionDays: number, log: { warn(obj: unknown, msg?: string): void }): () => void {
  const run = () =>
    void pruneEvents(db, new Date(Date.now() - retentionDays * 86_400_000)).catch((err: unknown) =>
      log.warn({ err }, 'event log pruning failed'),
    );
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
