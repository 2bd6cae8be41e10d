import { setTimeout as sleep } from 'node:timers/promises';
import { connectAll, request } from '../lib/clients.js';
import type { Scenario } from '../lib/context.js';
import { seedGroup, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

/**
 * Group fan-out: one group with every member online, steady rates of messages into it (2, 5, 10
 * and 20 per second by default, stopping at the first the group cannot take); latency is from the start of the send to the moment the last
 * member's socket has the message.
 */
export const fanout: Scenario = {
  name: 'fanout',
  async run(ctx) {
    const count = Math.max(10, Math.round(1000 * ctx.scale));
    const users = await seedUsers(ctx.db, count, ctx.jwtSecret, 1, 'member');
    const groupId = await seedGroup(
      ctx.db,
      users.map((u) => u.id),
    );
    const sockets = await connectAll(
      ctx.server.url,
      users.map((u) => u.token),
    );
    ctx.log(`${count} members connected`);

    const started = new Map<string, { at: number; remaining: number }>();
    const latencies: number[] = [];
    for (const socket of sockets) {
      socket.onEvent((frame) => {
        if (frame.type !== 'message.created') return;
        const entry = started.get(frame.data?.clientMessageId as string);
        if (!entry) return;
        entry.remaining--;
        if (entry.remaining === 0) latencies.push(performance.now() - entry.at);
      });
    }
    const rates = (process.env.BENCH_FANOUT_RATES ?? '2,5,10,20').split(',').map(Number);
    const phases: { rate: number; sent: number; failed: number; incomplete: number; latencyMs: ReturnType<typeof summarize> }[] =
      [];
    for (const rate of rates) {
      latencies.length = 0;
      const total = rate * ctx.seconds;
      let failed = 0;
      const begin = performance.now();
      const inflight: Promise<void>[] = [];
      for (let n = 0; n < total; n++) {
        const wait = begin + (n * 1000) / rate - performance.now();
        if (wait > 1) await sleep(wait);
        const key = `fan-${rate}-${n}`;
        started.set(key, { at: performance.now(), remaining: count });
        const sender = users[n % count]!;
        inflight.push(
          request(ctx.server.url, 'POST', '/messages', sender.token, {
            groupId,
            text: `to everyone ${n}`,
            clientMessageId: key,
          }).then((res) => {
            if (res.status !== 201) failed++;
          }),
        );
      }
      await Promise.all(inflight);
      for (let i = 0; i < 300 && latencies.length < total - failed; i++) await sleep(100);
      const stats = summarize(latencies);
      phases.push({ rate, sent: total, failed, incomplete: total - failed - latencies.length, latencyMs: stats });
      ctx.log(`${rate} msg/s: p99 ${stats.p99} ms, failed ${failed}, incomplete ${total - failed - latencies.length}`);
      // A rate the group cannot take leaves a backlog that would distort the next one.
      if (stats.p99 > 1000 || failed > 0) break;
    }
    sockets.forEach((s) => s.close());
    const good = phases.filter((p) => p.failed === 0 && p.incomplete === 0 && p.latencyMs.p99 < 250);
    const best = good.at(-1) ?? phases[0]!;
    const beyond = phases[phases.indexOf(best) + 1];
    return {
      row: {
        scenario: `group fan-out (${count} members)`,
        result:
          (good.length ? `${best.rate} msg/s at p99 < 250 ms, all delivered` : `p99 ≥ 250 ms at ${best.rate} msg/s`) +
          (beyond ? `; at ${beyond.rate} msg/s p99 ${Math.round(beyond.latencyMs.p99)} ms` : ''),
        p50: best.latencyMs.p50,
        p95: best.latencyMs.p95,
        p99: best.latencyMs.p99,
        target: 'p99 send → last member < 250 ms at 20 msg/s',
      },
      details: { members: count, phases },
    };
  },
};
