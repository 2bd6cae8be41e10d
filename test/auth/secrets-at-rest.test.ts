import assert from 'node:assert/strict';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { assertProblem, enableMfa, PASSWORD, signedUp, totpCode } from './support.js';

// Recovery codes and TOTP secrets at rest: their format, their keys, and key rotation.
const key = () => randomBytes(32).toString('hex');
const apps: TestApp[] = [];
after(async () => {
  await Promise.all(apps.map((a) => a.close()));
});
async function node(env: Record<string, string>): Promise<TestApp> {
  const app = await startTestApp({ env });
  apps.push(app);
  return app;
}

async function mfaLogin(t: TestApp, email: string, code: string) {
  const challenge = await t.http.post('/login', { email, password: PASSWORD });
  assert.equal(challenge.body.mfaRequired, true, challenge.text);
  return t.http.post('/login/mfa', { mfaToken: challenge.body.mfaToken, code });
}

/** Forgets which TOTP step was used last, so the current code counts again (time travel for the test). */
async function forgetLastStep(t: TestApp, userId: string): Promise<void> {
  await t.app.infra.database.db.updateTable('users').set({ mfaLastStep: null }).where('id', '=', userId).execute();
}

async function storedSecret(t: TestApp, userId: string): Promise<string> {
  const row = await t.app.infra.database.db
    .selectFrom('users')
    .select('mfaSecret')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.mfaSecret ?? '';
}

const CODE = /^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){6}$/;

test('recovery codes carry at least 128 random bits, are stored as keyed HMACs, and are typed loosely', async () => {
  const t = await node({ ENCRYPTION_KEY: key() });
  const account = await signedUp(t);
  const { recoveryCodes } = await enableMfa(t, account.tokens.accessToken);
  assert.equal(recoveryCodes.length, 10);
  for (const code of recoveryCodes) {
    assert.match(code, CODE);
    // 28 characters of a 32-letter alphabet: 140 bits.
    assert.ok(code.replace(/-/g, '').length * 5 >= 128);
  }
  const stored = await t.app.infra.database.db
    .selectFrom('mfaRecoveryCodes')
    .select('codeHash')
    .where('userId', '=', account.id)
    .execute();
  const unsalted = recoveryCodes.map((c) =>
    createHash('sha256')
      .update(`recovery:${c.replace(/-/g, '')}`)
      .digest('base64url'),
  );
  assert.ok(
    stored.every((row) => !unsalted.includes(row.codeHash)),
    'not the plain SHA-256 of the code',
  );
  // Upper case, spaces instead of dashes: still the same code, and still single use.
  const typed = recoveryCodes[0]!.toUpperCase().replace(/-/g, ' ');
  assert.equal((await mfaLogin(t, account.email, typed)).status, 200);
  assertProblem(await mfaLogin(t, account.email, recoveryCodes[0]!), 401, 'invalid_mfa_code');
});

test('recovery codes stored the old way (unsalted SHA-256) still log in once', async () => {
  const t = await node({ ENCRYPTION_KEY: key() });
  const account = await signedUp(t);
  await enableMfa(t, account.tokens.accessToken);
  const oldCode = 'k7m2p-x9qfd';
  await t.app.infra.database.db
    .insertInto('mfaRecoveryCodes')
    .values({ userId: account.id, codeHash: createHash('sha256').update('recovery:k7m2px9qfd').digest('base64url') })
    .execute();
  assert.equal((await mfaLogin(t, account.email, oldCode)).status, 200);
  assertProblem(await mfaLogin(t, account.email, oldCode), 401, 'invalid_mfa_code');
});

test('JWT_SECRET rotates without touching MFA; ENCRYPTION_KEY rotates through ENCRYPTION_KEY_PREVIOUS', async () => {
  const [k1, k2] = [key(), key()];
  const first = await node({ JWT_SECRET: key(), ENCRYPTION_KEY: k1 });
  const account = await signedUp(first);
  const { secret, recoveryCodes } = await enableMfa(first, account.tokens.accessToken);
  const sealed = await storedSecret(first, account.id);
  assert.match(sealed, /^v2:[\w-]{8}:/);

  // A new JWT secret, the same encryption key: MFA logins keep working.
  const rotatedJwt = await node({ JWT_SECRET: key(), ENCRYPTION_KEY: k1 });
  assert.equal((await mfaLogin(rotatedJwt, account.email, totpCode(secret, Date.now() + 30_000))).status, 200);

  // A new encryption key with the old one as previous: old secrets and codes still open, and the
  // secret is sealed again under the new key once used.
  const rotated = await node({ ENCRYPTION_KEY: k2, ENCRYPTION_KEY_PREVIOUS: k1 });
  await forgetLastStep(rotated, account.id);
  assert.equal((await mfaLogin(rotated, account.email, totpCode(secret))).status, 200);
  const resealed = await storedSecret(rotated, account.id);
  assert.match(resealed, /^v2:/);
  assert.notEqual(resealed.split(':')[1], sealed.split(':')[1], 'sealed under the new key');
  assert.equal((await mfaLogin(rotated, account.email, recoveryCodes[1]!)).status, 200);

  // A key that opens nothing stored: a clear 401 telling the user to use a recovery code, never a 500.
  const wrong = await node({ ENCRYPTION_KEY: key() });
  await forgetLastStep(wrong, account.id);
  const res = await mfaLogin(wrong, account.email, totpCode(secret));
  assertProblem(res, 401, 'invalid_mfa_code');
  assert.match(res.body.detail, /recovery code/);
});

test('old unversioned ciphertexts (v1) still decrypt with a previous key', async () => {
  const oldKey = key();
  const t = await node({ ENCRYPTION_KEY: key(), ENCRYPTION_KEY_PREVIOUS: oldKey });
  const account = await signedUp(t);
  const { secret } = await enableMfa(t, account.tokens.accessToken);
  // What earlier versions stored: `v1.<iv>.<tag>.<data>` under sha256("chat-api:encryption:" + key).
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(`chat-api:encryption:${oldKey}`).digest(), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const v1 = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  await t.app.infra.database.db.updateTable('users').set({ mfaSecret: v1 }).where('id', '=', account.id).execute();
  assert.equal((await mfaLogin(t, account.email, totpCode(secret, Date.now() + 30_000))).status, 200);
  assert.match(await storedSecret(t, account.id), /^v2:/, 're-encrypted under the current key');
});

test('production needs its own ENCRYPTION_KEY of at least 32 bytes', () => {
  const base = { NODE_ENV: 'production', JWT_SECRET: key(), MAIL_OUTBOX: 'true' };
  const refused = (env: Record<string, string>, pattern: RegExp) =>
    assert.throws(
      () => loadConfig({ ...base, ...env }),
      (e: unknown) => e instanceof ConfigError && pattern.test(e.message) && !e.message.includes('\n'),
    );
  refused({}, /^ENCRYPTION_KEY is required when NODE_ENV=production/);
  refused({ ENCRYPTION_KEY: 'short' }, /^ENCRYPTION_KEY must be at least 32 bytes/);
  refused({ ENCRYPTION_KEY: base.JWT_SECRET }, /^ENCRYPTION_KEY must differ from JWT_SECRET/);
  refused({ ENCRYPTION_KEY: key(), ENCRYPTION_KEY_PREVIOUS: 'short' }, /^ENCRYPTION_KEY_PREVIOUS must be at least 32 bytes/);
  const config = loadConfig({
    ...base,
    ENCRYPTION_KEY: 'k'.repeat(32),
    ENCRYPTION_KEY_PREVIOUS: `${'a'.repeat(32)},${'b'.repeat(40)}`,
  });
  assert.deepEqual(config.encryptionKeysPrevious, ['a'.repeat(32), 'b'.repeat(40)]);
});
