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
    let query = db
      .selectFrom('messageSearch as s')
      .innerJoin('conversationMembers as cm', (join) =>
        join.onRef('cm.conversationId', '=', 's.conversationId').on('cm.userId', '=', filter.viewerId),
      )
      .select(['s.messageId', sql<string>`s.created_at::text`.as('at')])
      .where(sql<boolean>`s.document @@ ${toTsquery(filter.terms)}::tsquery`);
    if (filter.conversationId !== undefined) query = query.where('s.conversationId', '=', filter.conversationId);
    if (filter.senderId !== undefined) query = query.where('s.senderId', '=', filter.senderId);
    if (filter.before !== undefined) query = query.where('s.createdAt', '<', new Date(filter.before));
    if (filter.after !== undefined) query = query.where('s.createdAt', '>', new Date(filter.after));
    if (filter.below !== undefined) {
      const { at, messageId } = filter.below;
      query = query.where(sql<boolean>`(s.created_at, s.message_id) < (${at}::timestamptz, ${messageId}::uuid)`);
    }
    return query
      .orderBy('s.createdAt', 'desc')
      .orderBy('s.messageId', 'desc')
      .limit(filter.limit + 1)
      .modifyEnd(sql.raw(CUSTOM_PLAN_MARK))
      .execute();
  },
};

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
