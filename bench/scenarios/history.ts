import type { Scenario } from '../lib/context.js';
import { load } from '../lib/load.js';
import { seedDirectHistory, seedFriendships, seedUsers } from '../lib/seed.js';

/**
 * History and lists: a page of 50 from a direct chat of 1,000,000 messages (newest page and a page
 * deep in the past), and the conversation list of a user with 500 conversations.
 */
export const history: Scenario = {
  name: 'history',
  async run(ctx) {
    const size = Math.max(1000, Math.round(1_000_000 * ctx.scale));
    const listSize = Math.max(10, Math.round(500 * ctx.scale));
    const [alice, bob, ...others] = await seedUsers(ctx.db, 2 + listSize, ctx.jwtSecret, 1, 'hist');
    await seedFriendships(ctx.db, [[alice!.id, bob!.id], ...others.map((o): [string, string] => [alice!.id, o.id])]);
    const conversationId = await seedDirectHistory(ctx.db, alice!.id, bob!.id, size);
    for (const other of others) await seedDirectHistory(ctx.db, alice!.id, other.id, 3, false);
    await ctx.db.query('ANALYZE');
    const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM messages WHERE conversation_id = $1 AND seq = $2', [
      conversationId,
      Math.floor(size / 2),
    ]);
    ctx.log(`seeded ${size} messages and ${listSize} conversations`);
    const headers = { authorization: `Bearer ${alice!.token}` };
    const duration = ctx.seconds;
    const newest = await load({ url: `${ctx.server.url}/messages/${bob!.id}?limit=50`, headers, duration });
    const deep = await load({ url: `${ctx.server.url}/messages/${bob!.id}?limit=50&before=${rows[0]!.id}`, headers, duration });
    const list = await load({ url: `${ctx.server.url}/conversations?limit=50`, headers, duration });
    const { rows: plan } = await ctx.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT * FROM messages WHERE conversation_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT 51`,
      [conversationId, Math.floor(size / 2)],
    );
    const worst = [newest, deep, list].reduce((a, b) => (b.p99 > a.p99 ? b : a));
    return {
      row: {
        scenario: `history page (${size} msgs) / list (${listSize} convs)`,
        result: `${newest.requestsPerSecond} / ${deep.requestsPerSecond} / ${list.requestsPerSecond} req/s`,
        p50: worst.p50,
        p95: '-',
        p99: worst.p99,
        target: 'p99 < 20 ms, ≥ 3000 req/s',
      },
      details: { messages: size, conversations: listSize, newest, deep, list, plan: plan.map((r) => r['QUERY PLAN']) },
    };
  },
};
