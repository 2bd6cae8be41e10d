import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MailBox, type TestApp } from '../helpers/app.js';
import { testDatabase } from '../helpers/database.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createClient } from '../helpers/http.js';

// A history page reads the reactions (and pins) of all its messages in one query: the statements
// a page sends do not grow with its size or with how many of its messages have reactions.
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
let t: TestApp;

before(async () => {
  const shared = await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'false', DATA_DIR: `/tmp/chat-api-test-${process.pid}` });
  app = await buildApp(config, {
    database: { ...shared, db: shared.db.withPlugin(recorder) },
    keepDatabase: true,
    mailer: new MailBox(),
  });
  app.addHook('preHandler', (_request, _reply, done) => measuring.run(true, done));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  t = { app, config, url, http: createClient(url), mail: new MailBox(), close: () => app.close() };
});
after(async () => {
  await app.close();
});

test('a history page of 50 with reactions on half its messages runs the statements of a page of 5 without any', async () => {
  const alice = await createUser(t);
  const bob = await createUser(t);
  await befriend(t, alice, bob);
  const ids: string[] = [];
  for (let i = 0; i < 60; i += 1)
    ids.push((await t.http.post('/messages', { recipientId: bob.id, text: `m${i}` }, alice.token)).body.id);
  assert.equal((await t.http.get(`/messages/${alice.id}?limit=50`, bob.token)).status, 200, 'delivered once, before measuring');

  const statementsOf = async (limit: number) => {
    statements.length = 0;
    const res = await t.http.get(`/messages/${alice.id}?limit=${limit}`, bob.token);
    assert.equal(res.status, 200);
    return { kinds: [...statements], messages: res.body.messages as { reactions: unknown[] }[] };
  };
  const bare = await statementsOf(5);
  for (const id of ids.slice(10).filter((_, i) => i % 2 === 0)) {
    for (const emoji of ['👍', '🎉']) {
      assert.equal(
        (await t.http.put(`/messages/${id}/reactions/${encodeURIComponent(emoji)}`, undefined, bob.token)).status,
        204,
      );
    }
  }
  await t.http.put(`/messages/${ids[59]}/pin`, undefined, bob.token);
  const full = await statementsOf(50);
  assert.equal(full.messages.filter((m) => m.reactions.length === 2).length, 25);
  assert.deepEqual(full.kinds, bare.kinds);
});
