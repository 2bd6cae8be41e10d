import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.js';
import { CUSTOM_PLAN_MARK } from '../../src/db/prepared-statements.js';

test(
  'prepared statements: reused on a connection, and prepared again after a migration changes their table',
  { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (prepared statements are a PostgreSQL connection feature)' },
  async () => {
    const database = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: 'memory://', poolSize: 1 });
    const table = sql.table(`prepared_probe_${process.pid}`);
    try {
      await sql`CREATE TABLE ${table} (a int)`.execute(database.db);
      await sql`INSERT INTO ${table} VALUES (1)`.execute(database.db);
      const read = () => sql<Record<string, unknown>>`SELECT * FROM ${table} WHERE a = ${1}`.execute(database.db);
      assert.deepEqual((await read()).rows, [{ a: 1 }]);
      assert.deepEqual((await read()).rows, [{ a: 1 }]);
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE ${'%prepared_probe%'}`.execute(database.db);
      assert.equal(rows[0]!.n, 1, 'the statement is prepared once on the connection');

      await sql`ALTER TABLE ${table} ADD COLUMN b int`.execute(database.db);
      const first = await read().then(
        (r) => r.rows,
        (error: { code?: string }) => error.code,
      );
      assert.ok(
        first === '0A000' || JSON.stringify(first) === JSON.stringify([{ a: 1, b: null }]),
        `got ${JSON.stringify(first)}`,
      );
      assert.deepEqual((await read()).rows, [{ a: 1, b: null }], 'the next use prepares it again');
    } finally {
      await sql`DROP TABLE IF EXISTS ${table}`.execute(database.db);
      await database.close();
    }
  },
);

test(
  'a statement marked to be planned per execution is never prepared (its plan follows its values)',
  { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (prepared statements are a PostgreSQL connection feature)' },
  async () => {
    const database = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: 'memory://', poolSize: 1 });
    try {
      const marker = `probe_${process.pid}`;
      const read = () =>
        sql<{ n: number }>`SELECT ${1}::int AS n, ${marker}::text AS marker ${sql.raw(CUSTOM_PLAN_MARK)}`.execute(database.db);
      for (let i = 0; i < 7; i++) assert.equal((await read()).rows[0]!.n, 1);
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE ${'%planned per execution%'}`.execute(
        database.db,
      );
      assert.equal(rows[0]!.n, 0);
    } finally {
      await database.close();
    }
  },
);
