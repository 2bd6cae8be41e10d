import type pg from 'pg';
import { createAccessTokens } from '../../src/lib/access-tokens.js';
import { newId } from '../../src/lib/ids.js';
import { hashPassword } from '../../src/lib/passwords.js';

export interface SeededUser {
  id: string;
  username: string;
  email: string;
  token: string;
}

export const BENCH_PASSWORD = 'bench password 123';

/**
 * Seeds users straight into the database (the sign-up flow is not what these scenarios measure):
 * verified accounts with one session each and a signed access token. All share one real argon2id
 * hash of BENCH_PASSWORD at the server's cost, so the login scenario measures the real check.
 */
export async function seedUsers(
  client: pg.Client,
  count: number,
  jwtSecret: string,
  hashCost: number,
  prefix: string,
): Promise<SeededUser[]> {
  const tokens = createAccessTokens(jwtSecret, 24 * 3600);
  const hash = await hashPassword(BENCH_PASSWORD, hashCost);
  const users: SeededUser[] = [];
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const username = `${prefix}${i}`;
    users.push({ id, username, email: `${username}@bench.test`, token: '' });
    sessions.push(newId());
  }
  for (let start = 0; start < count; start += 5000) {
    const slice = users.slice(start, start + 5000);
    const ids = slice.map((u) => u.id);
    await client.query(
      `INSERT INTO users (id, username, email, password_hash, email_verified_at)
       SELECT id, username, email, $4, now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, username, email)`,
      [ids, slice.map((u) => u.username), slice.map((u) => u.email), hash],
    );
    await client.query(`INSERT INTO event_seqs (user_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [ids]);
    await client.query(
      `INSERT INTO sessions (id, user_id, expires_at) SELECT s, u, now() + interval '1 day' FROM unnest($1::uuid[], $2::uuid[]) AS t(s, u)`,
      [sessions.slice(start, start + 5000), ids],
    );
  }
  for (let i = 0; i < count; i++) users[i]!.token = await tokens.sign({ userId: users[i]!.id, sessionId: sessions[i]! });
  return users;
}

/** Friendship rows (both directions) for each pair. */
export async function seedFriendships(client: pg.Client, pairs: [string, string][]): Promise<void> {
  for (let start = 0; start < pairs.length; start += 5000) {
    const slice = pairs.slice(start, start + 5000);
    await client.query(
      `INSERT INTO friendships (user_id, friend_id)
       SELECT a, b FROM unnest($1::uuid[], $2::uuid[]) AS t(a, b)
       UNION ALL SELECT b, a FROM unnest($1::uuid[], $2::uuid[]) AS t(a, b)
       ON CONFLICT DO NOTHING`,
      [slice.map((p) => p[0]), slice.map((p) => p[1])],
    );
  }
}

/**
 * A direct conversation between two users holding `messages` messages (seq 1..n), written with
 * generate_series; returns its id.
 */
export async function seedDirectHistory(
  client: pg.Client,
  a: string,
  b: string,
  messages: number,
  analyze = true,
): Promise<string> {
  const conversationId = newId();
  const key = [a, b].sort().join(':');
  await client.query(`INSERT INTO conversations (id, type, direct_key, last_seq) VALUES ($1, 'direct', $2, $3)`, [
    conversationId,
    key,
    messages,
  ]);
  await client.query(
    `INSERT INTO conversation_members (conversation_id, user_id, read_seq, delivered_seq) VALUES ($1, $2, $4, $4), ($1, $3, $4, $4)`,
    [conversationId, a, b, Math.max(0, messages - 10)],
  );
  for (let start = 1; start <= messages; start += 200_000) {
    const end = Math.min(messages, start + 199_999);
    await client.query(
      `INSERT INTO messages (id, conversation_id, seq, sender_id, recipient_id, type, text, created_at)
       SELECT gen_random_uuid(), $1, s, CASE WHEN s % 2 = 0 THEN $2::uuid ELSE $3::uuid END,
              CASE WHEN s % 2 = 0 THEN $3::uuid ELSE $2::uuid END, 'text', 'message number ' || s,
              now() - make_interval(secs => ($5 - s))
       FROM generate_series($4::bigint, $6::bigint) AS s`,
      [conversationId, a, b, start, messages, end],
    );
  }
  await client.query(
    `UPDATE conversations SET last_message_id = (SELECT id FROM messages WHERE conversation_id = $1 AND seq = $2) WHERE id = $1`,
    [conversationId, messages],
  );
  if (analyze) await client.query('ANALYZE messages');
  return conversationId;
}

/** A group whose first member is the owner, written directly; returns its id. */
export async function seedGroup(client: pg.Client, memberIds: string[]): Promise<string> {
  const conversationId = newId();
  const groupId = newId();
  await client.query(`INSERT INTO conversations (id, type) VALUES ($1, 'group')`, [conversationId]);
  await client.query(
    `INSERT INTO groups (id, conversation_id, name, owner_id, member_count) VALUES ($1, $2, 'bench group', $3, $4)`,
    [groupId, conversationId, memberIds[0], memberIds.length],
  );
  await client.query(
    `INSERT INTO conversation_members (conversation_id, user_id, role, joined_at)
     SELECT $1, u, CASE WHEN i = 1 THEN 'owner' ELSE 'member' END, now() - make_interval(secs => ($3 - i))
     FROM unnest($2::uuid[]) WITH ORDINALITY AS t(u, i)`,
    [conversationId, memberIds, memberIds.length],
  );
  return groupId;
}

/** The direct conversations of these pairs, with both memberships and no messages yet; returns their ids. */
export async function seedDirectConversations(client: pg.Client, pairs: [string, string][]): Promise<string[]> {
  const ids = pairs.map(() => newId());
  const keys = pairs.map(([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`));
  await client.query(
    `INSERT INTO conversations (id, type, direct_key) SELECT id, 'direct', k FROM unnest($1::uuid[], $2::text[]) AS t(id, k)`,
    [ids, keys],
  );
  await client.query(
    `INSERT INTO conversation_members (conversation_id, user_id)
     SELECT c, a FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(c, a, b)
     UNION ALL SELECT c, b FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(c, a, b)`,
    [ids, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return ids;
}

/**
 * Appends `perConversation` messages to each of these direct conversations, set-based (no API):
 * the messages, one `message.created` payload each and a log row for each of the two members
 * after their current seq, read and delivered watermarks at the end. Each user must be in one of
 * these conversations only (their log seqs are their conversation's). Run while nothing writes.
 */
export async function appendDirectHistory(
  client: pg.Client,
  conversationIds: string[],
  perConversation: number,
  log: (message: string) => void,
): Promise<void> {
  const chunk = Math.max(1, Math.floor(100_000 / perConversation));
  for (let start = 0; start < conversationIds.length; start += chunk) {
    const ids = conversationIds.slice(start, start + chunk);
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE bench_history ON COMMIT DROP AS
       SELECT c.id AS conversation_id, c.last_seq AS base, min(m.user_id::text)::uuid AS a, max(m.user_id::text)::uuid AS b
       FROM conversations c JOIN conversation_members m ON m.conversation_id = c.id
       WHERE c.id = ANY($1::uuid[]) GROUP BY c.id, c.last_seq`,
      [ids],
    );
    await client.query(
      `INSERT INTO messages (id, conversation_id, seq, sender_id, recipient_id, type, text, created_at)
       SELECT gen_random_uuid(), h.conversation_id, h.base + s,
              CASE WHEN s % 2 = 0 THEN h.a ELSE h.b END, CASE WHEN s % 2 = 0 THEN h.b ELSE h.a END,
              'text', 'history message number ' || s, now() - make_interval(secs => ($1 - s))
       FROM bench_history h, generate_series(1, $1::int) AS s`,
      [perConversation],
    );
    await client.query(
      `WITH payloads AS (
         INSERT INTO events (type, data)
         SELECT 'message.created', json_build_object('id', m.id, 'conversationId', m.conversation_id, 'groupId', NULL,
                  'seq', m.seq, 'senderId', m.sender_id, 'recipientId', m.recipient_id, 'type', 'text', 'text', m.text,
                  'attachments', '[]'::json, 'createdAt', m.created_at, 'status', NULL)
         FROM bench_history h JOIN messages m ON m.conversation_id = h.conversation_id AND m.seq > h.base
         RETURNING id, (data->>'conversationId')::uuid AS conversation_id, (data->>'seq')::bigint AS seq
       )
       INSERT INTO event_log (user_id, seq, event_id)
       SELECT u.user_id, s.seq + (p.seq - h.base), p.id
       FROM payloads p JOIN bench_history h ON h.conversation_id = p.conversation_id
       CROSS JOIN LATERAL (VALUES (h.a), (h.b)) AS u(user_id)
       JOIN event_seqs s ON s.user_id = u.user_id`,
    );
    await client.query(`UPDATE event_seqs s SET seq = s.seq + $1 FROM bench_history h WHERE s.user_id IN (h.a, h.b)`, [
      perConversation,
    ]);
    await client.query(
      `UPDATE conversations c SET last_seq = h.base + $1, updated_at = now(),
         last_message_id = (SELECT id FROM messages WHERE conversation_id = c.id AND seq = h.base + $1)
       FROM bench_history h WHERE c.id = h.conversation_id`,
      [perConversation],
    );
    await client.query(
      `UPDATE conversation_members m SET read_seq = h.base + $1, delivered_seq = h.base + $1
       FROM bench_history h WHERE m.conversation_id = h.conversation_id`,
      [perConversation],
    );
    await client.query('COMMIT');
    log(`history: ${Math.min(start + chunk, conversationIds.length)}/${conversationIds.length} conversations`);
  }
}
