import type { Db } from '../../db/database.js';
import { sql } from 'kysely';
import type { NewUserRow, UserRow, UserUpdate } from '../../db/schema.js';

export async function insertUser(db: Db, user: NewUserRow): Promise<UserRow> {
  const row = await db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('eventSeqs').values({ userId: row.id, seq: 0 }).execute();
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...changes, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** LIKE pattern matching names that start with `prefix` (its `_` and `%` taken literally). */
function prefixPattern(prefix: string): string {
  return `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Active accounts whose username starts with `prefix`, ordered by lower-cased username. */
export async function searchUsersByPrefix(
  db: Db,
  input: { prefix: string; after: string | undefined; limit: number; verifiedOnly: boolean },
): Promise<UserRow[]> {
  let query = db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, 'like', prefixPattern(input.prefix))
    .where('deletedAt', 'is', null);
  if (input.verifiedOnly) query = query.where('emailVerifiedAt', 'is not', null);
  if (input.after !== undefined) query = query.where(sql<string>`lower(username)`, '>', input.after);
  return query
    .orderBy(sql`lower(username)`)
    .limit(input.limit)
    .execute();
}

export async function findIdsByUsernames(db: Db, usernames: readonly string[]): Promise<{ id: string; username: string }[]> {
  if (usernames.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where(sql<string>`lower(username)`, 'in', [...new Set(usernames.map((u) => u.toLowerCase()))])
    .where('deletedAt', 'is', null)
    .execute();
}

/** Profile and credentials wiped; the row stays so old messages still have a sender. */
export async function anonymiseUser(db: Db, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      username: `deleted_${id.replace(/-/g, '')}`,
      email: null,
      passwordHash: null,
      displayName: 'Deleted user',
      bio: null,
      avatarFileId: null,
      mfaSecret: null,
      mfaEnabled: false,
      mfaLastStep: null,
      deletedAt: new Date(),
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('userTokens').where('userId', '=', id).execute();
  await db.deleteFrom('mfaRecoveryCodes').where('userId', '=', id).execute();
}

/** True when `error` is a unique violation (PostgreSQL 23505) on the named index. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  if (!e || e.code !== '23505') return false;
  return e.constraint === index || (e.message ?? '').includes(index);
}
