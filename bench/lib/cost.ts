import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const pgClient = pg.Client;

/**
 * What a phase cost, from counters read before and after it: PostgreSQL's own statistics
 * (pg_stat_database, pg_stat_user_tables) and the CPU time of the server process and of this
 * database's backends (Linux /proc, in clock ticks of 10 ms).
 */
export interface CostSnapshot {
  commits: number;
  inserted: number;
  updated: number;
  /** Rows read by sequential and index scans of user tables. */
  read: number;
  indexScans: number;
  perTable: Record<string, { inserted: number; updated: number; read: number }>;
  serverCpuMs: number;
  /** CPU time of this database's backends so far, summed (see `PostgresCpu`). */
  postgresCpuMs: number;
  /** CPU time of the load driver (this process: clients, HTTP, WebSocket, acks). */
  driverCpuMs: number;
  /** CPU time of the Redis server (shared with anything else using it). */
  redisCpuMs: number;
}

const TICK_MS = 10;

/** The local Redis server's pid, when one runs here (its CPU is counted like PostgreSQL's). */
const redisPid: number | undefined = (() => {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'redis-server') return Number(entry);
    }
  } catch {
    // not Linux, or /proc unreadable: Redis CPU is reported as 0
  }
  return undefined;
})();

async function cpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at index 2: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // the process is gone
  }
}

/**
 * The CPU time of the backends serving this database. The server's pool closes idle
 * connections, so backends come and go: they are sampled every 250 ms and each one's last
 * reading kept, so that a backend that exits still counts what it used.
 */
export class PostgresCpu {
  private readonly seen = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;
  private readonly db: pg.Client;
  private readonly database: string;

  /** Samples from a connection of its own to another database, so that it adds nothing to the counted one. */
  constructor(measured: pg.Client) {
    this.database = measured.database ?? '';
    this.db = new pgClient({ host: measured.host, port: measured.port, user: measured.user, database: 'postgres' });
  }

  async start(): Promise<void> {
    await this.db.connect();
    this.timer = setInterval(() => void this.sample(), 250);
  }

  async sample(): Promise<void> {
    if (this.sampling) return this.sampling;
    this.sampling = (async () => {
      const backends = await this.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
        this.database,
      ]);
      for (const { pid } of backends.rows) {
        const ms = await cpuMs(pid);
        if (ms > 0) this.seen.set(pid, ms);
      }
    })().finally(() => (this.sampling = undefined));
    return this.sampling;
  }

  /** CPU ms used by every backend seen so far. */
  async total(): Promise<number> {
    await this.sample();
    let sum = 0;
    for (const ms of this.seen.values()) sum += ms;
    return sum;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
    await this.db.end();
  }
}

/**
 * Reads the counters. Idle backends publish their statistics up to 10 s late (PostgreSQL 15),
 * so `settle` waits that long first when a phase has just ended.
 */
export async function costSnapshot(
  db: pg.Client,
  serverPid: number,
  postgres: PostgresCpu,
  settle = true,
): Promise<CostSnapshot> {
  // The CPU is read when the phase ends, the row counters once they have been published.
  const serverCpuMs = await cpuMs(serverPid);
  const postgresCpuMs = await postgres.total();
  const usage = process.cpuUsage();
  const driverCpuMs = (usage.user + usage.system) / 1000;
  const redisCpuMs = redisPid === undefined ? 0 : await cpuMs(redisPid);
  if (settle) await sleep(11_000);
  await db.query('SELECT pg_stat_clear_snapshot()');
  const database = await db.query<{ commits: string }>(
    'SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()',
  );
  const tables = await db.query<{ relname: string; ins: string; upd: string; read: string; idx: string }>(
    `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd,
            coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS read, coalesce(idx_scan, 0) AS idx
     FROM pg_stat_user_tables`,
  );
  const perTable: CostSnapshot['perTable'] = {};
  let inserted = 0;
  let updated = 0;
  let read = 0;
  let indexScans = 0;
  for (const row of tables.rows) {
    perTable[row.relname] = { inserted: Number(row.ins), updated: Number(row.upd), read: Number(row.read) };
    inserted += Number(row.ins);
    updated += Number(row.upd);
    read += Number(row.read);
    indexScans += Number(row.idx);
  }
  return {
    commits: Number(database.rows[0]?.commits ?? 0),
    inserted,
    updated,
    read,
    indexScans,
    perTable,
    serverCpuMs,
    postgresCpuMs,
    driverCpuMs,
    redisCpuMs,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The difference of two snapshots divided by the messages sent between them. */
export function costPerMessage(before: CostSnapshot, after: CostSnapshot, messages: number): Record<string, unknown> {
  const per = (n: number) => (messages > 0 ? round(n / messages) : 0);
  const tables: Record<string, { inserted: number; updated: number; read: number }> = {};
  for (const [name, now] of Object.entries(after.perTable)) {
    const then = before.perTable[name] ?? { inserted: 0, updated: 0, read: 0 };
    const delta = {
      inserted: per(now.inserted - then.inserted),
      updated: per(now.updated - then.updated),
      read: per(now.read - then.read),
    };
    if (delta.inserted > 0 || delta.updated > 0 || delta.read > 0) tables[name] = delta;
  }
  return {
    messages,
    // Every transaction, reads included (each autocommit statement is one).
    transactions: per(after.commits - before.commits),
    rowsInserted: per(after.inserted - before.inserted),
    rowsUpdated: per(after.updated - before.updated),
    rowsRead: per(after.read - before.read),
    indexScans: per(after.indexScans - before.indexScans),
    serverCpuMs: per(after.serverCpuMs - before.serverCpuMs),
    postgresCpuMs: per(after.postgresCpuMs - before.postgresCpuMs),
    driverCpuMs: per(after.driverCpuMs - before.driverCpuMs),
    redisCpuMs: per(after.redisCpuMs - before.redisCpuMs),
    tables,
  };
}
