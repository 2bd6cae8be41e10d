import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { startTestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';
import { PASSWORD } from './support.js';

const PUBLIC_URL = 'https://chat.example.test';

/** Undoes quoted-printable soft breaks and escapes, enough to read links in a raw message. */
function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function linkIn(message: string): URL {
  const match = /https:\/\/chat\.example\.test\/verify-email\?token=[A-Za-z0-9_%-]+/.exec(decodeQuotedPrintable(message));
  assert.ok(match, 'the mail carries a verification link built from PUBLIC_URL');
  return new URL(match[0]);
}

test('sign-up sends a real verification mail over SMTP; following its link verifies the account', async () => {
  const received: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const app = await startTestApp({ realMailer: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL } });
  try {
    const username = uniqueName('smtp');
    const email = `${username}@example.test`;
    assert.equal((await app.http.post('/signup', { username, email, password: PASSWORD })).status, 202);
    const mail = await waitFor(async () => received.find((m) => m.to.includes(email)), 'the SMTP delivery');
    assert.match(mail.raw, /Subject: Confirm your e-mail address/);
    assert.match(mail.raw, /multipart\/alternative/);
    assert.match(mail.raw, /text\/html/);
    const link = linkIn(mail.raw);
    const page = await app.http.get(`${link.pathname}${link.search}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /E-mail confirmed/);
    const login = await app.http.post('/login', { email, password: PASSWORD });
    assert.equal(login.status, 200);
    assert.equal(login.body.user.emailVerified, true);
  } finally {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});

test('without SMTP_URL each mail is written to DATA_DIR/outbox as an .eml file with the link', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chat-outbox-'));
  const app = await startTestApp({ realMailer: true, env: { DATA_DIR: dataDir, PUBLIC_URL } });
  try {
    const username = uniqueName('outbox');
    const email = `${username}@example.test`;
    assert.equal((await app.http.post('/signup', { username, email, password: PASSWORD })).status, 202);
    const outbox = path.join(dataDir, 'outbox');
    const file = await waitFor(
      async () => (await readdir(outbox).catch(() => [] as string[])).find((f) => f.endsWith('.eml')),
      'the .eml file',
    );
    const raw = await readFile(path.join(outbox, file), 'utf8');
    assert.match(raw, new RegExp(`To: ${email}`));
    const link = linkIn(raw);
    assert.equal((await app.http.post('/verify-email', { token: link.searchParams.get('token') })).status, 200);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
