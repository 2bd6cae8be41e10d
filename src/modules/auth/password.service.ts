import { AppError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { hashToken, randomToken } from '../../lib/secrets.js';
import { usersRepository as users } from '../users/index.js';
import { type AuthDeps, type ClientInfo } from './auth.deps.js';
import { consumeMailLimits, limits } from './auth.limits.js';
import { type MailQueue } from './mail-queue.js';
import { revokeAndNotify } from './session-revocation.js';
import { inSeconds, TTL } from './token-lifetimes.js';
import * as mails from './auth.mail.js';
import * as repo from './auth.repository.js';

export function createPasswordService(deps: AuthDeps, mail: MailQueue) {
  const { db, config, limiter } = deps;

  return {
    /**
     * Mails a reset link when the address belongs to an account; answers the same either way, after
     * the same work (a token is made and hashed, and one statement stores it only for an account).
     */
    async forgotPassword(email: string, client: ClientInfo): Promise<void> {
      await consumeMailLimits(limiter, 'reset', client.ip, email);
      const token = randomToken();
      const owner = await repo.insertUserTokenForEmail(db, {
        email,
        tokenHash: hashToken(token),
        purpose: 'reset_password',
        expiresAt: inSeconds(TTL.resetPassword),
        unverifiedOnly: false,
      });
      if (!owner) return;
      mail.send(
        mails.resetMail(owner.email, owner.username, `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`),
      );
    },

    /**
     * Sets a new password with a mailed token (single use, one hour). Every session is revoked;
     * following the link also proves the address, so it counts as verified.
     */
    async resetPassword(token: string, newPassword: string, client: ClientInfo): Promise<void> {
      await limiter.consume(`reset:ip:${client.ip}`, limits.resetIp);
      const tokenHash = hashToken(token);
      const found = await repo.findUserToken(db, tokenHash, ['reset_password']);
      if (!found || found.usedAt || found.expiresAt <= new Date())
        throw new AppError('invalid_token', 'The link is invalid, used or expired');
      const passwordHash = await hashPassword(newPassword, config.passwordHashCost);
      await deps.transactor(async (trx, emit) => {
        if (!(await repo.spendUserToken(trx, tokenHash)))
          throw new AppError('invalid_token', 'The link is invalid, used or expired');
        const user = await users.findUserById(trx, found.userId);
        if (!user) throw new AppError('invalid_token', 'The link is invalid, used or expired');
        await users.updateUser(trx, user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
        await repo.spendUserTokens(trx, user.id, 'reset_password');
        await repo.spendUserTokens(trx, user.id, 'mfa_login');
        await revokeAndNotify(deps, trx, emit, user.id);
      });
    },

    /** Changes your password; your other sessions are revoked, this one stays. */
    async changePassword(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
      await deps.users.assertPassword(userId, currentPassword);
      const passwordHash = await hashPassword(newPassword, config.passwordHashCost);
      await deps.transactor(async (trx, emit) => {
        await users.updateUser(trx, userId, { passwordHash });
        await repo.spendUserTokens(trx, userId, 'reset_password');
        await revokeAndNotify(deps, trx, emit, userId, { except: sessionId });
      });
    },
  };
}

export type PasswordService = ReturnType<typeof createPasswordService>;
