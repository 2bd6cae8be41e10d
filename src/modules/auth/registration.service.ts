import type { UserRow } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../../lib/passwords.js';
import { hashToken, randomToken } from '../../lib/secrets.js';
import { usersRepository as users, type UserDto } from '../users/index.js';
import { type AuthDeps, type ClientInfo } from './auth.deps.js';
import { consumeMailLimits, limits } from './auth.limits.js';
import { type MailQueue } from './mail-queue.js';
import { inSeconds, TTL } from './token-lifetimes.js';
import * as mails from './auth.mail.js';
import type { VerifyOutcome } from './auth.pages.js';
import * as repo from './auth.repository.js';
import type { Signup } from './auth.schemas.js';

const USERNAME_INDEX = 'users_username_lower';
const EMAIL_INDEX = 'users_email_lower';

export function createRegistrationService(deps: AuthDeps, mail: MailQueue) {
  const { db, config, limiter } = deps;
  const verifyUrl = (token: string) => `${config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;

  async function newVerifyLink(user: UserRow): Promise<string> {
    const token = randomToken();
    await repo.insertUserToken(db, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'verify_email',
      expiresAt: inSeconds(TTL.verifyEmail),
    });
    return verifyUrl(token);
  }

  async function createAccount(input: Signup, passwordHash: string): Promise<UserRow | 'email_exists'> {
    try {
      return await deps.transactor(async (trx, emit) => {
        const user = await users.insertUser(trx, {
          id: newId(),
          username: input.username,
          email: input.email,
          passwordHash,
          updatedAt: new Date(),
        });
        emit({ type: 'user.created', data: { id: user.id, username: user.username, createdAt: user.createdAt.toISOString() } });
        return user;
      });
    } catch (error) {
      if (users.isUniqueViolation(error, USERNAME_INDEX)) throw new AppError('username_taken', 'That username is taken');
      if (users.isUniqueViolation(error, EMAIL_INDEX)) return 'email_exists';
      throw error;
    }
  }

  /** Applies a verification or e-mail change token; shared by the API and the mailed link's page. */
  async function consume(token: string): Promise<{ outcome: Exclude<VerifyOutcome, 'invalid'>; userId: string }> {
    const tokenHash = hashToken(token);
    const found = await repo.findUserToken(db, tokenHash, ['verify_email', 'change_email']);
    const user = found && (await users.findUserById(db, found.userId));
    if (!found || !user) throw new AppError('invalid_token', 'The link is invalid or has expired');
    if (found.usedAt) {
      // Mail scanners open links before people do: a spent link of a verified account still says so.
      if (found.purpose === 'verify_email' && user.emailVerifiedAt) return { outcome: 'already_verified', userId: user.id };
      throw new AppError('invalid_token', 'The link was already used');
    }
    if (found.expiresAt <= new Date()) throw new AppError('invalid_token', 'The link has expired');
    return found.purpose === 'verify_email'
      ? confirmEmail(user, tokenHash)
      : changeEmail(user, tokenHash, typeof found.data?.email === 'string' ? found.data.email : '');
  }

  async function confirmEmail(user: UserRow, tokenHash: string) {
    await deps.transactor(async (trx, emit) => {
      if (!(await repo.spendUserToken(trx, tokenHash))) throw new AppError('invalid_token', 'The link was already used');
      if (!user.emailVerifiedAt) {
        await users.updateUser(trx, user.id, { emailVerifiedAt: new Date() });
        await deps.users.emitProfileUpdated(trx, emit, user.id);
      }
    });
    return { outcome: 'verified' as const, userId: user.id };
  }

  async function changeEmail(user: UserRow, tokenHash: string, email: string) {
    try {
      await deps.transactor(async (trx, emit) => {
        if (!(await repo.spendUserToken(trx, tokenHash))) throw new AppError('invalid_token', 'The link was already used');
        await users.updateUser(trx, user.id, { email, emailVerifiedAt: new Date() });
        // A reset link mailed to the old address must not outlive the change.
        await repo.spendUserTokens(trx, user.id, 'reset_password');
        await deps.users.emitProfileUpdated(trx, emit, user.id);
      });
    } catch (error) {
      if (users.isUniqueViolation(error, EMAIL_INDEX))
        throw new AppError('invalid_token', 'That address now belongs to another account');
      throw error;
    }
    if (user.email) mail.send(mails.emailChangedMail(user.email, user.username, email));
    return { outcome: 'email_changed' as const, userId: user.id };
  }

  return {
    /**
     * Signs up. Answers the same whether the e-mail is new or registered (the owner of an existing
     * account gets a mail saying so); only a taken username, which is public anyway, is refused.
     */
    async signup(input: Signup, client: ClientInfo): Promise<{ status: 'verification_sent' }> {
      await limiter.consume(`signup:ip:${client.ip}`, limits.signupIp);
      await consumeMailLimits(limiter, 'signup', client.ip, input.email);
      const passwordHash = await hashPassword(input.password, config.passwordHashCost);
      if (await users.findUserByUsername(db, input.username)) throw new AppError('username_taken', 'That username is taken');
      const existing = await users.findUserByEmail(db, input.email);
      const created = existing ? 'email_exists' : await createAccount(input, passwordHash);
      if (created === 'email_exists') {
        const owner = existing ?? (await users.findUserByEmail(db, input.email));
        // Never a token here: whoever signs up with a taken address must not get anything that
        // confirms or changes the existing account (see alreadyRegisteredMail).
        if (owner?.email) mail.send(mails.alreadyRegisteredMail(owner.email, owner.username));
      } else {
        mail.send(mails.verificationMail(input.email, created.username, await newVerifyLink(created)));
      }
      return { status: 'verification_sent' };
    },

    /** Confirms an address (sign-up or e-mail change) with the mailed token. */
    async verifyEmail(token: string): Promise<{ user: UserDto }> {
      const { userId } = await consume(token);
      return { user: await deps.users.loadSelf(userId) };
    },

    /** The same for the browser page behind the mailed link; never throws for a bad token. */
    async verifyEmailPage(token: string | undefined): Promise<VerifyOutcome> {
      if (!token) return 'invalid';
      try {
        return (await consume(token)).outcome;
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_token') return 'invalid';
        throw error;
      }
    },

    /**
     * Mails a new verification link to an unverified account; answers the same in every case, after
     * the same work (see `forgotPassword`).
     */
    async resendVerification(email: string, client: ClientInfo): Promise<void> {
      await consumeMailLimits(limiter, 'verify', client.ip, email);
      const token = randomToken();
      const owner = await repo.insertUserTokenForEmail(db, {
        email,
        tokenHash: hashToken(token),
        purpose: 'verify_email',
        expiresAt: inSeconds(TTL.verifyEmail),
        unverifiedOnly: true,
      });
      if (owner) mail.send(mails.verificationMail(owner.email, owner.username, verifyUrl(token)));
    },

    /** Starts an e-mail change: the link goes to the new address and applies the change when followed. */
    async requestEmailChange(userId: string, password: string, newEmail: string): Promise<void> {
      await deps.users.assertPassword(userId, password);
      const user = await users.findUserById(db, userId);
      if (!user) return;
      if (await users.findUserByEmail(db, newEmail)) {
        mail.send(mails.emailInUseMail(newEmail));
        return;
      }
      const token = randomToken();
      await repo.spendUserTokens(db, userId, 'change_email');
      await repo.insertUserToken(db, {
        tokenHash: hashToken(token),
        userId,
        purpose: 'change_email',
        expiresAt: inSeconds(TTL.changeEmail),
        data: { email: newEmail },
      });
      mail.send(mails.changeEmailMail(newEmail, user.username, verifyUrl(token)));
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
