import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * One database per test process, shared by the files' apps. PGlite starts from a migrated dump
 * cached in the temp dir (cold start and migrations cost seconds); PostgreSQL gets a fresh
 * database per process, dropped when the process ends.
 */
let shared: Promise<Database> | undefined;

export function testDatabase(): Promise<Database> {
  shared ??= process.env.DATABASE_URL ? postgresDatabase(process.env.DATABASE_URL) : pgliteDatabase();
  return shared;
}

function migrationsHash(): string {
  const dir = new URL('../../src/db/migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(new URL(file, dir)));
  return hash.digest('hex').slice(0, 16);
}

async function pgliteDatabase(): Promise<Database> {
  const file = path.join(os.tmpdir(), `chat-api-pglite-${migrationsHash()}.tar`);
  const lock = `${file}.lock`;
  for (let waited = 0; !existsSync(file) && waited < 120_000; waited += 200) {
    const handle = await open(lock, 'wx').catch(() => undefined);
    if (handle) {
      try {
        const template = await openDatabase({ pgliteDir: 'memory://' });
        await migrateToLatest(template.db);
        const blob = await template.dump!();
        await writeFile(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
        await rename(`${file}.tmp`, file);
        await template.close();
      } finally {
        await handle.close();
        await rm(lock, { force: true });
      }
      break;
    }
    await sleep(200);
  }
  const bytes = await readFile(file);
  const database = await openDatabase({ pgliteDir: 'memory://', loadDataDir: new Blob([bytes]) });
  process.once('beforeExit', () => void database.close());
  return database;
}

async function postgresDatabase(baseUrl: string): Promise<Database> {
  const name = `chat_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await dropAbandoned(admin);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), pgliteDir: '' });
  await migrateToLatest(database.db);
  let dropped = false;
  process.on('beforeExit', () => {
    if (dropped) return;
    dropped = true;
    void (async () => {
      await database.close();
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    })();
  });
  return database;
}

/** Test processes that were killed never drop their database: drop those whose process is gone. */
async function dropAbandoned(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'chat_test_%'");
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[2]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
