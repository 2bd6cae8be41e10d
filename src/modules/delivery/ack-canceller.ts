import type { Db } from '../../db/database.js';
import { cancelAckedMany } from './push.repository.js';

const BATCH_MS = 50;

/**
 * Acks cancel waiting pushes in rounds: every ack of this node within 50 ms (per user the highest
 * seq) is one DELETE, so a thousand members acking a group message do not make a thousand writes.
 */
export function createAckCanceller(db: Db, log: { warn(obj: unknown, msg?: string): void }) {
  let pending = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    timer = undefined;
    const batch = pending;
    pending = new Map();
    running = running
      .then(() => cancelAckedMany(db, batch))
      .catch((err: unknown) => log.warn({ err }, 'cancelling acked pushes failed'));
    return running;
  }

  return {
    submit(userId: string, seq: number): void {
      pending.set(userId, Math.max(pending.get(userId) ?? 0, seq));
      timer ??= setTimeout(() => void flush(), BATCH_MS);
    },
    async close(): Promise<void> {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}
