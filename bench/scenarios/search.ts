import type { Scenario } from '../lib/context.js';
import { load } from '../lib/load.js';
import { seedDirectHistory, seedFriendships, seedUsers } from '../lib/seed.js';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];

/**
 * Message search: a user in 200 conversations over a database of 1,000,000 messages (200 × 1,000
 * of theirs, the rest in other people's chats). Texts are ASCII words, so PostgreSQL's
 * `to_tsvector('simple', …)` writes the same search documents the server would. Three queries: a
 * rare word (one message in 1,000), a common word (every 12th message) and a phrase.
 */
export const search: Scenario = {
  name: 'search',
  async run(ctx) {
    const total = Math.max(2000, Math.round(1_000_000 * ctx.scale));
    const conversations = Math.max(5, Math.round(200 * ctx.scale));
    const own = Math.round(total / 5 / conversations);
    const strangers = 100;
    const [alice, ...rest] = await seedUsers(ctx.db, 1 + conversations + 2 * strangers, ctx.jwtSecret, 1, 'srch');
    const peers = rest.slice(0, conversations);
    const others = rest.slice(conversations);
    const pairs: [string, string][] = [...peers.map((p): [string, string] => [alice!.id, p.id])];
    for (let i = 0; i < strangers; i += 1) pairs.push([others[2 * i]!.id, others[2 * i + 1]!.id]);
    await seedFriendships(ctx.db, pairs);
    for (const peer of peers) await seedDirectHistory(ctx.db, alice!.id, peer.id, own, false);
    const elsewhere = Math.round((total - own * conversations) / strangers);
    for (let i = 0; i < strangers; i += 1)
      await seedDirectHistory(ctx.db, others[2 * i]!.id, others[2 * i + 1]!.id, elsewhere, false);
    await ctx.db.query(
      `UPDATE messages SET text = (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + seq % ${WORDS.length}]
         || ' report ' || CASE WHEN seq % 1000 = 7 THEN 'zanzibar ' ELSE '' END || 'number ' || seq`,
    );
    await ctx.db.query(
      `INSERT INTO message_search (message_id, conversation_id, sender_id, created_at, document)
       SELECT id, conversation_id, sender_id, created_at, to_tsvector('simple', text) FROM messages`,
    );
    await ctx.db.query('VACUUM ANALYZE');
    ctx.log(`seeded ${total} messages; the searcher is in ${conversations} conversations`);
    const headers = { authorization: `Bearer ${alice!.token}` };
    const url = (q: string) => `${ctx.server.url}/search/messages?limit=20&q=${encodeURIComponent(q)}`;
    const duration = ctx.seconds;
    // The most a closed loop of 32 clients gets through (which also warms the caches, as a
    // running server's are), then the latency at an offered rate (searches are rare next to
    // sends: tens per second is a busy server).
    const rate = Number(process.env.BENCH_SEARCH_RATE ?? 20);
    const measure = async (q: string) => {
      const closedLoop = await load({ url: url(q), headers, duration });
      return { ...closedLoop, atRate: await load({ url: url(q), headers, duration, connections: 4, overallRate: rate }) };
    };
    const rare = await measure('zanzib');
    const common = await measure('golf rep');
    const phrase = await measure('"hotel report"');
    const plans: Record<string, string[]> = {};
    for (const [name, tsquery] of [
      ['rare', "'zanzib':*"],
      ['common', "'golf':* & 'rep':*"],
      ['phrase', "'hotel' <-> 'report'"],
    ] as const) {
      const { rows } = await ctx.db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT s.message_id, s.created_at::text FROM message_search s
           JOIN conversation_members cm ON cm.conversation_id = s.conversation_id AND cm.user_id = $1
          WHERE s.document @@ $2::tsquery ORDER BY s.created_at DESC, s.message_id DESC LIMIT 21`,
        [alice!.id, tsquery],
      );
      plans[name] = rows.map((r) => r['QUERY PLAN']);
    }
    const worst = [rare, common, phrase].map((m) => m.atRate).reduce((a, b) => (b.p99 > a.p99 ? b : a));
    return {
      row: {
        scenario: `search (${total} msgs, ${conversations} convs; rare / common / phrase)`,
        result: `p99 ${rare.atRate.p99} / ${common.atRate.p99} / ${phrase.atRate.p99} ms at ${rate} req/s; closed loop ${rare.requestsPerSecond} / ${common.requestsPerSecond} / ${phrase.requestsPerSecond} req/s`,
        p50: worst.p50,
        p95: '-',
        p99: worst.p99,
        target: 'p99 < 50 ms',
      },
      details: { messages: total, conversations, rate, rare, common, phrase, plans },
    };
  },
};
