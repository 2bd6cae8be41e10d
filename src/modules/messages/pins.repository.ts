import type { Db } from '../../db/database.js';
import { sql } from 'kysely';
import type { MessageRecord } from './messages.repository.js';

export interface PinRow {
  messageId: string;
  pinnedBy: string | null;
  pinnedAt: Date;
}

/** Locks a conversation row: its pins are counted one change at a time. */
export async function lockConversation(trx: Db, conversationId: string): Promise<void> {
  await trx.selectFrom('conversations').select('id').where('id', '=', conversationId).forUpdate().execute();
}

/** The pins of many messages in one query. */
export async function pinsOf(db: Db, messageIds: readonly string[]): Promise<PinRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('messagePins')
    .select(['messageId', 'pinnedBy', 'pinnedAt'])
    .where('messageId', 'in', [...new Set(messageIds)])
    .execute();
}

export async function countPins(trx: Db, conversationId: string): Promise<number> {
  const row = await trx
    .selectFrom('messagePins')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('conversationId', '=', conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function isPinned(db: Db, messageId: string): Promise<boolean> {
  const row = await db.selectFrom('messagePins').select('messageId').where('messageId', '=', messageId).executeTakeFirst();
  return row !== undefined;
}

/** Pins a message (under the conversation's lock, after `isPinned`). */
export async function insertPin(trx: Db, pin: { messageId: string; conversationId: string; pinnedBy: string }): Promise<void> {
  await trx.insertInto('messagePins').values(pin).execute();
}

/** Unpins a message; false when it was not pinned. */
export async function deletePin(trx: Db, messageId: string): Promise<boolean> {
  const row = await trx.deleteFrom('messagePins').where('messageId', '=', messageId).returning('messageId').executeTakeFirst();
  return row !== undefined;
}

/** Pinned messages of a conversation, most recently pinned first, after the `(pinned_at::text, id)` cursor. */
export async function pinnedPage(
  db: Db,
  conversationId: string,
  before: { at: string; messageId: string } | undefined,
  limit: number,
): Promise<(MessageRecord & { pinCursor: string })[]> {
  let query = db
    .selectFrom('messagePins as p')
    .innerJoin('messages as m', 'm.id', 'p.messageId')
    .leftJoin('groups as g', 'g.conversationId', 'm.conversationId')
    .selectAll('m')
    .select(['g.id as groupId', sql<string>`p.pinned_at::text`.as('pinCursor')])
    .where('p.conversationId', '=', conversationId);
  if (before) {
    query = query.where(sql<boolean>`(p.pinned_at, p.message_id) < (${before.at}::timestamptz, ${before.messageId}::uuid)`);
  }
  return query
    .orderBy('p.pinnedAt', 'desc')
    .orderBy('p.messageId', 'desc')
    .limit(limit + 1)
    .execute();
}
