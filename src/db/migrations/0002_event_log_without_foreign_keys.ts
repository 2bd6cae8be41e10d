import { sql, type Kysely } from 'kysely';

/**
 * The event log is the hottest append in the system (a group message writes a row per member),
 * and each foreign key cost a trigger call per row. Nothing relied on their cascades: accounts
 * are soft-deleted and the pruner deletes log rows before the payloads they point to.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE event_log DROP CONSTRAINT IF EXISTS event_log_user_id_fkey`.execute(db);
  await sql`ALTER TABLE event_log DROP CONSTRAINT IF EXISTS event_log_event_id_fkey`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE event_log ADD CONSTRAINT event_log_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE`.execute(db);
  await sql`ALTER TABLE event_log ADD CONSTRAINT event_log_event_id_fkey
    FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE`.execute(db);
}
