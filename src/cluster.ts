import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.js';

/** A worker that dies this soon after its start is broken, not unlucky: stop instead of looping. */
const EARLY_DEATH_MS = 10_000;
/** Workers get this long to finish in-flight requests and close their sockets (1012) on shutdown. */
const SHUTDOWN_GRACE_MS = 15_000;

function say(message: string): void {
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, role: 'primary', msg: message })}\n`);
}

/** Why `CLUSTER_WORKERS` cannot be used with this configuration, or undefined when it can. */
export function clusterRefusal(config: Readonly<Config>): string | undefined {
  if (config.databaseUrl && config.redisUrl) return undefined;
  return (
    'CLUSTER_WORKERS needs DATABASE_URL and REDIS_URL: the embedded mode (PGlite, in-process bus) ' +
    'runs in a single process; unset CLUSTER_WORKERS or configure PostgreSQL and Redis'
  );
}

/**
 * The primary of `CLUSTER_WORKERS=N`: forks N workers that each build the app and listen on the
 * same port (the primary hands them connections), replaces a worker that dies, and on SIGTERM or
 * SIGINT passes the signal on and exits once every worker has shut down gracefully.
 */
export function runPrimary(workers: number): void {
  const started = new Map<number, number>();
  let stopping = false;
  let failed = false;
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  cluster.on('listening', (worker, address) => say(`worker ${worker.process.pid} listening on port ${address.port}`));
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (code !== 0 && code !== null) failed = true;
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    say(`worker ${worker.process.pid} exited (${signal ?? code})`);
    if (lived < EARLY_DEATH_MS) {
      process.stderr.write(`A worker died ${lived} ms after starting; stopping the cluster (see its output above)\n`);
      stop('worker failure', 1);
      return;
    }
    fork();
  });
  const stop = (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    failed ||= exitCode !== 0;
    say(`shutting down (${reason}): ${Object.keys(cluster.workers ?? {}).length} workers finishing in-flight requests`);
    for (const worker of Object.values(cluster.workers ?? {}) as Worker[]) worker.process.kill('SIGTERM');
    setTimeout(() => {
      process.stderr.write('Workers took too long to shut down; exiting\n');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  say(`starting ${workers} workers`);
  for (let i = 0; i < workers; i++) fork();
}
