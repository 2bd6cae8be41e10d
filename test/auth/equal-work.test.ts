import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MailBox } from '../helpers/app.js';
import { testDatabase } from '../helpers/database.js';
import { createClient, type Client } from '../helpers/http.js';
import { uniqueName } from '../helpers/factories.js';
import { PASSWORD } from './support.js';

// Forgot-password and resend-verification must do the same database work whether or not the
// address has an account: the kinds of statement the app sends are recorded per request. Only
// statements made on behalf of a request count (its handler runs inside `measuring`), so the
// node's own timers (the upload sweeper, the log pruner) cannot slip into a recording.
const measuring = new AsyncLocalStorage<true>();
const statements: string[] = [];
const recorder: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    if (measuring.getStore()) statements.push(args.node.kind);
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  },
};

let app: FastifyInstance;
let http: Client;
const mail = new MailBox();

before(async () => {
  const shared = await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'false', DATA_DIR: `/tmp/chat-api-test-${process.pid}` });
  app = await buildApp(config, { database: { ...shared, db: shared.db.withPlugin(recorder) }, keepDatabase: true, mailer: mail });
  app.addHook('preHandler', (_request, _reply, done) => measuring.run(true, done));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  http = createClient(`http://127.0.0.1:${address.port}`);
});
after(async () => {
  await app.close();
});

async function statementsOf(path: string, email: string): Promise<string[]> {
  statements.length = 0;
  const res = await http.post(path, { email });
  assert.equal(res.status, 202);
  return [...statements];
}

test('forgot-password and resend run the same statements for a known and an unknown address', async () => {
  const username = uniqueName('eq');
  const email = `${username}@example.test`;
  assert.equal((await http.post('/signup', { username, email, password: PASSWORD })).status, 202);
  const unknown = `${uniqueName('nobody')}@example.test`;

  for (const path of ['/password/forgot', '/verify-email/resend']) {
    const known = await statementsOf(path, email);
    assert.deepEqual(await statementsOf(path, unknown), known, path);
    assert.ok(known.length > 0);
  }
  // The known (unverified) address did get both mails, the unknown none.
  assert.ok(mail.lastTo(email)?.text.includes('/verify-email?token='));
  assert.ok(mail.sent.some((m) => m.to === email && m.text.includes('/reset-password?token=')));
  assert.equal(mail.lastTo(unknown), undefined);
});
