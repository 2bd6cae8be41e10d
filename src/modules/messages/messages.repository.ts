import type { Db } from '../../db/database.js';
import { sql } from 'kysely';
import type { MessageRow } from '../../db/schema.js';
import { databaseSearchIndex as searchIndex } from './search-index.js';

/** A message row with the group its conversation belongs to (null for direct chats). */
export type MessageRecord = MessageRow & { groupId: string | null };

export interface NewMessage {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string | null;
  recipientId: string | null;
  type: 'text' | 'system';
  text: string | null;
  replyToId: string | null;
  mentions: string[];
  systemData: Record<string, unknown> | null;
  clientMessageId: string | null;
  createdAt: Date;
}

function selectMessages(db: Db) {
  return db
    .selectFrom('messages as m')
    .leftJoin('groups as g', 'g.conversationId', 'm.conversationId')
    .selectAll('m')
    .select('g.id as groupId');
}

export async function findMessageById(db: Db, id: string): Promise<MessageRecord | undefined> {
  return selectMessages(db).where('m.id', '=', id).executeTakeFirst();
}

export async function findMessagesByIds(db: Db, ids: readonly string[]): Promise<MessageRecord[]> {
  if (ids.length === 0) return [];
  return selectMessages(db)
    .where('m.id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * Earlier messages of many (sender, clientMessageId) keys in one statement (the same text
 * whatever their number, so it is prepared once), keyed `senderId\nclientMessageId`.
 */
export async function findByClientMessageIds(
  db: Db,
  keys: readonly { senderId: string; clientMessageId: string }[],
): Promise<Map<string, MessageRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await selectMessages(db)
    .where(
      sql<boolean>`(m.sender_id, m.client_message_id) IN (
        SELECT * FROM unnest(${keys.map((k) => k.senderId)}::uuid[], ${keys.map((k) => k.clientMessageId)}::text[]))`,
    )
    .execute();
  return new Map(rows.map((r) => [`${r.senderId}\n${r.clientMessageId}`, r]));
}

/** Stores a message and, when it has text, its search document. */
export async function insertMessage(trx: Db, message: NewMessage): Promise<void> {
  await trx
    .insertInto('messages')
    .values({ ...message, systemData: message.systemData ? JSON.stringify(message.systemData) : null })
    .execute();
  if (message.type === 'text' && message.text !== null) {
    const { id: messageId, conversationId, senderId, createdAt, text } = message;
    await searchIndex.put(trx, { messageId, conversationId, senderId, createdAt, text });
  }
}

/** Plain text messages of a group commit, in one statement (no mentions, replies or system data), and their search documents. */
export async function insertTextMessages(trx: Db, messages: readonly NewMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const column = <T>(pick: (m: NewMessage) => T) => messages.map(pick);
  await sql`
    INSERT INTO messages (id, conversation_id, seq, sender_id, recipient_id, type, text, client_message_id, created_at)
    SELECT x.id, x.conversation_id, x.seq, x.sender_id, x.recipient_id, 'text', x.text, x.client_message_id, x.created_at
    FROM unnest(${column((m) => m.id)}::uuid[], ${column((m) => m.conversationId)}::uuid[], ${column((m) => m.seq)}::bigint[],
                ${column((m) => m.senderId)}::uuid[], ${column((m) => m.recipientId)}::uuid[], ${column((m) => m.text)}::text[],
                ${column((m) => m.clientMessageId)}::text[], ${column((m) => m.createdAt.toISOString())}::timestamptz[])
      AS x(id, conversation_id, seq, sender_id, recipient_id, text, client_message_id, created_at)`.execute(trx);
  const documents = messages.flatMap(({ id: messageId, conversationId, senderId, createdAt, text }) =>
    text === null ? [] : [{ messageId, conversationId, senderId, createdAt, text }],
  );
  await searchIndex.putMany(trx, documents);
}

export async function insertAttachments(trx: Db, messageId: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await trx
    .insertInto('messageAttachments')
    .values(fileIds.map((fileId, position) => ({ messageId, fileId, position })))
    .execute();
}

/** Attachments of many messages in one query, in their original order. */
export async function attachmentsOf(db: Db, messageIds: readonly string[]): Promise<{ messageId: string; fileId: string }[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('messageAttachments')
    .select(['messageId', 'fileId'])
    .where('messageId', 'in', [...new Set(messageIds)])
    .orderBy('messageId')
    .orderBy('position')
    .execute();
}

/** The reply previews of many messages in one query. */
export async function replyTargets(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; senderId: string | null; text: string | null; deletedAt: Date | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('messages')
    .select(['id', 'senderId', 'text', 'deletedAt'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * One page of a conversation through the (conversation_id, seq) index: `limit + 1` rows in the
 * direction asked (newest first for `older`), so the caller can tell whether more exist.
 */
export async function pageOfConversation(
  db: Db,
  conversationId: string,
  direction: { older: true; belowSeq?: number } | { older: false; aboveSeq: number },
  limit: number,
): Promise<MessageRecord[]> {
  let query = selectMessages(db).where('m.conversationId', '=', conversationId);
  if (direction.older) {
    if (direction.belowSeq !== undefined) query = query.where('m.seq', '<', direction.belowSeq);
    return query
      .orderBy('m.seq', 'desc')
      .limit(limit + 1)
      .execute();
  }
  return query
    .where('m.seq', '>', direction.aboveSeq)
    .orderBy('m.seq', 'asc')
    .limit(limit + 1)
    .execute();
}

/** Replaces a message's text and its search document (searchable at once). */
export async function updateMessageText(trx: Db, id: string, text: string, at: Date): Promise<void> {
  const row = await trx
    .updateTable('messages')
    .set({ text, editedAt: at })
    .where('id', '=', id)
    .returning(['conversationId', 'senderId', 'createdAt'])
    .executeTakeFirst();
  if (row) await searchIndex.put(trx, { messageId: id, ...row, text });
}

/** A tombstone: content gone (with its reactions and pin), position and sender kept. */
export async function tombstoneMessage(trx: Db, id: string, at: Date): Promise<void> {
  await trx
    .updateTable('messages')
    .set({ text: null, mentions: [], replyToId: null, deletedAt: at })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('messageAttachments').where('messageId', '=', id).execute();
  await trx.deleteFrom('messageReactionCounts').where('messageId', '=', id).execute();
  await trx.deleteFrom('messageReactions').where('messageId', '=', id).execute();
  await trx.deleteFrom('messagePins').where('messageId', '=', id).execute();
  await searchIndex.remove(trx, id);
}

/** Senders (other than `exclude`) of the messages with fromSeq < seq <= toSeq. */
export async function sendersBetween(
  db: Db,
  conversationId: string,
  fromSeq: number,
  toSeq: number,
  exclude: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('senderId')
    .distinct()
    .where('conversationId', '=', conversationId)
    .where('seq', '>', fromSeq)
    .where('seq', '<=', toSeq)
    .where('senderId', 'is not', null)
    .where('senderId', '<>', exclude)
    .where('type', '=', 'text')
    .execute();
  return rows.map((r) => r.senderId!);
}

/** Others' non-deleted text messages above the viewer's read watermark (since they joined), per conversation. */
export async function unreadCounts(db: Db, userId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('conversationMembers as cm', (join) =>
      join.onRef('cm.conversationId', '=', 'm.conversationId').on('cm.userId', '=', userId),
    )
    .select(['m.conversationId', sql<number>`count(*)::int`.as('count')])
    .where('m.conversationId', 'in', [...conversationIds])
    .whereRef('m.seq', '>', 'cm.readSeq')
    // Members read a group's whole history, but what was said before they joined is not "unread".
    .whereRef('m.createdAt', '>=', 'cm.joinedAt')
    .where('m.type', '=', 'text')
    .where('m.deletedAt', 'is', null)
    .where((eb) => eb.or([eb('m.senderId', 'is', null), eb('m.senderId', '<>', userId)]))
    .groupBy('m.conversationId')
    .execute();
  return new Map(rows.map((r) => [r.conversationId, Number(r.count)]));
}

/**
 * For acknowledgements: the highest message seq per user and conversation carried by the
 * `message.created` events in each user's log range (fromSeq, toSeq], read through the log's
 * primary key. The caller passes only what arrived since the previous ack, so the cost follows
 * the new events, not the history.
 */
export async function ackedMessageSeqs(
  db: Db,
  ranges: readonly { userId: string; fromSeq: number; toSeq: number }[],
): Promise<{ userId: string; conversationId: string; seq: number; group: boolean }[]> {
  if (ranges.length === 0) return [];
  const result = await sql<{ userId: string; conversationId: string; maxSeq: string; inGroup: boolean }>`
    WITH l AS MATERIALIZED (
      SELECT a.user_id, l.event_id
      FROM unnest(${ranges.map((r) => r.userId)}::uuid[], ${ranges.map((r) => r.fromSeq)}::bigint[],
                  ${ranges.map((r) => r.toSeq)}::bigint[]) AS a(user_id, from_seq, to_seq)
      -- LATERAL with LIMIT: a nested loop of primary-key lookups whatever the statistics, never a
      -- hash join over a whole table (which a generic plan chose once the log had history).
      CROSS JOIN LATERAL (
        SELECT event_id FROM event_log
        WHERE user_id = a.user_id AND seq > a.from_seq AND seq <= a.to_seq
        ORDER BY seq LIMIT 5000
      ) l
    ), e AS MATERIALIZED (
      -- Each payload is read and parsed once, however many of the acks cover it (a group message
      -- acked by a thousand members is one lookup, not a thousand).
      SELECT id, data->>'conversationId' AS conversation_id, (data->>'seq')::bigint AS seq, data->>'groupId' IS NOT NULL AS in_group
      FROM events WHERE id = ANY(ARRAY(SELECT DISTINCT event_id FROM l)) AND type = 'message.created'
    )
    SELECT l.user_id, e.conversation_id, max(e.seq) AS max_seq, bool_or(e.in_group) AS in_group
    FROM l JOIN e ON e.id = l.event_id
    GROUP BY 1, 2`.execute(db);
  return result.rows.map((r) => ({
    userId: r.userId,
    conversationId: r.conversationId,
    seq: Number(r.maxSeq),
    group: r.inGroup,
  }));
}
