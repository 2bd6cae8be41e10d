import type { UserRow } from '../../db/schema.js';
import { AppError, notFound } from '../../lib/errors.js';
import { createKeyring, DecryptionError } from '../../lib/secrets.js';
import { usersRepository } from '../users/index.js';
import { type AuthDeps } from './auth.deps.js';
import { assertFailuresLeft, countFailure, mfaFailureBuckets } from './auth.limits.js';
import { type MailQueue } from './mail-queue.js';
import * as mails from './auth.mail.js';
import * as repo from './auth.repository.js';
import {
  isTotpShaped,
  legacyRecoveryHash,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUrl,
} from './totp.js';

export function createMfaService(deps: AuthDeps, mail: MailQueue) {
  const { db, config } = deps;
  const keyring = createKeyring(config.encryptionKey, config.encryptionKeysPrevious);

  /**
   * The user's TOTP secret. One sealed with an older key is re-encrypted with the current one, so
   * a rotated key can be dropped once every secret was used. One that no configured key opens is
   * a configuration fault, not the user's: logged, and the user is told to use a recovery code.
   */
  async function totpSecretOf(user: UserRow & { mfaSecret: string }): Promise<string> {
    let opened: { plain: string; stale: boolean };
    try {
      opened = keyring.decrypt(user.mfaSecret);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      deps.log.error(
        { userId: user.id, reason: error.message },
        'a TOTP secret cannot be decrypted: is ENCRYPTION_KEY (or ENCRYPTION_KEY_PREVIOUS) the key it was sealed with?',
      );
      throw new AppError('invalid_mfa_code', 'Authenticator codes cannot be checked right now; use one of your recovery codes');
    }
    if (opened.stale) await repo.resealMfaSecret(db, user.id, user.mfaSecret, keyring.encrypt(opened.plain));
    return opened.plain;
  }

  /**
   * Checks a second factor: a TOTP code (each time step accepted once, so a seen code cannot be
   * replayed) or an unused recovery code, which is spent. Recovery codes are stored as HMACs
   * under the current key; those stored under an earlier key or as the plain SHA-256 of codes
   * issued before keyed hashes are still accepted (no migration needed: they are used up).
   */
  async function verifySecondFactor(user: UserRow, code: string): Promise<boolean> {
    if (!user.mfaSecret) return false;
    if (isTotpShaped(code)) {
      const step = matchTotp(await totpSecretOf({ ...user, mfaSecret: user.mfaSecret }), code.trim());
      return step !== null && (await repo.claimTotpStep(db, user.id, step));
    }
    if (!user.mfaEnabled) return false;
    const hashes = [...keyring.recoveryHashes(normalizeRecoveryCode(code)), legacyRecoveryHash(code)];
    return repo.spendRecoveryCode(db, user.id, hashes);
  }

  /**
   * Checks a second factor within the account's failure limits (429 once they are used up): only
   * wrong codes count, and when they lock the account's second factor the owner is mailed, since
   * whoever guesses has already passed the password (or holds a session).
   */
  async function assertSecondFactor(user: UserRow, code: string): Promise<void> {
    const buckets = mfaFailureBuckets(user.id);
    await assertFailuresLeft(deps.limiter, buckets);
    if (await verifySecondFactor(user, code)) return;
    if ((await countFailure(deps.limiter, buckets)) && user.email) mail.send(mails.mfaLockedMail(user.email, user.username));
    throw new AppError('invalid_mfa_code', 'The code is not valid');
  }

  async function userOf(userId: string): Promise<UserRow> {
    const user = await usersRepository.findUserById(db, userId);
    if (!user) throw notFound('User');
    return user;
  }

  return {
    assertSecondFactor,

    /** Starts TOTP setup: a new secret, stored encrypted, that `enableTotp` confirms with a code. */
    async setupTotp(userId: string): Promise<{ secret: string; otpauthUrl: string }> {
      const user = await userOf(userId);
      if (user.mfaEnabled) throw new AppError('mfa_already_enabled', 'Two-factor authentication is already on; disable it first');
      const secret = newTotpSecret();
      await repo.setMfa(db, userId, { mfaSecret: keyring.encrypt(secret), mfaLastStep: null });
      return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
    },

    /**
     * Turns TOTP on after the password and a first valid code (a stolen session alone cannot enrol
     * its own authenticator); returns 10 single-use recovery codes (stored hashed). The owner is told.
     */
    async enableTotp(userId: string, password: string, code: string): Promise<{ recoveryCodes: string[] }> {
      await deps.users.assertPassword(userId, password);
      const user = await userOf(userId);
      if (user.mfaEnabled) throw new AppError('mfa_already_enabled', 'Two-factor authentication is already on');
      if (!user.mfaSecret) throw new AppError('mfa_not_enabled', 'Call POST /mfa/totp/setup first');
      await assertSecondFactor(user, code);
      const recoveryCodes = newRecoveryCodes();
      await deps.transactor(async (trx, emit) => {
        await repo.replaceRecoveryCodes(
          trx,
          userId,
          recoveryCodes.map((c) => keyring.recoveryHash(normalizeRecoveryCode(c))),
        );
        await repo.setMfa(trx, userId, { mfaEnabled: true });
        await deps.users.emitProfileUpdated(trx, emit, userId);
      });
      if (user.email) mail.send(mails.mfaEnabledMail(user.email, user.username));
      return { recoveryCodes };
    },

    /** Turns TOTP off; needs the password and a current code (or a recovery code). The owner is told. */
    async disableTotp(userId: string, password: string, code: string): Promise<void> {
      await deps.users.assertPassword(userId, password);
      const user = await userOf(userId);
      if (!user.mfaEnabled) throw new AppError('mfa_not_enabled', 'Two-factor authentication is not on');
      await assertSecondFactor(user, code);
      await deps.transactor(async (trx, emit) => {
        await repo.replaceRecoveryCodes(trx, userId, []);
        await repo.setMfa(trx, userId, { mfaEnabled: false, mfaSecret: null, mfaLastStep: null });
        await deps.users.emitProfileUpdated(trx, emit, userId);
      });
      if (user.email) mail.send(mails.mfaDisabledMail(user.email, user.username));
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
