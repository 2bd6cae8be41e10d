import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Dialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { prepareStatements } from './prepared-statements.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  /** Only for PGlite: dumps the data directory (used to make a migrated template). */
  dump?: () => Promise<Blob>;
  kind: 'postgres' | 'pglite';
  /** Cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const INT8_OID = 20;

/** bigint columns (counts, seqs) come back as numbers: they stay far below 2^53. */
const typeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8_OID ? Number : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig['getTypeParser'];

export interface DatabaseOptions {
  /** A PostgreSQL URL; without it PGlite runs embedded. */
  url?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps nothing. */
  pgliteDir: string;
  poolSize?: number;
  /** Prepare parameterised statements once per connection (PostgreSQL only; default true). */
  preparedStatements?: boolean;
  /** A PGlite data directory dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let dialect: Dialect;
  let closeDriver: () => Promise<void>;
  let kind: Database['kind'];
  let dump: Database['dump'];
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Each new connection prepares its statements again: keep them through short lulls.
      idleTimeoutMillis: 60_000,
      allowExitOnIdle: true,
      types: { getTypeParser: typeParser },
    });
    // An idle client losing its server is reported here; without a listener it would crash the process.
    pool.on('error', () => {});
    if (options.preparedStatements !== false) pool.on('connect', prepareStatements);
    dialect = new PostgresDialect({ pool });
    closeDriver = () => pool.end();
    kind = 'postgres';
  } else {
    if (!options.pgliteDir.startsWith('memory://')) mkdirSync(path.resolve(options.pgliteDir), { recursive: true });
    const pglite = await PGlite.create(options.pgliteDir, {
      parsers: { [INT8_OID]: Number },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    dialect = new PGliteDialect(pglite);
    closeDriver = () => pglite.close();
    dump = () => pglite.dumpDataDir('none');
    kind = 'pglite';
  }
  const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
  return {
    db,
    kind,
    ...(dump ? { dump } : {}),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy().catch(() => {});
      if (kind === 'pglite') await closeDriver().catch(() => {});
    },
  };
}
