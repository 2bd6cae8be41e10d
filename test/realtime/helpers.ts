import type { DurableEventType } from '../../src/events/catalog.js';
import type { TestApp } from '../helpers/app.js';
import { fillerEvent } from '../helpers/events.js';

/** Appends `count` durable events to a user's log through the real transactor (as a module would). */
export async function emitEvents(
  t: TestApp,
  userId: string,
  count: number,
  type: DurableEventType = 'profile.updated',
): Promise<void> {
  await t.app.infra.transactor(async (_trx, emit) => {
    for (let i = 0; i < count; i++) emit(fillerEvent([userId], { n: i }, type));
  });
}

/** The user's latest seq, read from the log. */
export async function latestSeqOf(t: TestApp, userId: string): Promise<number> {
  const row = await t.app.infra.database.db.selectFrom('eventSeqs').select('seq').where('userId', '=', userId).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Asserts nothing matching arrives in `ms` (for "does NOT see"). */
export function seqsOf(frames: { seq?: number }[]): number[] {
  return frames.flatMap((f) => (f.seq === undefined ? [] : [f.seq]));
}
