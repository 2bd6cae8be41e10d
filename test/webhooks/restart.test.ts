import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { uniqueName } from '../helpers/factories.js';
import { startServerProcess } from '../helpers/process.js';
import { TEST_WEBHOOK_SECRET, WebhookReceiver } from './receiver.js';

/** A database of the test's own on PostgreSQL (dropped after), or nothing in embedded mode. */
async function databaseEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { env: {}, drop: async () => {} };
  const name = `chat_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = async (query: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

test('webhooks queued when the server is killed with SIGKILL are each delivered after the restart, with the same webhook-id', async () => {
  const receiver = await WebhookReceiver.start(TEST_WEBHOOK_SECRET);
  cleanups.push(() => receiver.close());
  receiver.answer = () => ({ status: 503 });
  const database = await databaseEnv();
  cleanups.push(() => database.drop());
  const env = {
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'chat-hooks-kill-')),
    ...database.env,
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    WEBHOOK_EVENTS: 'user.created',
    DELIVERY_RETRY_BASE_MS: '100',
    DELIVERY_TIMEOUT_SECONDS: '1',
    RATE_LIMITS: 'false',
    PASSWORD_HASH_COST: '1',
  };
  const first = await startServerProcess(env);
  cleanups.push(() => first.stop('SIGKILL'));
  const names = Array.from({ length: 5 }, () => uniqueName('kill'));
  for (const username of names) {
    const res = await fetch(`${first.url}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, email: `${username}@example.test`, password: 'correct horse battery' }),
    });
    assert.equal(res.status, 202);
  }
  // Every one has been tried (and refused) at least once: all five are in the queue, retrying.
  const firstIds = await receiver.until((attempts) => {
    const ids = new Map(attempts.map((a) => [a.body.data.username as string, a.id]));
    return names.every((n) => ids.has(n)) && ids;
  });
  assert.equal(await first.stop('SIGKILL'), null);

  receiver.answer = () => ({ status: 204 });
  const second = await startServerProcess(env);
  cleanups.push(() => second.stop('SIGKILL'));
  const delivered = await receiver.until((attempts) => {
    const ok = attempts.filter((a) => a.answered === 204);
    return names.every((n) => ok.some((a) => a.body.data.username === n)) && ok;
  }, 60_000);
  for (const username of names) {
    const ok = delivered.filter((a) => a.body.data.username === username);
    assert.equal(new Set(ok.map((a) => a.id)).size, 1, 'one webhook per sign-up');
    assert.equal(ok[0]!.id, firstIds.get(username), 'the webhook-id of the first attempt');
  }
  assert.deepEqual(receiver.bad, []);
  assert.equal(await second.stop('SIGTERM'), 0);
});
