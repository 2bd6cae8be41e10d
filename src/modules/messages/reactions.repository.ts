import type { Db } from '../../db/database.js';
import { sql } from 'kysely';

export interface ReactionSummary {
  messageId: string;
  emoji: string;
  count: number;
  me: boolean;
}

/** Locks a message row: reactions to one message are counted one change at a time. */
export async function lockMessage(trx: Db, messageId: string): Promise<void> {
  await trx.selectFrom('messages').select('id').where('id', '=', messageId).forUpdate().execute();
}

/**
 * The reactions of many messages in one query: the counts (in order of first use) and whether
 * `viewerId` is among them, read from the counts table and the viewer's own rows by primary key.
 */
export async function reactionSummaries(
  db: Db,
  viewerId: string | null,
  messageIds: readonly string[],
): Promise<ReactionSummary[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('messageReactionCounts as c')
    .leftJoin('messageReactions as r', (join) =>
      join
        .onRef('r.messageId', '=', 'c.messageId')
        .onRef('r.emoji', '=', 'c.emoji')
        .on('r.userId', '=', viewerId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select(['c.messageId', 'c.emoji', 'c.count', sql<boolean>`r.user_id IS NOT NULL`.as('me')])
    .where('c.messageId', 'in', [...new Set(messageIds)])
    .orderBy('c.messageId')
    .orderBy('c.firstAt')
    .orderBy('c.emoji')
    .execute();
}

/** The emojis used on a message, with their counts. */
export async function countsOf(trx: Db, messageId: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('messageReactionCounts')
    .select(['emoji', 'count'])
    .where('messageId', '=', messageId)
    .execute();
  return new Map(rows.map((r) => [r.emoji, r.count]));
}

/** Adds a reaction; returns the new count, or undefined when the user had already reacted so. */
export async function insertReaction(trx: Db, messageId: string, emoji: string, userId: string): Promise<number | undefined> {
  const inserted = await trx
    .insertInto('messageReactions')
    .values({ messageId, emoji, userId })
    .onConflict((oc) => oc.doNothing())
    .returning('userId')
    .executeTakeFirst();
  if (!inserted) return undefined;
  const row = await trx
    .insertInto('messageReactionCounts')
    .values({ messageId, emoji, count: 1 })
    .onConflict((oc) => oc.columns(['messageId', 'emoji']).doUpdateSet({ count: sql`message_reaction_counts.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Removes a reaction; returns the new count, or undefined when there was none. */
export async function deleteReaction(trx: Db, messageId: string, emoji: string, userId: string): Promise<number | undefined> {
  const deleted = await trx
    .deleteFrom('messageReactions')
    .where('messageId', '=', messageId)
    .where('emoji', '=', emoji)
    .where('userId', '=', userId)
    .returning('userId')
    .executeTakeFirst();
  if (!deleted) return undefined;
  const row = await trx
    .updateTable('messageReactionCounts')
    .set({ count: sql`count - 1` })
    .where('messageId', '=', messageId)
    .where('emoji', '=', emoji)
    .returning('count')
    .executeTakeFirstOrThrow();
  if (row.count <= 0) {
    await trx.deleteFrom('messageReactionCounts').where('messageId', '=', messageId).where('emoji', '=', emoji).execute();
  }
  return Math.max(row.count, 0);
}

/** Who reacted with `emoji`, earliest first, after the `(created_at::text, user_id)` cursor. */
export async function reactorsPage(
  db: Db,
  messageId: string,
  emoji: string,
  after: { at: string; userId: string } | undefined,
  limit: number,
): Promise<{ userId: string; at: string }[]> {
  let query = db
    .selectFrom('messageReactions')
    .select(['userId', sql<string>`created_at::text`.as('at')])
    .where('messageId', '=', messageId)
    .where('emoji', '=', emoji);
  if (after) {
    query = query.where(sql<boolean>`(created_at, user_id) > (${after.at}::timestamptz, ${after.userId}::uuid)`);
  }
  return query
    .orderBy('createdAt')
    .orderBy('userId')
    .limit(limit + 1)
    .execute();
}
