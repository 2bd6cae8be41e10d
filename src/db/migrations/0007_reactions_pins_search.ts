import { sql, type Kysely } from 'kysely';

/**
 * Reactions, pins and the message search index, each in a table of its own so the messages table
 * (and every history page that reads it) stays as it was.
 *
 * - `message_reactions`: one row per (message, emoji, user); `message_reaction_counts` keeps the
 *   count per (message, emoji) and when it was first used, so a page of messages reads its
 *   reactions from the counts (plus the viewer's own rows) in one query.
 * - `message_pins`: at most one pin per message, listed per conversation by time.
 * - `message_search`: the search document of each live message as a `tsvector` whose lexemes
 *   the application normalises (case, accents, scripts without spaces), under a GIN index.
 *   Only core PostgreSQL features: no extension, so PGlite and any PostgreSQL run it alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE message_reactions (
      message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      emoji text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (message_id, emoji, user_id)
    )`.execute(db);
  await sql`CREATE INDEX message_reactions_by_time ON message_reactions (message_id, emoji, created_at, user_id)`.execute(db);
  await sql`CREATE INDEX message_reactions_user ON message_reactions (user_id)`.execute(db);
  await sql`
    CREATE TABLE message_reaction_counts (
      message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      emoji text NOT NULL,
      count integer NOT NULL,
      first_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (message_id, emoji)
    )`.execute(db);
  await sql`
    CREATE TABLE message_pins (
      message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      pinned_by uuid REFERENCES users(id) ON DELETE SET NULL,
      pinned_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`.execute(db);
  await sql`CREATE INDEX message_pins_by_time ON message_pins (conversation_id, pinned_at DESC, message_id DESC)`.execute(db);
  await sql`
    CREATE TABLE message_search (
      message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      sender_id uuid,
      created_at timestamptz NOT NULL,
      document tsvector NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX message_search_document ON message_search USING gin (document)`.execute(db);
  // Two ways in, chosen by the planner from the terms' frequencies: the GIN index for rare terms,
  // newest-first by time (filtering on terms and membership) for common ones.
  await sql`CREATE INDEX message_search_by_time ON message_search (created_at DESC, message_id DESC)`.execute(db);
  await sql`CREATE INDEX message_search_conversation ON message_search (conversation_id, created_at DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE message_search`.execute(db);
  await sql`DROP TABLE message_pins`.execute(db);
  await sql`DROP TABLE message_reaction_counts`.execute(db);
  await sql`DROP TABLE message_reactions`.execute(db);
}
