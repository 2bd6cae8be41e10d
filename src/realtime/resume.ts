import type { Db } from '../db/database.js';
import { latestSeq, oldestRetainedSeq } from '../events/event-log.repository.js';

export type ResumePlan = { kind: 'live'; from: number; latest: number } | { kind: 'resync'; latest: number };

/**
 * Where a new connection starts. Without `since`: after the latest seq. With `since=N`: after N,
 * when every event above N is still in the log; otherwise (pruned, or N above the latest) the
 * client must resync and continues live after the latest seq.
 */
export async function planResume(db: Db, userId: string, since: number | undefined): Promise<ResumePlan> {
  const latest = await latestSeq(db, userId);
  if (since === undefined) return { kind: 'live', from: latest, latest };
  if (since > latest) return { kind: 'resync', latest };
  if (since === latest) return { kind: 'live', from: since, latest };
  const oldest = await oldestRetainedSeq(db, userId);
  if (oldest === null || oldest > since + 1) return { kind: 'resync', latest };
  return { kind: 'live', from: since, latest };
}
