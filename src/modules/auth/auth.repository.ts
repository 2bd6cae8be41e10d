import type { Db } from '../../db/database.js';
import { sql } from 'kysely';
import type { SessionRow, UserTokenPurpose } from '../../db/schema.js';

type TokenRow = {
  tokenHash: string;
  userId: string;
  purpose: UserTokenPurpose;
  data: Record<string, unknown> | null;
  attempts: number;
  expiresAt: Date;
  usedAt: Date | null;
};

// Sessions and refresh tokens

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; userAgent: string | null; ip: string | null; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...s, lastUsedAt: new Date() })
    .execute();
}

export async function insertRefreshToken(db: Db, sessionId: string, tokenHash: string): Promise<void> {
  await db.insertInto('refreshTokens').values({ sessionId, tokenHash }).execute();
}

export async function findRefreshToken(
  db: Db,
  tokenHash: string,
): Promise<{ sessionId: string; usedAt: Date | null; session: SessionRow } | undefined> {
  const row = await db
    .selectFrom('refreshTokens as r')
    .innerJoin('sessions as s', 's.id', 'r.sessionId')
    .selectAll('s')
    .select(['r.usedAt as tokenUsedAt'])
    .where('r.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { tokenUsedAt, ...session } = row;
  return { sessionId: session.id, usedAt: tokenUsedAt, session };
}

/** Spends a refresh token; false when it was already spent (a concurrent or replayed use). */
export async function spendRefreshToken(db: Db, tokenHash: string): Promise<boolean> {
  const res = await db
    .updateTable('refreshTokens')
    .set({ usedAt: new Date() })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Forgets spent refresh tokens of a session older than `before`. Recent ones are kept so a replay
 * is recognised (and revokes the session); an older replay simply finds no token.
 */
export async function pruneSpentRefreshTokens(db: Db, sessionId: string, before: Date): Promise<void> {
  await db.deleteFrom('refreshTokens').where('sessionId', '=', sessionId).where('usedAt', '<', before).execute();
}

export async function touchSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastUsedAt: new Date(), expiresAt }).where('id', '=', sessionId).execute();
}

export async function findActiveSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .executeTakeFirst();
}

/** Revokes sessions of `userId` (all, or only `ids`, minus `except`); returns the ids revoked. */
export async function revokeSessions(
  db: Db,
  userId: string,
  opts: { ids?: readonly string[]; except?: string } = {},
): Promise<string[]> {
  let query = db
    .updateTable('sessions')
    .set({ revokedAt: new Date() })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (opts.ids) query = query.where('id', 'in', opts.ids.length ? [...opts.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (opts.except) query = query.where('id', '!=', opts.except);
  const rows = await query.returning('id').execute();
  const ids = rows.map((r) => r.id);
  if (ids.length) await db.deleteFrom('refreshTokens').where('sessionId', 'in', ids).where('usedAt', 'is', null).execute();
  return ids;
}

/** Sessions revoked after `since` (a node fills its revoked-session set from these at start). */
export async function listRevokedSince(db: Db, since: Date): Promise<{ id: string; revokedAt: Date }[]> {
  const rows = await db.selectFrom('sessions').select(['id', 'revokedAt']).where('revokedAt', '>', since).execute();
  return rows.flatMap((r) => (r.revokedAt ? [{ id: r.id, revokedAt: r.revokedAt }] : []));
}

export async function listActiveSessions(
  db: Db,
  userId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<SessionRow[]> {
  let query = db
    .selectFrom('sessions')
    .selectAll()
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', new Date());
  // Cursors carry milliseconds; the database keeps microseconds. Compare and order at the cursor's precision.
  const at = sql`date_trunc('milliseconds', created_at)`;
  if (after) query = query.where(sql<boolean>`(${at}, id) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
  return query.orderBy(at, 'desc').orderBy('id', 'desc').limit(limit).execute();
}

// Single-use mailed tokens and MFA login steps

export async function insertUserToken(
  db: Db,
  t: { tokenHash: string; userId: string; purpose: UserTokenPurpose; expiresAt: Date; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('userTokens')
    .values({ ...t, data: t.data ? JSON.stringify(t.data) : null })
    .execute();
}

/**
 * Stores a mailed token for the account of `email` (only an unverified one with `unverifiedOnly`)
 * and returns who gets the mail. One statement that runs alike whether or not the account exists:
 * for an unknown address it simply inserts nothing, so the answer's timing tells nothing.
 */
export async function insertUserTokenForEmail(
  db: Db,
  t: { email: string; tokenHash: string; purpose: UserTokenPurpose; expiresAt: Date; unverifiedOnly: boolean },
): Promise<{ userId: string; username: string; email: string } | undefined> {
  const { rows } = await sql<{ userId: string; username: string; email: string }>`
    WITH account AS (
      SELECT id, username, email FROM users
      WHERE lower(email) = ${t.email.toLowerCase()} AND deleted_at IS NULL AND email IS NOT NULL
        AND (${!t.unverifiedOnly}::boolean OR email_verified_at IS NULL)
    ), stored AS (
      INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at)
      SELECT ${t.tokenHash}, id, ${t.purpose}, ${t.expiresAt.toISOString()}::timestamptz FROM account
      RETURNING user_id
    )
    SELECT account.id AS user_id, account.username, account.email FROM account JOIN stored ON stored.user_id = account.id
  `.execute(db);
  return rows[0];
}

export async function findUserToken(
  db: Db,
  tokenHash: string,
  purposes: readonly UserTokenPurpose[],
): Promise<TokenRow | undefined> {
  return db
    .selectFrom('userTokens')
    .select(['tokenHash', 'userId', 'purpose', 'data', 'attempts', 'expiresAt', 'usedAt'])
    .where('tokenHash', '=', tokenHash)
    .where('purpose', 'in', [...purposes])
    .executeTakeFirst();
}

/** Marks a token used; false when it was used (or expired) meanwhile. */
export async function spendUserToken(db: Db, tokenHash: string): Promise<boolean> {
  const res = await db
    .updateTable('userTokens')
    .set({ usedAt: new Date() })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Spends every open token of one purpose (a newer link replaces the older ones). */
export async function spendUserTokens(db: Db, userId: string, purpose: UserTokenPurpose): Promise<void> {
  await db
    .updateTable('userTokens')
    .set({ usedAt: new Date() })
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
}

/** Counts a failed attempt; at `max` the token is locked (spent). Returns the new count. */
export async function failUserToken(db: Db, tokenHash: string, max: number): Promise<number> {
  const row = await db
    .updateTable('userTokens')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      usedAt: sql`CASE WHEN attempts + 1 >= ${max} THEN now() ELSE used_at END`,
    }))
    .where('tokenHash', '=', tokenHash)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? max;
}

// MFA

/** Records the TOTP step just used; false when it (or a later one) was used before: a replay. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ mfaLastStep: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('mfaLastStep', 'is', null), eb('mfaLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Replaces a TOTP secret with the same secret sealed under the current key (unless it changed meanwhile). */
export async function resealMfaSecret(db: Db, userId: string, before: string, after: string): Promise<void> {
  await db.updateTable('users').set({ mfaSecret: after }).where('id', '=', userId).where('mfaSecret', '=', before).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: readonly string[]): Promise<void> {
  await db.deleteFrom('mfaRecoveryCodes').where('userId', '=', userId).execute();
  if (codeHashes.length)
    await db
      .insertInto('mfaRecoveryCodes')
      .values(codeHashes.map((codeHash) => ({ userId, codeHash })))
      .execute();
}

/**
 * Spends one unused recovery code stored under any of `codeHashes` (the forms one typed code may
 * have been stored in); false when unknown or already used.
 */
export async function spendRecoveryCode(db: Db, userId: string, codeHashes: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('mfaRecoveryCodes')
    .select('codeHash')
    .where('userId', '=', userId)
    .where('codeHash', 'in', [...codeHashes])
    .where('usedAt', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!row) return false;
  const res = await db
    .updateTable('mfaRecoveryCodes')
    .set({ usedAt: new Date() })
    .where('userId', '=', userId)
    .where('codeHash', '=', row.codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setMfa(
  db: Db,
  userId: string,
  changes: { mfaSecret?: string | null; mfaEnabled?: boolean; mfaLastStep?: number | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updatedAt: new Date() })
    .where('id', '=', userId)
    .execute();
}
