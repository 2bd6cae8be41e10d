import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectAll, request, type LiveSocket } from '../lib/clients.js';
import type { Scenario } from '../lib/context.js';
import { costPerMessage, costSnapshot, PostgresCpu, type CostSnapshot } from '../lib/cost.js';
import { appendDirectHistory, seedDirectConversations, seedFriendships, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

interface Phase {
  label: string;
  targetRate: number;
  achievedRate: number;
  sent: number;
  failed: number;
  failures?: Record<string, number>;
  lost: number;
  latencyMs: ReturnType<typeof summarize>;
  cost?: Record<string, unknown>;
  loadAverage?: string;
}

/**
 * Direct chat throughput: users in friend pairs, all connected and acking every 100 ms; messages
 * arrive open-loop (on a schedule, not waiting for answers) at rising rates. Latency is from the
 * start of the HTTP send to the recipient's socket receiving `message.created`.
 *
 * The cost per message (commits, rows, CPU of the server and of PostgreSQL) is measured once on
 * the fresh database and once after every pair's conversation got `BENCH_HISTORY` messages
 * (default 2,000: 1,000,000 messages and 2,000 log rows per user at 1,000 users), written
 * set-based; the database is vacuumed and analysed after the history is written. The rising
 * rates run on the database with history.
 */
export const direct: Scenario = {
  name: 'direct',
  async run(ctx) {
    const count = Math.max(2, Math.round(1000 * ctx.scale) & ~1);
    const users = await seedUsers(ctx.db, count, ctx.jwtSecret, 1, 'direct');
    const pairs: [number, number][] = [];
    for (let i = 0; i < count; i += 2) pairs.push([i, i + 1]);
    const idPairs = pairs.map(([a, b]): [string, string] => [users[a]!.id, users[b]!.id]);
    await seedFriendships(ctx.db, idPairs);
    const conversationIds = await seedDirectConversations(ctx.db, idPairs);
    // What autovacuum would have done by now (it is off on the CI machine): plans from statistics.
    await ctx.db.query('ANALYZE');

    const sentAt = new Map<string, number>();
    let latencies: number[] = [];
    let sockets: LiveSocket[] = [];
    async function connectEveryone(): Promise<void> {
      sockets.forEach((s) => s.close());
      sockets = await connectAll(
        ctx.server.url,
        users.map((u) => u.token),
      );
      sockets.forEach((s, i) =>
        s.onEvent((frame) => {
          // Each message reaches the sender's own devices too; count the recipient's copy only.
          if (frame.type !== 'message.created' || frame.data?.recipientId !== users[i]!.id) return;
          const key = frame.data.clientMessageId as string;
          const start = sentAt.get(key);
          if (start !== undefined) {
            latencies.push(performance.now() - start);
            sentAt.delete(key);
          }
        }),
      );
    }
    await connectEveryone();
    ctx.log(`${count} users connected`);

    let counter = 0;
    async function run(label: string, rate: number, seconds: number): Promise<Phase> {
      latencies = [];
      sentAt.clear();
      let sent = 0;
      let failed = 0;
      const failures = new Map<string, number>();
      const begin = performance.now();
      const total = Math.round(rate * seconds);
      const inflight: Promise<void>[] = [];
      for (let n = 0; n < total; n++) {
        const due = begin + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const [a, b] = pairs[n % pairs.length]!;
        const [from, to] = n % 2 === 0 ? [users[a]!, users[b]!] : [users[b]!, users[a]!];
        const key = `${counter++}:${to.id}`;
        sentAt.set(key, performance.now());
        const lose = (why: string) => {
          failed++;
          failures.set(why, (failures.get(why) ?? 0) + 1);
          sentAt.delete(key);
        };
        inflight.push(
          request(ctx.server.url, 'POST', '/messages', from.token, {
            recipientId: to.id,
            text: `hello ${n}`,
            clientMessageId: key,
          }).then(
            (res) => (res.status === 201 ? void sent++ : lose(`${res.status} ${res.body?.code ?? ''}`.trim())),
            (error: Error & { code?: string }) => lose(error.code ?? error.message),
          ),
        );
      }
      await Promise.all(inflight);
      const elapsed = (performance.now() - begin) / 1000;
      for (let i = 0; i < 50 && sentAt.size > 0; i++) await sleep(100);
      const lost = sentAt.size;
      const stats = summarize(latencies);
      const loadAverage = loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
      ctx.log(
        `${label} ${rate}/s: achieved ${Math.round(sent / elapsed)}/s, p99 ${stats.p99} ms, failed ${failed}${
          failures.size ? ` ${JSON.stringify(Object.fromEntries(failures))}` : ''
        }, lost ${lost} (load ${loadAverage})`,
      );
      return {
        label,
        targetRate: rate,
        achievedRate: Math.round(sent / elapsed),
        sent,
        failed,
        ...(failures.size ? { failures: Object.fromEntries(failures) } : {}),
        lost,
        latencyMs: stats,
        loadAverage,
      };
    }

    const pid = ctx.server.process.pid!;
    const postgresCpu = new PostgresCpu(ctx.db);
    await postgresCpu.start();
    let snapshot: CostSnapshot = await costSnapshot(ctx.db, pid, postgresCpu, false);
    async function measured(label: string, rate: number, seconds: number): Promise<Phase> {
      const phase = await run(label, rate, seconds);
      const after = await costSnapshot(ctx.db, pid, postgresCpu);
      phase.cost = costPerMessage(snapshot, after, phase.sent);
      snapshot = after;
      ctx.log(`${label} cost per message: ${JSON.stringify(phase.cost)}`);
      return phase;
    }

    const costRate = Number(process.env.BENCH_COST_RATE ?? 300);
    const phases: Phase[] = [];
    phases.push(await measured('fresh', costRate, ctx.seconds));

    const history = Number(process.env.BENCH_HISTORY ?? 2000);
    if (history > 0) {
      const began = performance.now();
      await appendDirectHistory(ctx.db, conversationIds, history, (message) => ctx.log(message));
      ctx.log(`history written in ${Math.round((performance.now() - began) / 1000)} s; VACUUM ANALYZE`);
      await ctx.db.query('VACUUM ANALYZE');
      // Fresh sockets start at the latest seq (the history was never sent to them); an
      // unmeasured warm-up of two messages per pair (one each way) lets one-time work pass: each
      // user's first ack after the history, which reads the log rows written behind the node's back.
      await connectEveryone();
      await run('warm-up', 200, (2 * pairs.length) / 200);
      snapshot = await costSnapshot(ctx.db, pid, postgresCpu);
      phases.push(await measured('history', costRate, ctx.seconds));
    }

    const steps = (process.env.BENCH_RATES ?? '400,700,1000,1500,2000,3000,4000').split(',').map(Number);
    for (const rate of steps) {
      const phase = await measured('rate', rate, ctx.seconds);
      phases.push(phase);
      if (phase.latencyMs.p99 > 1000 || phase.failed > phase.targetRate * ctx.seconds * 0.1) break;
    }
    sockets.forEach((s) => s.close());
    await postgresCpu.stop();
    // The highest rate held with p99 < 100 ms and nothing lost; and the most the server got through.
    const ramp = phases.filter((p) => p.label === 'rate');
    const good = ramp.filter((p) => p.lost === 0 && p.failed === 0 && p.latencyMs.p99 < 100);
    const best = good.at(-1) ?? ramp[0] ?? phases[0]!;
    const peak = Math.max(...phases.map((p) => p.achievedRate));
    return {
      row: {
        scenario: `direct chat${history > 0 ? ` (history: ${history * pairs.length} messages)` : ''}`,
        result: good.length
          ? `${best.achievedRate} msg/s at p99 < 100 ms (peak ${peak} msg/s)`
          : `p99 ≥ 100 ms at every rate (peak ${peak} msg/s)`,
        p50: best.latencyMs.p50,
        p95: best.latencyMs.p95,
        p99: best.latencyMs.p99,
        target: '≥ 3000 msg/s at p99 < 100 ms, none lost',
      },
      details: { users: count, history, vacuumAnalyze: 'after the history is written', phases },
    };
  },
};
