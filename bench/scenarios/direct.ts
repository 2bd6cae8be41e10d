import { setTimeout as sleep } from 'node:timers/promises';
import { connectAll, request } from '../lib/clients.js';
import type { Scenario } from '../lib/context.js';
import { seedFriendships, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

/**
 * Direct chat throughput: users in friend pairs, all connected; messages arrive open-loop (on a
 * schedule, not waiting for answers) at rising rates. Latency is from the start of the HTTP send to
 * the recipient's socket receiving `message.created`.
 */
export const direct: Scenario = {
  name: 'direct',
  async run(ctx) {
    const count = Math.max(2, Math.round(1000 * ctx.scale) & ~1);
    const users = await seedUsers(ctx.db, count, ctx.jwtSecret, 1, 'direct');
    const pairs: [number, number][] = [];
    for (let i = 0; i < count; i += 2) pairs.push([i, i + 1]);
    await seedFriendships(
      ctx.db,
      pairs.map(([a, b]) => [users[a]!.id, users[b]!.id]),
    );
    const sockets = await connectAll(
      ctx.server.url,
      users.map((u) => u.token),
    );
    ctx.log(`${count} users connected`);

    const sentAt = new Map<string, number>();
    let latencies: number[] = [];
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

    const steps = (process.env.BENCH_RATES ?? '100,200,400,700,1000,2000,3000,4000').split(',').map(Number);
    const phases: Record<string, unknown>[] = [];
    let counter = 0;
    for (const rate of steps) {
      latencies = [];
      sentAt.clear();
      let sent = 0;
      let failed = 0;
      const begin = performance.now();
      const total = rate * ctx.seconds;
      const inflight: Promise<void>[] = [];
      for (let n = 0; n < total; n++) {
        const due = begin + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const [a, b] = pairs[n % pairs.length]!;
        const [from, to] = n % 2 === 0 ? [users[a]!, users[b]!] : [users[b]!, users[a]!];
        const key = `${counter++}:${to.id}`;
        sentAt.set(key, performance.now());
        inflight.push(
          request(ctx.server.url, 'POST', '/messages', from.token, {
            recipientId: to.id,
            text: `hello ${n}`,
            clientMessageId: key,
          }).then(
            (res) => {
              if (res.status === 201) sent++;
              else {
                failed++;
                sentAt.delete(key);
              }
            },
            () => {
              failed++;
              sentAt.delete(key);
            },
          ),
        );
      }
      await Promise.all(inflight);
      const elapsed = (performance.now() - begin) / 1000;
      for (let i = 0; i < 50 && sentAt.size > 0; i++) await sleep(100);
      const lost = sentAt.size;
      const stats = summarize(latencies);
      phases.push({ targetRate: rate, achievedRate: Math.round(sent / elapsed), sent, failed, lost, latencyMs: stats });
      ctx.log(`rate ${rate}/s: achieved ${Math.round(sent / elapsed)}/s, p99 ${stats.p99} ms, failed ${failed}, lost ${lost}`);
      if (stats.p99 > 1000 || failed > total / 10) break;
    }
    sockets.forEach((s) => s.close());
    // The highest rate held with p99 < 100 ms and nothing lost; and the most the server got through.
    const good = phases.filter((p: any) => p.lost === 0 && p.failed === 0 && p.latencyMs.p99 < 100);
    const best: any = good.at(-1) ?? phases[0];
    const peak = Math.max(...phases.map((p: any) => p.achievedRate as number));
    return {
      row: {
        scenario: 'direct chat',
        result: good.length
          ? `${best.achievedRate} msg/s at p99 < 100 ms (peak ${peak} msg/s)`
          : `p99 ≥ 100 ms at every rate (peak ${peak} msg/s)`,
        p50: best?.latencyMs.p50 ?? 0,
        p95: best?.latencyMs.p95 ?? 0,
        p99: best?.latencyMs.p99 ?? 0,
        target: '≥ 3000 msg/s at p99 < 100 ms, none lost',
      },
      details: { users: count, phases },
    };
  },
};
