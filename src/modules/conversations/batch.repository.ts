import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { WatermarkKind } from './conversations.repository.js';

type Executor = Kysely<DB>;

/**
 * The set-based statements of group commit: each does for a whole batch of messages what its
 * counterpart in `conversations.repository.ts` does for one, so a batch costs a few statements
 * whatever its size.
 */

/** The ids of the direct conversations with these `direct_key`s that exist (one lookup). */
export async function findDirectConversationIds(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  // `= ANY(array)`, not an `IN` list: one statement text whatever the batch size, prepared once.
  const { rows } = await sql<{ id: string; directKey: string }>`
    SELECT id, direct_key FROM conversations WHERE direct_key = ANY(${[...new Set(keys)]}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.directKey, r.id]));
}

/**
 * The conversation and members of each live group among `groupIds` (one lookup). Read before
 * the conversations are locked, as the one-message path reads them.
 */
export async function findGroupAudiences(
  db: Executor,
  groupIds: readonly string[],
): Promise<Map<string, { conversationId: string; members: string[] }>> {
  if (groupIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; conversationId: string; members: string[] }>`
    SELECT g.id, g.conversation_id, array_agg(m.user_id) AS members
    FROM groups g JOIN conversation_members m ON m.conversation_id = g.conversation_id
    WHERE g.id = ANY(${groupIds}::uuid[]) AND g.deleted_at IS NULL
    GROUP BY g.id, g.conversation_id`.execute(db);
  return new Map(rows.map((r) => [r.id, { conversationId: r.conversationId, members: r.members }]));
}

/**
 * Takes `messageIds.length` consecutive seqs of each conversation in one statement: locks the
 * conversations in ascending id order (so concurrent batches on other nodes cannot deadlock with
 * this one, nor with a single sender, who locks one conversation before anything else), bumps
 * `last_seq` by the count and records the last message and the time. Returns each
 * conversation's first new seq and the time its messages carry.
 */
export async function claimNextSeqs(
  trx: Executor,
  claims: readonly { conversationId: string; messageIds: readonly string[] }[],
): Promise<Map<string, { firstSeq: number; at: Date }>> {
  if (claims.length === 0) return new Map();
  const sorted = [...claims].sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1));
  const { rows } = await sql<{ id: string; seq: string; at: Date }>`
    WITH locked AS (
      SELECT id FROM conversations WHERE id = ANY(${sorted.map((c) => c.conversationId)}::uuid[])
      ORDER BY id FOR NO KEY UPDATE
    )
    UPDATE conversations c SET last_seq = c.last_seq + x.n, last_message_id = x.last_id, updated_at = clock_timestamp()
    FROM unnest(${sorted.map((c) => c.conversationId)}::uuid[], ${sorted.map((c) => c.messageIds.length)}::int[],
                ${sorted.map((c) => c.messageIds[c.messageIds.length - 1]!)}::uuid[]) AS x(id, n, last_id), locked
    WHERE c.id = x.id AND locked.id = x.id
    RETURNING c.id, c.last_seq - x.n + 1 AS seq, c.updated_at AS at`.execute(trx);
  return new Map(rows.map((r) => [r.id, { firstSeq: Number(r.seq), at: new Date(r.at) }]));
}

export interface WatermarkState {
  conversationId: string;
  userId: string;
  deliveredSeq: number;
  readSeq: number;
}

/** Locks memberships (ascending order, like every batch of them) and returns their watermarks. */
export async function lockWatermarks(
  trx: Executor,
  memberships: readonly { conversationId: string; userId: string }[],
): Promise<WatermarkState[]> {
  if (memberships.length === 0) return [];
  const { rows } = await sql<{ conversationId: string; userId: string; deliveredSeq: string; readSeq: string }>`
    SELECT cm.conversation_id, cm.user_id, cm.delivered_seq, cm.read_seq
    FROM conversation_members cm
    JOIN unnest(${memberships.map((m) => m.conversationId)}::uuid[], ${memberships.map((m) => m.userId)}::uuid[])
      AS w(conversation_id, user_id) ON cm.conversation_id = w.conversation_id AND cm.user_id = w.user_id
    ORDER BY cm.conversation_id, cm.user_id
    FOR NO KEY UPDATE OF cm`.execute(trx);
  return rows.map((r) => ({ ...r, deliveredSeq: Number(r.deliveredSeq), readSeq: Number(r.readSeq) }));
}

/** Writes watermarks already locked by `lockWatermarks` and their receipt rows, in one statement. */
export async function writeWatermarks(
  trx: Executor,
  states: readonly WatermarkState[],
  receipts: readonly { conversationId: string; userId: string; kind: WatermarkKind; upToSeq: number; at: Date }[],
): Promise<void> {
  if (states.length === 0 && receipts.length === 0) return;
  await sql`
    WITH raised AS (
      UPDATE conversation_members cm SET delivered_seq = GREATEST(cm.delivered_seq, w.delivered_seq),
                                        read_seq = GREATEST(cm.read_seq, w.read_seq)
      FROM unnest(${states.map((s) => s.conversationId)}::uuid[], ${states.map((s) => s.userId)}::uuid[],
                  ${states.map((s) => s.deliveredSeq)}::bigint[], ${states.map((s) => s.readSeq)}::bigint[])
        AS w(conversation_id, user_id, delivered_seq, read_seq)
      WHERE cm.conversation_id = w.conversation_id AND cm.user_id = w.user_id
    )
    INSERT INTO receipts (conversation_id, user_id, kind, up_to_seq, at)
    SELECT * FROM unnest(${receipts.map((r) => r.conversationId)}::uuid[], ${receipts.map((r) => r.userId)}::uuid[],
                         ${receipts.map((r) => r.kind)}::text[], ${receipts.map((r) => r.upToSeq)}::bigint[],
                         ${receipts.map((r) => r.at.toISOString())}::timestamptz[])
    ON CONFLICT DO NOTHING`.execute(trx);
}
