import { randomBytes } from 'node:crypto';
import { newId } from '../../src/lib/ids.js';
import { hashPassword } from '../../src/lib/passwords.js';
import { insertUser } from '../../src/modules/users/users.repository.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { AccessTokens } from '../../src/lib/access-tokens.js';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  /** A valid access token of a fresh session. */
  token: string;
  sessionId: string;
}

let counter = 0;

/** A unique, valid username: tests share one database per process. */
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}_${randomBytes(3).toString('hex')}${counter}`.slice(0, 32);
}

/**
 * A verified user with a signed-in session, made directly in the database so tests of other
 * capabilities do not repeat the sign-up flow (the accounts tests cover that flow over HTTP).
 */
export async function createUser(t: TestApp, overrides: { username?: string; password?: string } = {}): Promise<TestUser> {
  const username = overrides.username ?? uniqueName();
  const email = `${username.toLowerCase()}@example.test`;
  const password = overrides.password ?? 'correct horse battery';
  const { db } = t.app.infra.database;
  const user = await insertUser(db, {
    id: newId(),
    username,
    email,
    passwordHash: await hashPassword(password, 1),
    emailVerifiedAt: new Date(),
    updatedAt: new Date(),
  });
  const sessionId = newId();
  await db
    .insertInto('sessions')
    .values({ id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000), lastUsedAt: new Date() })
    .execute();
  const token = await t.app.infra.tokens.sign({ userId: user.id, sessionId });
  return { id: user.id, username, email, password, token, sessionId };
}

/** Makes two users friends directly in the database (the friends tests cover the HTTP flow). */
export async function befriend(t: TestApp, a: TestUser, b: TestUser): Promise<void> {
  await t.app.infra.database.db
    .insertInto('friendships')
    .values([
      { userId: a.id, friendId: b.id },
      { userId: b.id, friendId: a.id },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * A verified user with a session, written straight into `db`, and an access token from `tokens`:
 * for tests that run server processes against a database of their own (no test app to ask).
 */
export async function insertSignedInUser(
  db: Kysely<DB>,
  tokens: AccessTokens,
  prefix: string,
): Promise<{ id: string; token: string }> {
  const id = newId();
  await insertUser(db, {
    id,
    username: `${prefix}_${randomBytes(4).toString('hex')}`,
    email: `${id}@example.test`,
    emailVerifiedAt: new Date(),
    updatedAt: new Date(),
  });
  const sessionId = newId();
  await db
    .insertInto('sessions')
    .values({ id: sessionId, userId: id, expiresAt: new Date(Date.now() + 86_400_000), lastUsedAt: new Date() })
    .execute();
  return { id, token: await tokens.sign({ userId: id, sessionId }) };
}
