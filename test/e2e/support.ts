import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from '../helpers/http.js';

export interface E2eUser {
  id: string;
  username: string;
  email: string;
  token: string;
}

/** Quoted-printable soft breaks and escapes undone, so links can be read from a raw `.eml`. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The verification token mailed to `email`, read from the nodes' shared outbox. */
async function verificationToken(outbox: string, email: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const names = (await readdir(outbox).catch(() => []))
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse();
    for (const name of names) {
      const mail = decodeQuotedPrintable(await readFile(path.join(outbox, name), 'utf8'));
      if (!mail.toLowerCase().includes(`to: ${email}`)) continue;
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
      if (token) return token;
    }
    await sleep(100);
  }
  throw new Error(`no verification mail for ${email} in ${outbox}`);
}

/** A user made through the public API only: sign-up, the mailed verification link, login. */
export async function signUp(http: Client, outbox: string): Promise<E2eUser> {
  const username = `e2e_${randomBytes(5).toString('hex')}`;
  const email = `${username}@example.test`;
  const password = 'correct horse battery staple';
  // Each user comes from its own client address, as the per-IP sign-up and login limits expect.
  // The nodes trust loopback (TRUST_PROXY=127.0.0.1), so a client on this machine talking to a
  // node directly may state an address; through nginx the header is replaced by the real one.
  const headers = { 'x-forwarded-for': `10.${randomBytes(3).join('.')}` };
  const post = (path: string, body: unknown) => http.request('POST', path, { body, headers });
  const signup = await post('/signup', { username, email, password });
  assert.equal(signup.status, 202, signup.text);
  const verified = await post('/verify-email', { token: await verificationToken(outbox, email) });
  assert.equal(verified.status, 200, verified.text);
  const login = await post('/login', { email, password });
  assert.equal(login.status, 200, login.text);
  return { id: login.body.user.id, username, email, token: login.body.accessToken };
}

/** True when the deployed build has no route for this endpoint yet (answered by the 404 handler). */
export async function routeMissing(http: Client, method: string, path: string, token: string): Promise<boolean> {
  const res = await http.request(method, path, { token, body: method === 'GET' ? undefined : {} });
  return res.status === 404 && typeof res.body?.detail === 'string' && res.body.detail.startsWith('No route for');
}

export function e2eEnv(): { base: string; nodes: string[]; outbox: string } | undefined {
  const base = process.env.E2E_BASE_URL;
  if (!base) return undefined;
  const nodes = (process.env.E2E_NODE_URLS ?? '').split(',').filter(Boolean);
  return { base, nodes: nodes.length > 0 ? nodes : [base], outbox: process.env.E2E_OUTBOX ?? './data/outbox' };
}

export { createClient };
