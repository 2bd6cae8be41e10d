import { Secret, TOTP } from 'otpauth';
import type { TestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';

export const PASSWORD = 'correct horse battery';

/** The token of a link `<PUBLIC_URL>/<path>?token=…` in a mail's text. */
export function tokenFromText(text: string, path: string): string {
  const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]!);
}

/** Signs up over HTTP; returns the credentials and the verification token from the mail. */
export async function signup(t: TestApp, overrides: { username?: string; email?: string; password?: string } = {}) {
  const username = overrides.username ?? uniqueName('acc');
  const email = overrides.email ?? `${username.toLowerCase()}@example.test`;
  const password = overrides.password ?? PASSWORD;
  const res = await t.http.post('/signup', { username, email, password });
  if (res.status !== 202) throw new Error(`signup failed: ${res.status} ${res.text}`);
  const mail = t.mail.lastTo(email);
  const token = mail ? tokenFromText(mail.text, 'verify-email') : '';
  return { username, email, password, token };
}

/** A verified account, logged in over HTTP. */
export async function signedUp(t: TestApp, overrides: { username?: string; password?: string } = {}) {
  const account = await signup(t, overrides);
  const verified = await t.http.post('/verify-email', { token: account.token });
  if (verified.status !== 200) throw new Error(`verify failed: ${verified.status} ${verified.text}`);
  const login = await t.http.post('/login', { email: account.email, password: account.password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return {
    ...account,
    id: login.body.user.id as string,
    tokens: login.body as { accessToken: string; refreshToken: string; sessionId: string },
  };
}

/** What an authenticator app shows for `secret` at `timestamp`. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

/** Turns MFA on for a signed-in account; returns the secret and recovery codes. */
export async function enableMfa(t: TestApp, accessToken: string, password = PASSWORD) {
  const setup = await t.http.post('/mfa/totp/setup', undefined, accessToken);
  if (setup.status !== 200) throw new Error(`setup failed: ${setup.status} ${setup.text}`);
  const secret = setup.body.secret as string;
  const enable = await t.http.post('/mfa/totp/enable', { password, code: totpCode(secret) }, accessToken);
  if (enable.status !== 200) throw new Error(`enable failed: ${enable.status} ${enable.text}`);
  return { secret, recoveryCodes: enable.body.recoveryCodes as string[] };
}

/** Sets an account's single-use tokens of one purpose to expired (time travel for the test). */
export async function expireTokens(t: TestApp, purpose: string): Promise<void> {
  await t.app.infra.database.db
    .updateTable('userTokens')
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where('purpose', '=', purpose as 'verify_email')
    .where('usedAt', 'is', null)
    .execute();
}

export function assertProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string): void {
  if (
    res.status !== status ||
    res.body?.code !== code ||
    !(res.headers.get('content-type') ?? '').includes('application/problem+json')
  ) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}
