import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startTestApp } from '../helpers/app.js';
import { startServerProcess } from '../helpers/process.js';
import { uniqueName } from '../helpers/factories.js';
import { PASSWORD } from '../auth/support.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

test('with TLS_CERT_FILE and TLS_KEY_FILE the server speaks HTTPS', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const app = await startTestApp({ env: { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } });
  try {
    assert.ok(app.url.startsWith('https://'));
    assert.ok(app.config.publicUrl.startsWith('https://'));
    const res = await httpsGet(`${app.url}/healthz`, await readFile(cert));
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { status: 'ok' });
    await assert.rejects(httpsGet(`${app.url}/healthz`, Buffer.from('')), 'an unknown certificate is refused by the client');
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a bad configuration value is refused with a message naming the variable', async () => {
  assert.throws(
    () => loadConfig({ PORT: 'abc' }),
    (e: unknown) => e instanceof ConfigError && /^PORT must be/.test(e.message),
  );
  assert.throws(() => loadConfig({ SMTP_URL: 'http://x' }), /SMTP_URL must use smtp: or smtps:/);
  assert.throws(() => loadConfig({ TLS_CERT_FILE: '/x.pem' }), /TLS_CERT_FILE and TLS_KEY_FILE/);
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /JWT_SECRET is required/);

  // The process-level check (one line on stderr, exit code 1) is in test/foundation/server-process.test.ts.
});

test('a running server logs no password or token, and stops with exit code 0 on SIGTERM', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chat-srv-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      DATABASE_URL: '',
      REDIS_URL: '',
      NODE_ENV: 'development',
    },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (let i = 0; i < 900 && !out.includes('Chat API ready'); i += 1) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, /docs at http:\/\/localhost:\d+\/docs/);
    const base = `http://127.0.0.1:${port}`;
    const username = uniqueName('log');
    const email = `${username}@example.test`;
    const post = (p: string, body: unknown) =>
      fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post('/signup', { username, email, password: PASSWORD })).status, 202);
    const outboxLine = await waitForLine(() => out, /mail written to outbox/);
    const link = (JSON.parse(outboxLine) as { link: string }).link;
    const token = new URL(link).searchParams.get('token')!;
    assert.equal((await post('/verify-email', { token })).status, 200);
    const login = (await (await post('/login', { email, password: PASSWORD })).json()) as {
      accessToken: string;
      refreshToken: string;
    };
    await fetch(`${base}/profile?token=${login.accessToken}`, { headers: { authorization: `Bearer ${login.accessToken}` } });
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(!out.includes(PASSWORD), 'no password in the logs');
    assert.ok(!out.includes(login.accessToken), 'no access token in the logs');
    assert.ok(!out.includes(login.refreshToken), 'no refresh token in the logs');
    assert.equal(out.split(token).length - 1, 1, 'the verification token appears only in the outbox line');
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('production refuses to start without SMTP_URL unless MAIL_OUTBOX=true is set', () => {
  const prod = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), ENCRYPTION_KEY: 'e'.repeat(32) };
  assert.throws(
    () => loadConfig(prod),
    (e: unknown) => e instanceof ConfigError && /^SMTP_URL is required when NODE_ENV=production/.test(e.message),
  );
  assert.equal(loadConfig({ ...prod, MAIL_OUTBOX: 'true' }).mailOutbox, true);
  assert.equal(loadConfig({ ...prod, SMTP_URL: 'smtp://mail.internal:25' }).smtpUrl, 'smtp://mail.internal:25');
  assert.equal(loadConfig({ NODE_ENV: 'development', DATA_DIR: os.tmpdir() + '/chat-cfg-dev' }).mailOutbox, true);
});

test('in production the outbox log line carries no link or token; the mail file still has it', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chat-prod-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    JWT_SECRET: 'j'.repeat(40),
    ENCRYPTION_KEY: 'e'.repeat(40),
    MAIL_OUTBOX: 'true',
  });
  try {
    const username = uniqueName('prod');
    const res = await fetch(`${server.url}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, email: `${username}@example.test`, password: PASSWORD }),
    });
    assert.equal(res.status, 202);
    const line = JSON.parse(await waitForLine(() => server.output(), /mail written to outbox/)) as {
      file: string;
      link?: string;
    };
    assert.equal(line.link, undefined);
    assert.ok(!server.output().includes('token='), 'no token in the logs');
    assert.match(await readFile(line.file, 'utf8'), /verify-email\?token=/);
    assert.equal(await server.stop(), 0);
  } finally {
    await server.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function waitForLine(read: () => string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const line = read()
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line matching ${pattern}`);
}
