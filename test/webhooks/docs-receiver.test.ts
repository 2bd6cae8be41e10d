import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { webhookHeaders } from '../../src/modules/delivery/webhooks.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';
import { freePort } from '../helpers/process.js';
import { TEST_WEBHOOK_SECRET } from './receiver.js';

// The receiver example of docs/webhooks.md, run as it is written, verifies what the server sends
// and turns away what it did not sign.

let dir: string;
let child: ChildProcess;
let output = '';
let url = '';
let t: TestApp;

async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; receiver printed: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

before(async () => {
  const doc = await readFile('docs/webhooks.md', 'utf8');
  const section = doc.slice(doc.indexOf('## A receiver that verifies the signature'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(code, 'docs/webhooks.md has the receiver example');
  dir = await mkdtemp(path.join(tmpdir(), 'chat-doc-receiver-'));
  await writeFile(path.join(dir, 'receiver.mjs'), code);
  const port = await freePort();
  url = `http://127.0.0.1:${port}/chat-events`;
  child = spawn(process.execPath, [path.join(dir, 'receiver.mjs')], {
    env: { PATH: process.env.PATH ?? '', WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await until(
    () =>
      fetch(url, { method: 'POST' }).then(
        () => true,
        () => false,
      ),
    'the receiver to listen',
  );
  t = await startTestApp({
    env: { WEBHOOK_URL: url, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, WEBHOOK_EVENTS: 'user.created', PUSH_ENABLED: 'false' },
  });
});
after(async () => {
  await t?.close();
  child?.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the documented receiver accepts the server’s webhooks', async () => {
  const username = uniqueName('docs');
  const res = await t.http.post('/signup', { username, email: `${username}@example.test`, password: 'correct horse battery' });
  assert.equal(res.status, 202);
  await until(() => output.includes(username), 'the sign-up to be printed');
  assert.match(output, new RegExp(`user\\.created [\\s\\S]*${username}`));
});

test('the documented receiver refuses unsigned, badly signed and stale webhooks, and handles each webhook-id once', async () => {
  const secret = Buffer.from(TEST_WEBHOOK_SECRET.replace(/^whsec_/, ''), 'base64');
  const send = (body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers, body }).then((r) => r.status);
  const body = (marker: string) =>
    JSON.stringify({ type: 'user.created', timestamp: new Date().toISOString(), data: { marker } });

  assert.equal(await send(body('unsigned'), { 'content-type': 'application/json' }), 401);
  const forged = webhookHeaders(Buffer.from('not the secret, not the secret!!'), 'msg_forged', body('forged'));
  assert.equal(await send(body('forged'), forged), 401);
  const signedOther = body('tampered');
  assert.equal(await send(body('tampered!'), webhookHeaders(secret, 'msg_tampered', signedOther)), 401);
  const stale = body('stale');
  assert.equal(await send(stale, webhookHeaders(secret, 'msg_stale', stale, Date.now() - 600_000)), 401);

  const twice = body('twice');
  const headers = webhookHeaders(secret, 'msg_twice', twice);
  assert.equal(await send(twice, headers), 204);
  assert.equal(await send(twice, webhookHeaders(secret, 'msg_twice', twice)), 204);
  const last = body('last');
  assert.equal(await send(last, webhookHeaders(secret, 'msg_last', last)), 204);
  // "last" was sent after both copies, so once it is printed both copies have been handled.
  await until(() => output.includes("marker: 'last'"), 'the last webhook to be printed');
  assert.equal(output.split("marker: 'twice'").length - 1, 1, 'a repeated webhook-id is handled once');
  for (const marker of ['unsigned', 'forged', 'tampered', 'stale']) assert.equal(output.includes(`'${marker}`), false, marker);
});
