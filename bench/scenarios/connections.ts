import { setTimeout as sleep } from 'node:timers/promises';
import { connectAll, request } from '../lib/clients.js';
import type { Scenario } from '../lib/context.js';
import { seedFriendships, seedUsers } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

/**
 * Idle connections: resident memory of the server per authenticated idle WebSocket, and the
 * latency of live traffic between two of them while the rest sit on heartbeats. Clients are spread
 * over 127.0.0.x source addresses so ephemeral ports never run short.
 */
export const connections: Scenario = {
  name: 'connections',
  // Heartbeats every 5 s, so that the 10 s of live traffic measured run through two of them.
  serverEnv: { WS_HEARTBEAT_SECONDS: '5' },
  async run(ctx) {
    const wanted = Math.max(100, Math.round(20_000 * ctx.scale));
    // Both the server and this driver need a descriptor per socket, plus a few hundred of their own.
    const fdLimit = Number(process.env.BENCH_FD_LIMIT ?? Infinity);
    const count = Math.min(wanted, fdLimit - 500);
    if (count < wanted) ctx.log(`open-file limit ${fdLimit}: ${count} connections instead of ${wanted}`);
    const users = await seedUsers(ctx.db, count, ctx.jwtSecret, 1, 'idle');
    await seedFriendships(ctx.db, [[users[0]!.id, users[1]!.id]]);
    // Warm up the code paths once so the baseline includes them.
    const warm = await connectAll(
      ctx.server.url,
      users.slice(0, 2).map((u) => u.token),
    );
    warm.forEach((s) => s.close());
    await sleep(1000);
    const before = await ctx.server.rss();
    await ctx.server.collectGarbage();
    await sleep(1000);
    const collectedBefore = await ctx.server.rss();
    const sockets = await connectAll(
      ctx.server.url,
      users.map((u) => u.token),
      100,
      (i) => ({ localAddress: `127.0.0.${1 + (i % 50)}`, ack: false }),
    );
    await sleep(3000);
    const after = await ctx.server.rss();
    const perConnection = (after - before) / count;
    // The same after a full collection on both sides of the measurement: what the sockets hold,
    // not garbage that happened to be waiting.
    await ctx.server.collectGarbage();
    await sleep(1000);
    const collected = await ctx.server.rss();
    const perConnectionCollected = (collected - collectedBefore) / count;
    ctx.log(
      `${count} connections: rss ${Math.round(before / 2 ** 20)} → ${Math.round(after / 2 ** 20)} MiB; after a collection ${Math.round(collectedBefore / 2 ** 20)} → ${Math.round(collected / 2 ** 20)} MiB`,
    );

    const latencies: number[] = [];
    const pending = new Map<string, number>();
    sockets[1]!.onEvent((frame) => {
      const start = pending.get(frame.data?.clientMessageId as string);
      if (frame.type === 'message.created' && start !== undefined) latencies.push(performance.now() - start);
    });
    const end = Date.now() + ctx.seconds * 1000;
    for (let n = 0; Date.now() < end; n++) {
      const key = `live-${n}`;
      pending.set(key, performance.now());
      await request(ctx.server.url, 'POST', '/messages', users[0]!.token, {
        recipientId: users[1]!.id,
        text: 'ping',
        clientMessageId: key,
      });
      await sleep(100);
    }
    await sleep(500);
    const stats = summarize(latencies);
    sockets.forEach((s) => s.close());
    return {
      row: {
        scenario: 'idle connections',
        result: `${count} sockets${count < wanted ? ` (fd limit ${fdLimit})` : ''}, ${(perConnection / 1024).toFixed(1)} KiB each (${(perConnectionCollected / 1024).toFixed(1)} after a collection)`,
        p50: stats.p50,
        p95: stats.p95,
        p99: stats.p99,
        target: '< 10 KiB per idle connection',
      },
      details: {
        connections: count,
        wanted,
        fdLimit,
        rssBefore: before,
        rssAfter: after,
        bytesPerConnection: perConnection,
        rssBeforeCollected: collectedBefore,
        rssAfterCollected: collected,
        bytesPerConnectionCollected: perConnectionCollected,
        liveLatencyMs: stats,
      },
    };
  },
};
