import { sql, type Kysely } from 'kysely';

/**
 * Event payloads are written once and sent as they are: stored as `json` (text, checked for
 * syntax) they cost no binary conversion on the way in and none on the way out, where `jsonb`
 * cost both (a group message writes a payload per member for their notifications).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ALTER COLUMN data TYPE json USING data::json`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ALTER COLUMN data TYPE jsonb USING data::jsonb`.execute(db);
}
