import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { spawnServer, startServerProcess } from '../helpers/process.js';

// The process as a user runs it: `npm start` is `tsx src/server.ts`. These run in embedded mode
// (PGlite) unless DATABASE_URL is set, like the rest of the suite.
const dbEnv = (): Record<string, string> => (process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {});

test('a bad configuration value stops the process with one line naming the variable', async () => {
  const child = spawnServer({ PORT: 'not-a-port', DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-cfg-')) });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 1);
  const lines = child.collected().trim().split('\n');
  assert.equal(lines.length, 1, child.collected());
  assert.match(lines[0]!, /PORT/);
});

test('production refuses to start without JWT_SECRET', async () => {
  const child = spawnServer({ NODE_ENV: 'production', DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-cfg-')) });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 1);
  assert.match(child.collected(), /JWT_SECRET/);
});

test('starts with no configuration, prints the docs URL, and exits 0 on SIGTERM', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chat-start-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, ...dbEnv() });
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  assert.match(server.output(), /docs at http:\/\/localhost:\d+\/docs/);
  assert.equal(await server.stop('SIGTERM'), 0);
});

test('SIGINT also shuts down cleanly', async () => {
  const server = await startServerProcess({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-int-')), ...dbEnv() });
  assert.equal(await server.stop('SIGINT'), 0);
});

test('embedded mode keeps its data across a restart', { skip: Boolean(process.env.DATABASE_URL) }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chat-restart-'));
  const first = await startServerProcess({ DATA_DIR: dataDir });
  const secret = await import('node:fs/promises').then((fs) => fs.readFile(path.join(dataDir, 'jwt-secret'), 'utf8'));
  assert.equal(await first.stop(), 0);
  // The migrated database and the generated secret survive: the second start finds both.
  const second = await startServerProcess({ DATA_DIR: dataDir });
  const again = await import('node:fs/promises').then((fs) => fs.readFile(path.join(dataDir, 'jwt-secret'), 'utf8'));
  assert.equal(again, secret);
  assert.equal((await fetch(`${second.url}/readyz`)).status, 200);
  assert.equal(await second.stop(), 0);
});
