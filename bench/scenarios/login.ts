import type { Scenario } from '../lib/context.js';
import { load } from '../lib/load.js';
import { BENCH_PASSWORD, seedUsers } from '../lib/seed.js';

/** Logins per second with the configured argon2id cost: CPU-bound by design. */
export const login: Scenario = {
  name: 'login',
  // The per-IP login limit would otherwise answer 429 to a single load driver.
  serverEnv: { RATE_LIMITS: 'false' },
  async run(ctx) {
    const users = await seedUsers(ctx.db, 200, ctx.jwtSecret, ctx.hashCost, 'login');
    let next = 0;
    const result = await load({
      url: `${ctx.server.url}/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: 8,
      duration: ctx.seconds,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ email: users[next++ % users.length]!.email, password: BENCH_PASSWORD }),
          }),
        },
      ],
    });
    return {
      row: {
        scenario: `login (argon2id t=${ctx.hashCost})`,
        result: `${result.requestsPerSecond} logins/s`,
        p50: result.p50,
        p95: '-',
        p99: result.p99,
        target: 'report',
      },
      details: { hashCost: ctx.hashCost, ...result },
    };
  },
};
