import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startTestApp, useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';

const run = promisify(execFile);
const t = useTestApp();

let dir = '';
let cert = '';
let key = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'chat-docs-tls-'));
  cert = path.join(dir, 'cert.pem');
  key = path.join(dir, 'key.pem');
  await run('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
    ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
  ]);
});
after(() => rm(dir, { recursive: true, force: true }));

/** Mail is sent after the answer: waits for the reset link to `email`. */
async function resetLink(email: string): Promise<string> {
  for (;;) {
    const link = t.current.mail.lastTo(email)?.link;
    if (link) return link.replace(t.current.config.publicUrl, t.current.url);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

test('the reset form works without JavaScript: a plain form post sets the password', async () => {
  const user = await createUser(t.current);
  assert.equal((await t.current.http.post('/password/forgot', { email: user.email })).status, 202);
  const link = await resetLink(user.email);
  const page = await (await fetch(link)).text();
  assert.match(page, /<form method="post" action="reset-password">/);
  assert.doesNotMatch(page, /<script/);
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  assert.ok(token, 'the token is a hidden field');

  const short = await fetch(`${t.current.url}/reset-password`, form({ token, newPassword: 'short' }));
  assert.equal(short.status, 400);
  assert.match(await short.text(), /8 to 128 characters[\s\S]*<form/);

  const done = await fetch(`${t.current.url}/reset-password`, form({ token, newPassword: 'a brand new password' }));
  assert.equal(done.status, 200);
  assert.match(done.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await done.text(), /Password changed/);
  const login = await t.current.http.post('/login', { email: user.email, password: 'a brand new password' });
  assert.equal(login.status, 200);

  const again = await fetch(`${t.current.url}/reset-password`, form({ token, newPassword: 'another new password' }));
  assert.equal(again.status, 400);
  assert.match(await again.text(), /Link not valid/);
});

test('the JSON endpoint stays JSON-only: a form post to /password/reset is 415', async () => {
  const res = await fetch(`${t.current.url}/password/reset`, form({ token: 'x', newPassword: 'whatever long' }));
  assert.equal(res.status, 415);
});

test('over plain HTTP no HSTS and no upgrade-insecure-requests', async () => {
  for (const url of ['/reset-password?token=x', '/docs/', '/healthz']) {
    const res = await fetch(`${t.current.url}${url}`);
    assert.equal(res.headers.get('strict-transport-security'), null, url);
    assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/, url);
  }
});

function httpsHead(url: string, ca: Buffer): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        res.resume();
        resolve(res.headers);
      })
      .on('error', reject);
  });
}

test('over HTTPS HSTS and upgrade-insecure-requests are sent', async () => {
  const app = await startTestApp({ env: { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } });
  try {
    const headers = await httpsHead(`${app.url}/reset-password?token=x`, await readFile(cert));
    assert.match(String(headers['strict-transport-security']), /max-age=\d+/);
    assert.match(String(headers['content-security-policy']), /upgrade-insecure-requests/);
  } finally {
    await app.close();
  }
});

test('a missing or wrong TLS file is refused in one line naming the variable', async () => {
  const notPem = path.join(dir, 'not.pem');
  await writeFile(notPem, 'hello');
  const cases: [Record<string, string>, RegExp][] = [
    [
      { TLS_CERT_FILE: path.join(dir, 'missing.pem'), TLS_KEY_FILE: key },
      /^TLS_CERT_FILE cannot be read: .*missing\.pem \(ENOENT\)$/,
    ],
    [{ TLS_CERT_FILE: cert, TLS_KEY_FILE: path.join(dir, 'gone.pem') }, /^TLS_KEY_FILE cannot be read: .*gone\.pem \(ENOENT\)$/],
    [{ TLS_CERT_FILE: notPem, TLS_KEY_FILE: key }, /^TLS_CERT_FILE is not a PEM certificate/],
    [{ TLS_CERT_FILE: cert, TLS_KEY_FILE: notPem }, /^TLS_KEY_FILE is not a PEM private key/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && message.test(e.message) && !e.message.includes('\n'),
    );
  }
  // With TLS set and no PUBLIC_URL, links are https://.
  assert.equal(loadConfig({ TLS_CERT_FILE: cert, TLS_KEY_FILE: key, PORT: '8443' }).publicUrl, 'https://localhost:8443');
});
