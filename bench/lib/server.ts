import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BenchServer {
  url: string;
  process: ChildProcess;
  /** Resident memory of the server process in bytes (Linux /proc). */
  rss(): Promise<number>;
  /** A full garbage collection in the server, through its inspector (as DevTools' button does). */
  collectGarbage(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the built server (`dist/server.js`) in production shape: PostgreSQL, Redis,
 * NODE_ENV=production, logs at warn.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<BenchServer> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // Every simulated client connects from this machine: lift the per-address WebSocket cap.
  const lifted = { WS_MAX_CONNECTIONS_PER_IP: '1000000' };
  // The inspector on a port of its own choosing (idle until used) lets the bench force a collection.
  const child = spawn(process.execPath, [...profile, '--inspect=127.0.0.1:0', 'dist/server.js'], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...lifted, ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let inspectorUrl: string | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(text)?.[1];
    // The inspector's own notices are noise; anything else the server says goes through.
    const rest = text
      .split('\n')
      .filter((line) => !/Debugger (listening|ending|attached)|For help, see|Waiting for the debugger/.test(line))
      .join('\n');
    if (rest.trim()) process.stderr.write(rest.endsWith('\n') ? rest : `${rest}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  // Up to 60 s: on a loaded machine the build's first start can be slow.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i === 599) {
      child.kill('SIGKILL');
      throw new Error('server did not become ready in 60 s');
    }
    await sleep(100);
  }
  return {
    url,
    process: child,
    async rss() {
      const { readFile } = await import('node:fs/promises');
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    async collectGarbage() {
      if (!inspectorUrl) throw new Error('the server has no inspector');
      const { default: WebSocket } = await import('ws');
      const socket = new WebSocket(inspectorUrl);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
        socket.on('message', (raw: Buffer) => {
          if ((JSON.parse(raw.toString('utf8')) as { id?: number }).id === 1) resolve();
        });
        socket.once('error', reject);
      });
      socket.close();
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
