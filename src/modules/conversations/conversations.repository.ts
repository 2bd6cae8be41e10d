import type { Db } from '../../db/database.js';
import { sql } from 'kysely';
import type { ConversationType } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

export type WatermarkKind = 'delivered' | 'read';

export interface MembershipRow {
  conversationId: string;
  userId: string;
  role: string | null;
  deliveredSeq: number;
  readSeq: number;
  muted: boolean;
  type: ConversationType;
  lastSeq: number;
  groupId: string | null;
}

/** The two user ids of a direct chat in ascending order, joined by ':'. */
export function directKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export async function findDirectConversationId(db: Db, a: string, b: string): Promise<string | undefined> {
  const row = await db.selectFrom('conversations').select('id').where('directKey', '=', directKey(a, b)).executeTakeFirst();
  return row?.id;
}

/**
 * The direct conversation of two users, created with both memberships on first use (one lookup
 * once it exists). Safe under concurrent first messages: the unique `direct_key` makes the loser
 * read the winner's row.
 */
export async function getOrCreateDirectConversation(trx: Db, a: string, b: string): Promise<string> {
  const key = directKey(a, b);
  const found = await findDirectConversationId(trx, a, b);
  if (found) return found;
  const created = await trx
    .insertInto('conversations')
    .values({ id: newId(), type: 'direct', directKey: key, updatedAt: new Date() })
    .onConflict((oc) => oc.column('directKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!created) {
    const existing = await trx.selectFrom('conversations').select('id').where('directKey', '=', key).executeTakeFirstOrThrow();
    return existing.id;
  }
  const now = new Date();
  await trx
    .insertInto('conversationMembers')
    .values([a, b].map((userId) => ({ conversationId: created.id, userId, activityAt: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return created.id;
}

/**
 * Takes the next seq of a conversation for a new message, in one statement: bumps `last_seq`
 * (the row lock serialises senders, so seqs are gapless and ordered like commits), records the
 * message as the last one and its time as the conversation's activity, and returns the members
 * with their muted flags. Nothing per member is written: the conversation list orders by the
 * conversation's own activity, so a message to a thousand members touches one row.
 */
export async function claimNextSeq(
  trx: Db,
  input: { conversationId: string; messageId: string },
): Promise<{ seq: number; at: Date; members: { userId: string; muted: boolean }[] }> {
  // clock_timestamp() is read once the row is locked, so times follow seqs.
  const { rows } = await sql<{ seq: string; at: Date; userId: string | null; muted: boolean | null }>`
    WITH c AS (
      UPDATE conversations SET last_seq = last_seq + 1, last_message_id = ${input.messageId}::uuid, updated_at = clock_timestamp()
      WHERE id = ${input.conversationId}::uuid
      RETURNING id, last_seq, updated_at
    )
    SELECT c.last_seq AS seq, c.updated_at AS at, m.user_id, m.muted
    FROM c LEFT JOIN conversation_members m ON m.conversation_id = c.id`.execute(trx);
  const first = rows[0];
  if (!first) throw new Error(`conversation ${input.conversationId} is missing`);
  const members = rows.flatMap((r) => (r.userId === null ? [] : [{ userId: r.userId, muted: r.muted === true }]));
  return { seq: Number(first.seq), at: new Date(first.at), members };
}

export async function memberIds(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db.selectFrom('conversationMembers').select('userId').where('conversationId', '=', conversationId).execute();
  return rows.map((r) => r.userId);
}

/** `userId`'s membership of a conversation, with the conversation's type, last seq and group. */
export async function findMembership(db: Db, conversationId: string, userId: string): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('conversationMembers as cm')
    .innerJoin('conversations as c', 'c.id', 'cm.conversationId')
    .leftJoin('groups as g', 'g.conversationId', 'c.id')
    .select([
      'cm.conversationId',
      'cm.userId',
      'cm.role',
      'cm.deliveredSeq',
      'cm.readSeq',
      'cm.muted',
      'c.type',
      'c.lastSeq',
      'g.id as groupId',
    ])
    .where('cm.conversationId', '=', conversationId)
    .where('cm.userId', '=', userId)
    .executeTakeFirst();
}

/**
 * Moves a watermark forward (never backwards) and records the move in `receipts`. Returns the
 * previous value when it moved, or undefined when it was already at or past `seq`.
 */
export async function advanceWatermark(
  trx: Db,
  input: { conversationId: string; userId: string; kind: WatermarkKind; seq: number; at: Date },
): Promise<number | undefined> {
  const moved = await advanceWatermarks(trx, { ...input, kinds: [input.kind] });
  return moved[input.kind];
}

/**
 * Moves several watermarks of one member to `seq` in a single statement: locks the membership,
 * raises the columns that are behind and records each move in `receipts`. Returns the previous
 * value of every watermark that moved. `ownMessage`: `seq` is the member's own new message, so
 * a move that covers nothing else (the watermark was right below it) is not worth a receipt row:
 * nobody asks when someone received their own message.
 */
export async function advanceWatermarks(
  trx: Db,
  input: {
    conversationId: string;
    userId: string;
    kinds: readonly WatermarkKind[];
    seq: number;
    at: Date;
    ownMessage?: boolean;
  },
): Promise<Partial<Record<WatermarkKind, number>>> {
  const { conversationId, userId, seq, at } = input;
  const recordBelow = input.ownMessage === true ? seq - 1 : seq;
  const { rows } = await sql<{ kind: WatermarkKind; prev: string }>`
    WITH old AS (
      SELECT delivered_seq, read_seq FROM conversation_members
      WHERE conversation_id = ${conversationId}::uuid AND user_id = ${userId}::uuid
      FOR NO KEY UPDATE
    ), moves AS (
      SELECT k.kind, k.prev FROM old
      CROSS JOIN LATERAL (VALUES ('delivered', old.delivered_seq), ('read', old.read_seq)) AS k(kind, prev)
      WHERE k.kind = ANY(${[...input.kinds]}::text[]) AND k.prev < ${seq}::bigint
    ), raised AS (
      UPDATE conversation_members SET
        delivered_seq = CASE WHEN EXISTS (SELECT 1 FROM moves WHERE kind = 'delivered') THEN ${seq}::bigint ELSE delivered_seq END,
        read_seq = CASE WHEN EXISTS (SELECT 1 FROM moves WHERE kind = 'read') THEN ${seq}::bigint ELSE read_seq END
      WHERE conversation_id = ${conversationId}::uuid AND user_id = ${userId}::uuid AND EXISTS (SELECT 1 FROM moves)
    ), recorded AS (
      INSERT INTO receipts (conversation_id, user_id, kind, up_to_seq, at)
      SELECT ${conversationId}::uuid, ${userId}::uuid, kind, ${seq}::bigint, ${at.toISOString()}::timestamptz FROM moves
      WHERE prev < ${recordBelow}::bigint
      ON CONFLICT DO NOTHING
    )
    SELECT kind, prev FROM moves`.execute(trx);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.prev)]));
}

export interface DeliveredMove {
  conversationId: string;
  userId: string;
  seq: number;
  type: ConversationType;
  /** The other members, for direct chats (who get `message.delivered`). */
  peers: string[];
}

/**
 * Moves many delivered watermarks at once (capped at each conversation's last seq) and records
 * the moves in `receipts`. Memberships locked by a transaction in progress (a sender touching
 * every member row) are skipped rather than waited on, so batches never deadlock with senders;
 * they come back as `busy` for the caller to retry.
 */
export async function advanceDeliveredMany(
  trx: Db,
  wanted: readonly { conversationId: string; userId: string; seq: number }[],
  at: Date,
): Promise<{ moved: DeliveredMove[]; busy: { conversationId: string; userId: string }[] }> {
  if (wanted.length === 0) return { moved: [], busy: [] };
  const { rows } = await sql<{
    conversationId: string;
    userId: string;
    seq: string;
    type: ConversationType;
    peers: string[] | null;
    busy: boolean;
  }>`
    WITH want AS (
      SELECT w.conversation_id, w.user_id, LEAST(w.seq, c.last_seq) AS seq, c.type
      FROM unnest(${wanted.map((w) => w.conversationId)}::uuid[], ${wanted.map((w) => w.userId)}::uuid[],
                  ${wanted.map((w) => w.seq)}::bigint[]) AS w(conversation_id, user_id, seq)
      JOIN conversations c ON c.id = w.conversation_id
    ), behind AS (
      SELECT want.* FROM want
      JOIN conversation_members cm ON cm.conversation_id = want.conversation_id AND cm.user_id = want.user_id
      WHERE cm.delivered_seq < want.seq
    ), locked AS (
      SELECT cm.conversation_id, cm.user_id FROM conversation_members cm
      JOIN behind b ON b.conversation_id = cm.conversation_id AND b.user_id = cm.user_id
      ORDER BY cm.conversation_id, cm.user_id
      FOR NO KEY UPDATE OF cm SKIP LOCKED
    ), raised AS (
      UPDATE conversation_members cm SET delivered_seq = b.seq
      FROM behind b JOIN locked l ON l.conversation_id = b.conversation_id AND l.user_id = b.user_id
      WHERE cm.conversation_id = b.conversation_id AND cm.user_id = b.user_id AND cm.delivered_seq < b.seq
      RETURNING cm.conversation_id, cm.user_id, b.seq, b.type
    ), recorded AS (
      INSERT INTO receipts (conversation_id, user_id, kind, up_to_seq, at)
      SELECT conversation_id, user_id, 'delivered', seq, ${at.toISOString()}::timestamptz FROM raised
      ON CONFLICT DO NOTHING
    )
    SELECT r.conversation_id, r.user_id, r.seq, r.type, false AS busy,
           CASE WHEN r.type = 'direct' THEN (
             SELECT array_agg(o.user_id) FROM conversation_members o
             WHERE o.conversation_id = r.conversation_id AND o.user_id <> r.user_id
           ) END AS peers
    FROM raised r
    UNION ALL
    SELECT b.conversation_id, b.user_id, b.seq, b.type, true, NULL FROM behind b
    WHERE NOT EXISTS (SELECT 1 FROM locked l WHERE l.conversation_id = b.conversation_id AND l.user_id = b.user_id)`.execute(trx);
  const moved: DeliveredMove[] = [];
  const busy: { conversationId: string; userId: string }[] = [];
  for (const row of rows) {
    if (row.busy) busy.push({ conversationId: row.conversationId, userId: row.userId });
    else
      moved.push({
        conversationId: row.conversationId,
        userId: row.userId,
        seq: Number(row.seq),
        type: row.type,
        peers: row.peers ?? [],
      });
  }
  return { moved, busy };
}

export async function setMuted(trx: Db, conversationId: string, userId: string, muted: boolean): Promise<boolean> {
  const result = await trx
    .updateTable('conversationMembers')
    .set({ muted })
    .where('conversationId', '=', conversationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Watermarks of the other members of the given conversations (for `status` and receipts). */
export async function otherMembersOf(
  db: Db,
  conversationIds: readonly string[],
  viewerId: string,
): Promise<{ conversationId: string; userId: string; deliveredSeq: number; readSeq: number }[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversationMembers')
    .select(['conversationId', 'userId', 'deliveredSeq', 'readSeq'])
    .where('conversationId', 'in', [...new Set(conversationIds)])
    .where('userId', '<>', viewerId)
    .execute();
}

/**
 * Members (other than `excludeUserId`) whose `kind` watermark reached `seq`, with the time of the
 * first move that covered it.
 */
export async function receiptsFor(
  db: Db,
  input: { conversationId: string; seq: number; kind: WatermarkKind; excludeUserId: string | null },
): Promise<{ userId: string; at: Date }[]> {
  const column = input.kind === 'read' ? 'cm.readSeq' : 'cm.deliveredSeq';
  let query = db
    .selectFrom('conversationMembers as cm')
    .select((eb) => [
      'cm.userId',
      eb
        .selectFrom('receipts as r')
        .select((e) => e.fn.min('r.at').as('at'))
        .whereRef('r.conversationId', '=', 'cm.conversationId')
        .whereRef('r.userId', '=', 'cm.userId')
        .where('r.kind', '=', input.kind)
        .where('r.upToSeq', '>=', input.seq)
        .as('at'),
    ])
    .where('cm.conversationId', '=', input.conversationId)
    .where(column, '>=', input.seq);
  if (input.excludeUserId) query = query.where('cm.userId', '<>', input.excludeUserId);
  const rows = await query.orderBy('at').execute();
  return rows.map((r) => ({ userId: r.userId, at: r.at ? new Date(r.at) : new Date(0) }));
}

export interface ConversationListRow {
  conversationId: string;
  activityAt: Date;
  /** `activity_at` as PostgreSQL prints it (microseconds kept), for cursors. */
  activityKey: string;
  muted: boolean;
  type: ConversationType;
  lastMessageId: string | null;
  groupId: string | null;
}

/**
 * A user's conversations, most recent activity first, keyset-paginated over
 * (activity, conversation_id), where a conversation's activity for a member is the later of its
 * last message and the member's own activity (joining). Computed per request over the user's
 * memberships (a few hundred rows at most), so that no message rewrites every member's row.
 * Direct chats appear once they have a message.
 */
export async function listMemberships(
  db: Db,
  userId: string,
  after: { at: string; id: string } | undefined,
  limit: number,
  only?: string,
): Promise<ConversationListRow[]> {
  const activity = sql<Date>`GREATEST(cm.activity_at, c.updated_at)`;
  let query = db
    .selectFrom('conversationMembers as cm')
    .innerJoin('conversations as c', 'c.id', 'cm.conversationId')
    .leftJoin('groups as g', 'g.conversationId', 'c.id')
    .select([
      'cm.conversationId',
      activity.as('activityAt'),
      sql<string>`GREATEST(cm.activity_at, c.updated_at)::text`.as('activityKey'),
      'cm.muted',
      'c.type',
      'c.lastMessageId',
      'g.id as groupId',
    ])
    .where('cm.userId', '=', userId)
    .where((eb) => eb.or([eb('c.type', '=', 'group'), eb('c.lastSeq', '>', 0)]))
    .where('g.deletedAt', 'is', null);
  if (only !== undefined) query = query.where('cm.conversationId', '=', only);
  if (after) {
    query = query.where(sql<boolean>`(${activity}, cm.conversation_id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  return query
    .orderBy(activity, 'desc')
    .orderBy('cm.conversationId', 'desc')
    .limit(limit + 1)
    .execute();
}

/** A conversation with messages the member has not read: what their `message` notification shows. */
export interface UnreadConversationRow {
  conversationId: string;
  groupId: string | null;
  /** Others' non-deleted text messages above the read watermark (since joining). */
  count: number;
  firstAt: Date;
  lastMessageId: string;
  lastSeq: number;
  lastSenderId: string | null;
  lastText: string | null;
  lastAt: Date;
  attachmentCount: number;
  notificationReadSeq: number;
}

/**
 * The user's unmuted conversations with unread messages, each with its count and latest unread
 * message: the derived `message` notifications. Only memberships behind their conversation's
 * last seq are looked at, each through the (conversation_id, seq) index above the watermark.
 */
export async function unreadConversations(db: Db, userId: string): Promise<UnreadConversationRow[]> {
  const { rows } = await sql<UnreadConversationRow & { count: string; lastSeq: string; notificationReadSeq: string }>`
    SELECT cm.conversation_id, g.id AS group_id, u.count, u.first_at, lm.id AS last_message_id, lm.seq AS last_seq,
           lm.sender_id AS last_sender_id, lm.text AS last_text, lm.created_at AS last_at,
           (SELECT count(*)::int FROM message_attachments a WHERE a.message_id = lm.id) AS attachment_count,
           cm.notification_read_seq
    FROM conversation_members cm
    JOIN conversations c ON c.id = cm.conversation_id
    LEFT JOIN groups g ON g.conversation_id = c.id
    CROSS JOIN LATERAL (
      SELECT count(*) AS count, min(m.created_at) AS first_at, max(m.seq) AS last_seq
      FROM messages m
      WHERE m.conversation_id = cm.conversation_id AND m.seq > cm.read_seq AND m.created_at >= cm.joined_at
        AND m.type = 'text' AND m.deleted_at IS NULL AND m.sender_id IS DISTINCT FROM cm.user_id
    ) u
    JOIN messages lm ON lm.conversation_id = cm.conversation_id AND lm.seq = u.last_seq
    WHERE cm.user_id = ${userId}::uuid AND c.last_seq > cm.read_seq AND NOT cm.muted AND g.deleted_at IS NULL`.execute(db);
  return rows.map((r) => ({
    ...r,
    count: Number(r.count),
    lastSeq: Number(r.lastSeq),
    notificationReadSeq: Number(r.notificationReadSeq),
    firstAt: new Date(r.firstAt),
    lastAt: new Date(r.lastAt),
  }));
}

/**
 * Marks message notifications read (those of `conversationIds`, or all) by moving their
 * watermarks to the conversations' last seq; returns the conversations whose watermark moved.
 */
export async function markMessageNotificationsRead(
  trx: Db,
  userId: string,
  conversationIds: readonly string[] | 'all',
): Promise<string[]> {
  const only = conversationIds === 'all' ? sql`true` : sql`cm.conversation_id = ANY(${[...conversationIds]}::uuid[])`;
  const { rows } = await sql<{ conversationId: string }>`
    UPDATE conversation_members cm SET notification_read_seq = c.last_seq
    FROM conversations c
    WHERE cm.user_id = ${userId}::uuid AND ${only} AND c.id = cm.conversation_id AND cm.notification_read_seq < c.last_seq
      AND c.last_seq > cm.read_seq
    RETURNING cm.conversation_id`.execute(trx);
  return rows.map((r) => r.conversationId);
}
