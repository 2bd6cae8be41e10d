import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after it has shipped.
// One SQL dialect (PostgreSQL) serves PGlite and a real server alike.

const schema = `
    CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      email text,
      password_hash text,
      email_verified_at timestamptz,
      display_name text,
      bio text,
      avatar_file_id uuid,
      mfa_secret text,
      mfa_enabled boolean NOT NULL DEFAULT false,
      mfa_last_step bigint,
      last_seen_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    );
    CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
    CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
    CREATE INDEX users_username_prefix ON users (lower(username) text_pattern_ops);

    CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      user_agent text,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    );
    CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

    CREATE TABLE refresh_tokens (
      token_hash text PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz
    );
    CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

    -- Single-use tokens mailed or handed out: e-mail verification, password reset, e-mail change,
    -- the MFA step of a login. Only hashes are stored.
    CREATE TABLE user_tokens (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      purpose text NOT NULL,
      data jsonb,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX user_tokens_user ON user_tokens (user_id, purpose);

    CREATE TABLE mfa_recovery_codes (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    );

    CREATE TABLE files (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      mime_type text NOT NULL,
      size bigint NOT NULL,
      storage_key text NOT NULL,
      sha256 text NOT NULL,
      width integer,
      height integer,
      thumbnail_key text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX files_owner ON files (owner_id, created_at);
    ALTER TABLE users ADD CONSTRAINT users_avatar_fk
      FOREIGN KEY (avatar_file_id) REFERENCES files(id) ON DELETE SET NULL;

    CREATE TABLE friend_requests (
      id uuid PRIMARY KEY,
      from_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      to_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      status text NOT NULL,
      -- A request from someone who is blocked by the addressee is kept but never shown to them.
      hidden boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX friend_requests_pending ON friend_requests (from_user_id, to_user_id)
      WHERE status = 'pending';
    CREATE INDEX friend_requests_to ON friend_requests (to_user_id, status, created_at);

    -- One row per direction, so "my friends" is a single index range.
    CREATE TABLE friendships (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      friend_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, friend_id)
    );

    CREATE TABLE blocks (
      blocker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      blocked_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (blocker_id, blocked_id)
    );
    CREATE INDEX blocks_blocked ON blocks (blocked_id);

    CREATE TABLE conversations (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      -- For direct chats: the two user ids in ascending order joined by ':'; unique.
      direct_key text UNIQUE,
      last_seq bigint NOT NULL DEFAULT 0,
      last_message_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE groups (
      id uuid PRIMARY KEY,
      conversation_id uuid NOT NULL UNIQUE REFERENCES conversations(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      avatar_file_id uuid REFERENCES files(id) ON DELETE SET NULL,
      owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
      member_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    );

    -- Current members only. Receipt watermarks are conversation seqs that never move backwards.
    CREATE TABLE conversation_members (
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text,
      joined_at timestamptz NOT NULL DEFAULT now(),
      delivered_seq bigint NOT NULL DEFAULT 0,
      read_seq bigint NOT NULL DEFAULT 0,
      muted boolean NOT NULL DEFAULT false,
      -- Activity time as this member sees it; orders their conversation list.
      activity_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversation_id, user_id)
    );
    CREATE INDEX conversation_members_user_activity
      ON conversation_members (user_id, activity_at DESC, conversation_id DESC);

    CREATE TABLE messages (
      id uuid PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      sender_id uuid REFERENCES users(id) ON DELETE SET NULL,
      recipient_id uuid REFERENCES users(id) ON DELETE SET NULL,
      type text NOT NULL DEFAULT 'text',
      text text,
      reply_to_id uuid REFERENCES messages(id) ON DELETE SET NULL,
      mentions uuid[] NOT NULL DEFAULT '{}',
      system_data jsonb,
      client_message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz,
      deleted_at timestamptz
    );
    CREATE UNIQUE INDEX messages_conversation_seq ON messages (conversation_id, seq);
    CREATE UNIQUE INDEX messages_client_id ON messages (sender_id, client_message_id)
      WHERE client_message_id IS NOT NULL;

    CREATE TABLE message_attachments (
      message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      file_id uuid NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      PRIMARY KEY (message_id, file_id)
    );
    CREATE INDEX message_attachments_file ON message_attachments (file_id);

    -- Every move of a receipt watermark, so "when did X receive message N" has an answer.
    CREATE TABLE receipts (
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      up_to_seq bigint NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversation_id, kind, user_id, up_to_seq)
    );

    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      type text NOT NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      conversation_id uuid REFERENCES conversations(id) ON DELETE CASCADE,
      data jsonb NOT NULL DEFAULT '{}',
      read boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notifications_user_updated ON notifications (user_id, updated_at DESC, id DESC);
    CREATE UNIQUE INDEX notifications_message_per_conversation
      ON notifications (user_id, conversation_id) WHERE type = 'message';

    -- The durable event log: each payload once, one row per recipient with that user's seq.
    CREATE TABLE events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE event_seqs (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      seq bigint NOT NULL DEFAULT 0
    );
    CREATE TABLE event_log (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, seq)
    );
    CREATE INDEX event_log_created ON event_log (created_at);
    CREATE INDEX event_log_event ON event_log (event_id);
`;

export async function up(db: Kysely<any>): Promise<void> {
  // One statement at a time: PGlite's extended protocol takes a single statement per query.
  for (const statement of schema.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS event_log, event_seqs, events, notifications, receipts,
      message_attachments, messages, conversation_members, groups, conversations, blocks,
      friendships, friend_requests, files, mfa_recovery_codes, user_tokens, refresh_tokens,
      sessions, users CASCADE;
  `.execute(db);
}
