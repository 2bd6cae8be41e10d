import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { spawnServer, startServerProcess } from '../helpers/process.js';

const { DATABASE_URL, REDIS_URL } = process.env;

test('CLUSTER_WORKERS is refused in embedded mode with one clear line', async () => {
  const child = spawnServer({ CLUSTER_WORKERS: '2', DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-cluster-')) });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 1);
  const lines = child.collected().trim().split('\n');
  assert.equal(lines.length, 1, child.collected());
  assert.match(lines[0]!, /CLUSTER_WORKERS needs DATABASE_URL and REDIS_URL/);
});

test('CLUSTER_WORKERS without REDIS_URL is refused too', { skip: !DATABASE_URL }, async () => {
  const child = spawnServer({
    CLUSTER_WORKERS: '2',
    DATABASE_URL: DATABASE_URL!,
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-cluster-')),
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 1);
  assert.match(child.collected(), /CLUSTER_WORKERS needs DATABASE_URL and REDIS_URL/);
});

/** A throwaway database on the configured server, dropped after the file. */
async function throwawayDatabase(baseUrl: string): Promise<string> {
  const name = `chat_cluster_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  after(async () => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

test(
  'two workers serve one port against PostgreSQL + Redis and stop together on SIGTERM',
  { skip: !DATABASE_URL || !REDIS_URL },
  async () => {
    const server = await startServerProcess({
      CLUSTER_WORKERS: '2',
      DATABASE_URL: await throwawayDatabase(DATABASE_URL!),
      REDIS_URL: REDIS_URL!,
      REDIS_PREFIX: `cluster-test-${process.pid}`,
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-cluster-')),
    });
    // Ready once one worker listens; wait for the second too.
    for (let i = 0; i < 100 && (server.output().match(/listening on port/g) ?? []).length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pids = [...server.output().matchAll(/worker (\d+) listening on port/g)].map((m) => m[1]);
    assert.equal(new Set(pids).size, 2, server.output());
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    }
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    assert.equal(await server.stop('SIGTERM'), 0, server.output());
    for (const pid of pids) assert.throws(() => process.kill(Number(pid), 0), 'the worker is gone');
  },
);
