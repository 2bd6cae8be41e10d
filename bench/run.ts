import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Scenario, ScenarioResult } from './lib/context.js';
import { describeMachine } from './lib/machine.js';
import { startServer } from './lib/server.js';
import { connections } from './scenarios/connections.js';
import { direct } from './scenarios/direct.js';
import { fanout } from './scenarios/fanout.js';
import { history } from './scenarios/history.js';
import { login } from './scenarios/login.js';
import { search } from './scenarios/search.js';

// `npm run bench [scenario …]`: starts the built server in production shape (PostgreSQL, Redis,
// NODE_ENV=production, logs at warn) once per scenario on a fresh database, drives it from this
// process over loopback, prints a table row per scenario and writes JSON to bench/results/.
const all: Scenario[] = [direct, connections, fanout, history, login, search];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const scenarios = chosen.length ? all.filter((s) => chosen.includes(s.name)) : all;
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const scale = Number(process.env.BENCH_SCALE ?? 1);
const hashCost = Number(process.env.PASSWORD_HASH_COST ?? 3);

// Per run, so that two runs on one PostgreSQL (or a test suite's databases) never collide.
const databaseName = process.env.BENCH_DATABASE ?? `chat_bench_${process.pid}`;

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function freshDatabase(): Promise<string> {
  await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const databaseUrl = await freshDatabase();
  const jwtSecret = randomBytes(32).toString('hex');
  const server = await startServer(
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `bench-${process.pid}`,
      JWT_SECRET: jwtSecret,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      MAIL_OUTBOX: 'true',
      DATA_DIR: path.join(tmpdir(), `chat-bench-${process.pid}`),
      PASSWORD_HASH_COST: String(hashCost),
      ...scenario.serverEnv,
    },
    // A free port, not a fixed one: another bench on the same machine would answer our readiness check.
    await freePort(),
  );
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await scenario.run({
      server,
      db,
      jwtSecret,
      hashCost,
      seconds,
      scale,
      log: (message) => process.stderr.write(`  [${scenario.name}] ${message}\n`),
    });
  } finally {
    await db.end();
    await server.stop();
  }
}

const machine = await describeMachine(baseUrl);
process.stdout.write(`machine: ${JSON.stringify(machine)}\n\n`);
process.stdout.write('| scenario | result | p50 ms | p95 ms | p99 ms | target |\n|---|---|---|---|---|---|\n');
mkdirSync('bench/results', { recursive: true });
let failed = false;
for (const scenario of scenarios) {
  try {
    const result = await runScenario(scenario);
    const { row } = result;
    process.stdout.write(`| ${row.scenario} | ${row.result} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.target} |\n`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(
      `bench/results/${scenario.name}-${stamp}.json`,
      `${JSON.stringify({ scenario: scenario.name, at: new Date().toISOString(), seconds, scale, machine, ...result }, null, 2)}\n`,
    );
  } catch (error) {
    failed = true;
    process.stdout.write(`| ${scenario.name} | failed: ${(error as Error).message} | | | | |\n`);
  }
}
await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch(() => undefined);
process.exit(failed ? 1 : 0);
