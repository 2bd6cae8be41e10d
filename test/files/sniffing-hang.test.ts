import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

// Type sniffing runs on the event loop: a pattern that backtracks without bound would block the
// whole server, and an in-process test would block with it (its own timeout could never fire).
// So the server runs as its own process here (embedded database: the test is about the event
// loop, and a shared PostgreSQL database may carry other migrations), and each test carries a timeout.
const TIMEOUT = { timeout: 60_000 };

describe('HTML/SVG sniffing on adversarial text', () => {
  let server: ServerProcess;
  let token: string;

  before(async () => {
    server = await startServerProcess({
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-sniff-')),
      REQUIRE_EMAIL_VERIFICATION: 'false',
      RATE_LIMITS: 'false',
      LOG_LEVEL: 'warn',
    });
    const account = {
      username: `sniff_${process.pid}`,
      email: `sniff-${process.pid}@example.test`,
      password: 'correct horse battery',
    };
    const post = (url: string, body: unknown) =>
      fetch(`${server.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.equal((await post('/signup', account)).status, 202);
    const login = await post('/login', { email: account.email, password: account.password });
    assert.equal(login.status, 200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });

  after(async () => {
    await server?.stop('SIGKILL');
  });

  async function uploadText(text: string): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), 'comments.txt');
    const res = await fetch(`${server.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  }

  test('40 empty comments and a letter are plain text, answered at once', TIMEOUT, async () => {
    const res = await uploadText(`${'<!---->'.repeat(40)}x`);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.mimeType, 'text/plain');
  });

  test('64 KiB of comment openers and closers are plain text', TIMEOUT, async () => {
    const res = await uploadText(`${'<!-- -->\n'.repeat(7281)}<!--`.padEnd(64 * 1024, '-'));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.mimeType, 'text/plain');
    const svg = await uploadText(`<?xml version="1.0"?>${'<!---->'.repeat(500)}<svg x="1">`);
    assert.equal(svg.body.mimeType, 'image/svg+xml', 'comments before the root element still count');
    const html = await uploadText(`${'<!-- a -->  '.repeat(300)}<script>alert(1)</script>`);
    assert.equal(html.body.mimeType, 'text/html');
  });

  test('the server still answers other requests afterwards', TIMEOUT, async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});
