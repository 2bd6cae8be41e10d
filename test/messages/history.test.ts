import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { eventsOf, send } from './support.js';

const t = useTestApp();

async function chatWith(count: number) {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const ids: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const res = await send(t.current, i % 2 ? alice : bob, { recipientId: i % 2 ? bob.id : alice.id, text: `m${i}` });
    assert.equal(res.status, 201);
    ids.push(res.body.id);
  }
  return { alice, bob, ids };
}

const texts = (body: any) => body.messages.map((m: any) => m.text);

test('history pages backwards and forwards across page boundaries, oldest first', async () => {
  const { alice, bob, ids } = await chatWith(7);
  const newest = await t.current.http.get(`/messages/${bob.id}?limit=3`, alice.token);
  assert.equal(newest.status, 200);
  assert.deepEqual(texts(newest.body), ['m5', 'm6', 'm7']);
  assert.equal(newest.body.hasMore, true);
  const older = await t.current.http.get(`/messages/${bob.id}?limit=3&before=${newest.body.messages[0].id}`, alice.token);
  assert.deepEqual(texts(older.body), ['m2', 'm3', 'm4']);
  assert.equal(older.body.hasMore, true);
  const oldest = await t.current.http.get(`/messages/${bob.id}?limit=3&before=${older.body.messages[0].id}`, alice.token);
  assert.deepEqual(texts(oldest.body), ['m1']);
  assert.equal(oldest.body.hasMore, false);

  const forward = await t.current.http.get(`/messages/${alice.id}?limit=4&after=${ids[0]}`, bob.token);
  assert.deepEqual(texts(forward.body), ['m2', 'm3', 'm4', 'm5']);
  assert.equal(forward.body.hasMore, true);
  const rest = await t.current.http.get(`/messages/${alice.id}?limit=4&after=${ids[4]}`, bob.token);
  assert.deepEqual(texts(rest.body), ['m6', 'm7']);
  assert.equal(rest.body.hasMore, false);

  const conversationId = newest.body.messages[0].conversationId;
  const around = await t.current.http.get(`/conversations/${conversationId}/messages?around=${ids[3]}&limit=3`, alice.token);
  assert.equal(around.status, 200);
  assert.deepEqual(texts(around.body), ['m3', 'm4', 'm5']);
  assert.equal(around.body.hasMoreBefore, true);
  assert.equal(around.body.hasMoreAfter, true);
  const all = await t.current.http.get(`/conversations/${conversationId}/messages`, alice.token);
  assert.deepEqual(texts(all.body), ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
});

test('history rejects both cursors, bad limits and cursors from another conversation', async () => {
  const { alice, bob, ids } = await chatWith(2);
  const both = await t.current.http.get(`/messages/${bob.id}?before=${ids[1]}&after=${ids[0]}`, alice.token);
  assert.equal(both.status, 400);
  assert.equal(both.body.code, 'validation_failed');
  assert.equal((await t.current.http.get(`/messages/${bob.id}?limit=0`, alice.token)).status, 400);
  assert.equal((await t.current.http.get(`/messages/${bob.id}?limit=101`, alice.token)).status, 400);
  assert.equal((await t.current.http.get(`/messages/${bob.id}?before=nope`, alice.token)).status, 400);
  assert.equal((await t.current.http.get(`/messages/${bob.id}?foo=1`, alice.token)).status, 400);
  const other = await chatWith(1);
  const foreign = await t.current.http.get(`/messages/${bob.id}?before=${other.ids[0]}`, alice.token);
  assert.equal(foreign.status, 404);
  assert.equal(foreign.body.code, 'not_found');
  assert.equal((await t.current.http.get(`/messages/${alice.id}`, alice.token)).status, 400);
});

test('fetching history marks delivered; reading moves the watermark; receipts and status follow', async () => {
  const { alice, bob, ids } = await chatWith(3); // m1 alice, m2 bob, m3 alice
  const m3 = ids[2]!;
  const sentView = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  assert.equal(sentView.body.messages[2].status, 'sent');
  assert.equal(sentView.body.messages[1].status, null, "bob's message has no status for alice");
  assert.deepEqual(
    (await eventsOf(t.current, alice, 'message.delivered')).map((e) => e.data.upToSeq),
    [],
    'sending m3 covered m2 already',
  );
  const impliedRead = await eventsOf(t.current, bob, 'message.read');
  assert.deepEqual(
    impliedRead.map((e) => [e.data.userId, e.data.upToSeq]),
    [
      [bob.id, 2],
      [alice.id, 3],
    ],
    'answering reads what came before',
  );

  await t.current.http.get(`/messages/${alice.id}`, bob.token);
  const delivered = await eventsOf(t.current, alice, 'message.delivered');
  assert.equal(delivered.at(-1)!.data.upToSeq, 3);
  assert.equal(delivered.at(-1)!.data.userId, bob.id);
  const receipts = await t.current.http.get(`/messages/${m3}/receipts`, alice.token);
  assert.equal(receipts.status, 200);
  assert.deepEqual(
    receipts.body.delivered.map((r: any) => r.userId),
    [bob.id],
  );
  assert.deepEqual(receipts.body.read, []);
  assert.equal((await t.current.http.get(`/messages/${bob.id}`, alice.token)).body.messages[2].status, 'delivered');

  const bobReadBefore = (await eventsOf(t.current, bob, 'message.read')).length;
  assert.equal((await t.current.http.post(`/messages/${m3}/read`, undefined, bob.token)).status, 204);
  const read = await eventsOf(t.current, alice, 'message.read');
  assert.deepEqual(
    read.map((e) => [e.data.userId, e.data.upToSeq]),
    [
      [bob.id, 2],
      [alice.id, 3],
      [bob.id, 3],
    ],
  );
  assert.equal((await eventsOf(t.current, bob, 'message.read')).length, bobReadBefore + 1, "the reader's devices hear it too");
  assert.equal((await eventsOf(t.current, bob, 'conversation.read')).at(-1)!.data.upToSeq, 3);
  assert.equal((await t.current.http.get(`/messages/${bob.id}`, alice.token)).body.messages[2].status, 'read');
  const after = await t.current.http.get(`/messages/${m3}/receipts`, bob.token);
  assert.deepEqual(
    after.body.read.map((r: any) => r.userId),
    [bob.id],
  );
  assert.ok(Date.parse(after.body.read[0].at) > 0);

  // Never backwards: reading an older message changes nothing and announces nothing.
  const count = (await eventsOf(t.current, alice, 'message.read')).length;
  assert.equal((await t.current.http.post(`/messages/${ids[0]}/read`, undefined, bob.token)).status, 204);
  assert.equal((await eventsOf(t.current, alice, 'message.read')).length, count);
  assert.equal((await t.current.http.get(`/messages/${bob.id}`, alice.token)).body.messages[2].status, 'read');
});

test('history uses the (conversation_id, seq) index', async (ctx) => {
  const { alice, bob, ids } = await chatWith(2);
  const db = t.current.app.infra.database.db;
  const conversationId = (await t.current.http.get(`/messages/${bob.id}`, alice.token)).body.messages[0].conversationId;
  const plan = await sql<{ 'QUERY PLAN': string }>`
    EXPLAIN SELECT * FROM messages WHERE conversation_id = ${conversationId} AND seq < ${2} ORDER BY seq DESC LIMIT 51`.execute(
    db,
  );
  const text = plan.rows.map((r) => Object.values(r)[0]).join('\n');
  ctx.diagnostic(text);
  assert.match(text, /messages_conversation_seq/);
  assert.ok(ids.length === 2);
});
