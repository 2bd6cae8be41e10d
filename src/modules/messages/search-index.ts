import type { Db } from '../../db/database.js';
import { CUSTOM_PLAN_MARK } from '../../db/prepared-statements.js';
import { sql } from 'kysely';
import { toTsquery, toTsvector, type QueryTerm } from '../../lib/search-text.js';

export interface SearchDocument {
  messageId: string;
  conversationId: string;
  senderId: string | null;
  createdAt: Date;
  text: string;
}

export interface SearchFilter {
  viewerId: string;
  terms: readonly QueryTerm[];
  conversationId?: string | undefined;
  senderId?: string | undefined;
  before?: string | undefined;
  after?: string | undefined;
  /** Continue below this `(created_at::text, message_id)`. */
  below?: { at: string; messageId: string } | undefined;
  limit: number;
}

export interface SearchHit {
  messageId: string;
  /** `created_at::text`, for the cursor. */
  at: string;
}

/**
 * The message search index. Everything the server needs from one is here, so a search engine
 * (OpenSearch, Meilisearch, …) can replace this database implementation: it is told of every
 * message written, edited and deleted, and answers a query with message ids, newest first.
 */
export interface MessageSearchIndex {
  /** Adds or replaces the document of a message, in the caller's transaction. */
  put(trx: Db, doc: SearchDocument): Promise<void>;
  /** The same for several messages at once (a group commit's), in one statement where it can. */
  putMany(trx: Db, docs: readonly SearchDocument[]): Promise<void>;
  /** Forgets a message (deleted). */
  remove(trx: Db, messageId: string): Promise<void>;
  /** Up to `limit + 1` matching messages of conversations `viewerId` is a member of now, newest first. */
  query(db: Db, filter: SearchFilter): Promise<SearchHit[]>;
}

/**
 * The index in the database: a `tsvector` of application-normalised terms per message under a
 * GIN index (see `lib/search-text.ts`), joined to the viewer's memberships.
 */
export const databaseSearchIndex: MessageSearchIndex = {
  async put(trx, doc) {
    await databaseSearchIndex.putMany(trx, [doc]);
  },

  async putMany(trx, docs) {
    if (docs.length === 0) return;
    await trx
      .insertInto('messageSearch')
      .values(
        docs.map((doc) => ({
          messageId: doc.messageId,
          conversationId: doc.conversationId,
          senderId: doc.senderId,
          createdAt: doc.createdAt,
          document: sql<string>`${toTsvector(doc.text)}::tsvector`,
        })),
      )
      .onConflict((oc) => oc.column('messageId').doUpdateSet((eb) => ({ document: eb.ref('excluded.document') })))
      .execute();
  },

  async remove(trx, messageId) {
    await trx.deleteFrom('messageSearch').where('messageId', '=', messageId).execute();
  },

  async query(db, filter) {
    // Few matches in the whole table (a rare word): take them all from the GIN index and sort
    // those. Otherwise walk the viewer's messages newest first and keep the matches, which finds
    // a page of a common word at once. PostgreSQL's estimate of a prefix query's matches is too
    // rough to choose between the two by itself (it walked 300,000 rows in time order for a word
    // in 1,000 messages), so the first query tells: it stops at RARE_MATCHES + 1.
    const rare = await matching(db, filter, true);
    if (rare.total <= RARE_MATCHES) return rare.hits;
    return (await matching(db, filter, false)).hits;
  },
};

/** Past this many matches in the whole table a search walks in time order instead. */
const RARE_MATCHES = 2000;

/**
 * A page of `filter`: among at most RARE_MATCHES + 1 matches of the whole table taken from the
 * GIN index (`bounded`, which also counts them), or over the whole table in time order.
 */
async function matching(db: Db, filter: SearchFilter, bounded: boolean): Promise<{ hits: SearchHit[]; total: number }> {
  const tsquery = sql`${toTsquery(filter.terms)}::tsquery`;
  const conditions = [sql`s.document @@ ${tsquery}`];
  if (filter.conversationId !== undefined) conditions.push(sql`s.conversation_id = ${filter.conversationId}::uuid`);
  if (filter.senderId !== undefined) conditions.push(sql`s.sender_id = ${filter.senderId}::uuid`);
  if (filter.before !== undefined) conditions.push(sql`s.created_at < ${new Date(filter.before)}::timestamptz`);
  if (filter.after !== undefined) conditions.push(sql`s.created_at > ${new Date(filter.after)}::timestamptz`);
  if (filter.below !== undefined) {
    const { at, messageId } = filter.below;
    conditions.push(sql`(s.created_at, s.message_id) < (${at}::timestamptz, ${messageId}::uuid)`);
  }
  const source = bounded ? sql`candidates` : sql`message_search`;
  const { rows } = await sql<{ messageId: string | null; at: string | null; total: string | null }>`
    WITH candidates AS MATERIALIZED (
      SELECT * FROM message_search WHERE ${sql.raw(bounded ? 'true' : 'false')} AND document @@ ${tsquery}
      LIMIT ${RARE_MATCHES + 1}
    ), found AS MATERIALIZED (
      SELECT s.message_id, s.created_at FROM ${source} s
      JOIN conversation_members cm ON cm.conversation_id = s.conversation_id AND cm.user_id = ${filter.viewerId}::uuid
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY s.created_at DESC, s.message_id DESC
      LIMIT ${filter.limit + 1}
    )
    SELECT f.message_id, f.created_at::text AS at, (SELECT count(*) FROM candidates) AS total
    FROM (SELECT 1) one LEFT JOIN found f ON true
    ORDER BY f.created_at DESC, f.message_id DESC ${sql.raw(CUSTOM_PLAN_MARK)}`.execute(db);
  const hits = rows.flatMap((r) => (r.messageId === null || r.at === null ? [] : [{ messageId: r.messageId, at: r.at }]));
  return { hits, total: Number(rows[0]?.total ?? 0) };
}

/**
 * Indexes up to `batch` live text messages that have no search document yet (messages written
 * before the index existed); returns how many. Run until it returns 0; safe to run again.
 */
export async function indexUnindexed(db: Db, batch = 1000): Promise<number> {
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('messageSearch as s', 's.messageId', 'm.id')
    .select(['m.id', 'm.conversationId', 'm.senderId', 'm.createdAt', 'm.text'])
    .where('s.messageId', 'is', null)
    .where('m.type', '=', 'text')
    .where('m.text', 'is not', null)
    .where('m.deletedAt', 'is', null)
    .limit(batch)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { id: messageId, conversationId, senderId, createdAt } = row;
      await databaseSearchIndex.put(trx, { messageId, conversationId, senderId, createdAt, text: row.text! });
    }
  });
  return rows.length;
}
