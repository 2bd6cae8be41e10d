import { setTimeout as sleep } from 'node:timers/promises';
import { connectAll, request } from '../lib/clients.js';
import type { Scenario } from '../lib/context.js';
import { seedGroup, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

/**
 * Group fan-out: one group with every member online, a steady 20 messages/s into it; latency is
 * from the start of the send to the moment the last member's socket has the message.
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
    const rate = Number(process.env.BENCH_FANOUT_RATE ?? 20);
    const total = rate * ctx.seconds;
    let failed = 0;
    const begin = performance.now();
    const inflight: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      const wait = begin + (n * 1000) / rate - performance.now();
      if (wait > 1) await sleep(wait);
      const key = `fan-${n}`;
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
    for (let i = 0; i < 100 && latencies.length < total - failed; i++) await sleep(100);
    const incomplete = total - failed - latencies.length;
    const stats = summarize(latencies);
    sockets.forEach((s) => s.close());
    return {
      row: {
        scenario: `group fan-out (${count} members, ${rate} msg/s)`,
        result: `${latencies.length}/${total} fully delivered`,
        p50: stats.p50,
        p95: stats.p95,
        p99: stats.p99,
        target: 'p99 send → last member < 250 ms',
      },
      details: { members: count, rate, sent: total, failed, incomplete, latencyMs: stats },
    };
  },
};
