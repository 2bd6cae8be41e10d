import { sql, type Kysely } from 'kysely';

/**
 * Message notifications are derived from the conversation's state (unread messages above the
 * member's read watermark) instead of a row rewritten, and an event pushed, for every member on
 * every message. What is left of them is their own read state: a watermark per membership.
 * The conversation list is ordered by the conversation's own last activity (and the member's
 * own, such as joining), so a group message no longer rewrites every member's row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE conversation_members ADD COLUMN notification_read_seq bigint NOT NULL DEFAULT 0`.execute(db);
  // A message notification that was read keeps reading as read until a newer message arrives.
  await sql`
    UPDATE conversation_members cm SET notification_read_seq = c.last_seq
    FROM notifications n, conversations c
    WHERE n.type = 'message' AND n.read AND n.user_id = cm.user_id AND n.conversation_id = cm.conversation_id
      AND c.id = cm.conversation_id`.execute(db);
  await sql`DELETE FROM notifications WHERE type = 'message'`.execute(db);
  await sql`DROP INDEX IF EXISTS notifications_message_per_conversation`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Back to per-member activity times that include every message.
  await sql`UPDATE conversation_members cm SET activity_at = c.updated_at
    FROM conversations c WHERE c.id = cm.conversation_id AND c.updated_at > cm.activity_at`.execute(db);
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS notifications_message_per_conversation
    ON notifications (user_id, conversation_id) WHERE type = 'message'`.execute(db);
  await sql`ALTER TABLE conversation_members DROP COLUMN notification_read_seq`.execute(db);
}
