import { sql, type Kysely } from 'kysely';

/**
 * Which users and groups show a file as their picture, by file: the sweeper of unattached
 * uploads asks it for every candidate, and deleting a file looks it up for `ON DELETE SET NULL`.
 * Without these, both scan every user and every group.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX users_avatar_file ON users (avatar_file_id) WHERE avatar_file_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX groups_avatar_file ON groups (avatar_file_id) WHERE avatar_file_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX groups_avatar_file`.execute(db);
  await sql`DROP INDEX users_avatar_file`.execute(db);
}
