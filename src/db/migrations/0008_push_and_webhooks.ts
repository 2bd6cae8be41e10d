import { sql, type Kysely } from 'kysely';

/**
 * Push subscriptions, the notifications waiting for their delay (one row per user and topic, so a
 * burst coalesces) and the durable delivery queue shared by push and webhooks. Workers on every
 * node claim due deliveries with FOR UPDATE SKIP LOCKED and lease them by moving `next_attempt_at`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE push_subscriptions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      type text NOT NULL CHECK (type IN ('webpush', 'gateway')),
      target text NOT NULL,
      p256dh text,
      auth text,
      gateway_url text,
      app_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_success_at timestamptz,
      UNIQUE (user_id, type, target)
    )`.execute(db);
  await sql`
    CREATE TABLE push_pending (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      topic text NOT NULL,
      seq bigint NOT NULL,
      kind text NOT NULL,
      data json NOT NULL,
      count integer NOT NULL DEFAULT 1,
      urgent boolean NOT NULL DEFAULT false,
      due_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, topic)
    )`.execute(db);
  await sql`CREATE INDEX push_pending_due ON push_pending (due_at)`.execute(db);
  await sql`
    CREATE TABLE deliveries (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('webhook', 'push')),
      subscription_id uuid REFERENCES push_subscriptions (id) ON DELETE CASCADE,
      payload text NOT NULL,
      topic text,
      urgent boolean NOT NULL DEFAULT false,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_error text
    )`.execute(db);
  await sql`CREATE INDEX deliveries_due ON deliveries (next_attempt_at)`.execute(db);
  await sql`CREATE INDEX deliveries_subscription ON deliveries (subscription_id) WHERE subscription_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE deliveries`.execute(db);
  await sql`DROP TABLE push_pending`.execute(db);
  await sql`DROP TABLE push_subscriptions`.execute(db);
}
