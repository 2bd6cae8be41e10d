import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { sql } from 'kysely';
import { databaseSearchIndex, indexUnindexed } from '../../src/modules/messages/search-index.js';
import { createGroupRows, send } from './support.js';

const t = useTestApp();

async function pair() {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  return { alice, bob };
}

async function search(user: TestUser, params: Record<string, string>) {
  return t.current.http.get(`/search/messages?${new URLSearchParams(params).toString()}`, user.token);
}

/** The texts found for `q`, newest first, each with its highlighted parts. */
async function found(user: TestUser, q: string, extra: Record<string, string> = {}) {
  const res = await search(user, { q, ...extra });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.results.map((r: any) => [r.message.text, r.highlights.map((h: any) => r.message.text.slice(h.start, h.end))]);
}

test('words match by prefix in any script, ignoring case and accents; CJK by substring; emoji; highlights are UTF-16 offsets', async () => {
  const { alice, bob } = await pair();
  const texts = [
    'Rendez-vous au Café Crème à Genève 👍🏽',
    'Привет, МИР! Встречаемся завтра',
    '明日は東京タワーに行きます',
    'the ÉCOLE is closed 🎉 today',
    'nothing to see here',
  ];
  for (const text of texts) assert.equal((await send(t.current, alice, { recipientId: bob.id, text })).status, 201);

  assert.deepEqual(await found(bob, 'cafe geneve'), [[texts[0], ['Café', 'Genève']]]);
  assert.deepEqual(await found(bob, 'CRÈ'), [[texts[0], ['Crème']]]);
  assert.deepEqual(await found(bob, 'мир привет'), [[texts[1], ['Привет', 'МИР']]]);
  assert.deepEqual(await found(bob, 'встреча'), [[texts[1], ['Встречаемся']]]);
  assert.deepEqual(await found(bob, '東京'), [[texts[2], ['東京']]]);
  assert.deepEqual(await found(bob, 'タワー'), [[texts[2], ['タワー']]]);
  assert.deepEqual(await found(bob, '京都'), [], 'every character, in order');
  assert.deepEqual(await found(bob, '👍 au'), [[texts[0], ['au', '👍🏽']]], 'skin tones are ignored');
  assert.deepEqual(await found(alice, 'ecole 🎉'), [[texts[3], ['ÉCOLE', '🎉']]]);
  assert.deepEqual(await found(alice, 'eco tod'), [[texts[3], ['ÉCOLE', 'today']]]);
  assert.deepEqual(await found(alice, 'ecoles'), [], 'a prefix, never a longer word');
  assert.deepEqual(await found(alice, 'closing'), [], 'no stemming');

  const res = await search(bob, { q: 'genève' });
  const [hit] = res.body.results;
  const text = texts[0]!;
  assert.deepEqual(hit.highlights, [{ start: text.indexOf('Genève'), end: text.indexOf('Genève') + 'Genève'.length }]);
  const emoji = (await search(bob, { q: '👍 au' })).body.results[0].highlights[1];
  assert.equal(emoji.end - emoji.start, 4, 'two surrogate pairs: thumbs up and its skin tone');
});

test('"quoted phrases" match as written; bare words in any order', async () => {
  const { alice, bob } = await pair();
  await send(t.current, alice, { recipientId: bob.id, text: 'the quick brown fox' });
  await send(t.current, alice, { recipientId: bob.id, text: 'brown and quick' });
  assert.equal((await found(bob, 'brown quick')).length, 2);
  assert.deepEqual(await found(bob, '"quick brown"'), [['the quick brown fox', ['quick brown']]]);
  assert.deepEqual(await found(bob, '"brown quick"'), []);
  assert.deepEqual(await found(bob, '"quick bro"'), [], 'a phrase is whole words');
  assert.deepEqual(await found(bob, '"quick brown" fo'), [['the quick brown fox', ['quick brown', 'fox']]]);
});

test('only conversations you are a member of now: strangers and removed members find nothing', async () => {
  const owner = await createUser(t.current);
  const member = await createUser(t.current);
  const stranger = await createUser(t.current);
  await befriend(t.current, owner, member);
  const { groupId, conversationId } = await createGroupRows(t.current, owner, [{ user: member }]);
  await send(t.current, owner, { groupId, text: 'quarterly zebrafish numbers' });
  assert.equal((await found(member, 'zebrafish')).length, 1);
  assert.equal((await found(stranger, 'zebrafish')).length, 0);
  assert.equal((await search(stranger, { q: 'zebrafish', conversationId })).status, 404);

  assert.equal((await t.current.http.post(`/groups/${groupId}/remove`, { userId: member.id }, owner.token)).status, 200);
  assert.deepEqual(await found(member, 'zebrafish'), []);
  assert.equal((await found(owner, 'zebrafish', { conversationId })).length, 1);
});

test('an edit is found at once, a deleted message never', async () => {
  const { alice, bob } = await pair();
  const sent = await send(t.current, alice, { recipientId: bob.id, text: 'meet at the aquarium' });
  assert.equal((await found(bob, 'aquarium')).length, 1);
  assert.equal(
    (await t.current.http.patch(`/messages/${sent.body.id}`, { text: 'meet at the planetarium' }, alice.token)).status,
    200,
  );
  assert.deepEqual(await found(bob, 'aquarium'), []);
  assert.deepEqual(await found(bob, 'planetar'), [['meet at the planetarium', ['planetarium']]]);
  assert.equal((await t.current.http.delete(`/messages/${sent.body.id}`, alice.token)).status, 204);
  assert.deepEqual(await found(bob, 'planetarium'), []);
});

test('newest first with a cursor; filters by sender and time; bad input is a 400', async () => {
  const { alice, bob } = await pair();
  const ids: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    const from = i % 2 === 0 ? alice : bob;
    const to = from === alice ? bob : alice;
    ids.push((await send(t.current, from, { recipientId: to.id, text: `kumquat report ${i}` })).body.id);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await search(bob, { q: 'kumquat', limit: '3', ...(cursor ? { cursor } : {}) });
    assert.equal(res.status, 200);
    seen.push(...res.body.results.map((r: any) => r.message.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, [...ids].reverse());

  const fromBob = await search(alice, { q: 'kumquat', senderId: bob.id });
  assert.deepEqual(
    fromBob.body.results.map((r: any) => r.message.id),
    [ids[5], ids[3], ids[1]],
  );
  const history = (await t.current.http.get(`/messages/${bob.id}`, alice.token)).body.messages;
  const middle = history[3].createdAt;
  const older = await search(alice, { q: 'kumquat', before: middle });
  assert.deepEqual(
    older.body.results.map((r: any) => r.message.id),
    [ids[2], ids[1], ids[0]],
  );
  const newer = await search(alice, { q: 'kumquat', after: middle });
  assert.deepEqual(
    newer.body.results.map((r: any) => r.message.id),
    [ids[6], ids[5], ids[4]],
  );

  const bad: Record<string, string>[] = [
    { q: 'k' },
    { q: 'x'.repeat(201) },
    { q: 'kumquat', cursor: 'bm9wZQ' },
    { q: 'kumquat', before: 'yesterday' },
  ];
  for (const params of bad) {
    const res = await search(alice, params);
    assert.equal(res.status, 400, JSON.stringify(params));
  }
  assert.deepEqual((await search(alice, { q: '?!' })).body, { results: [], nextCursor: null });
});

test('search:reindex gives messages without a search document one', async () => {
  const { alice, bob } = await pair();
  const sent = await send(t.current, alice, { recipientId: bob.id, text: 'legacy pangolin notes' });
  const db = t.current.app.infra.database.db;
  await db.deleteFrom('messageSearch').where('messageId', '=', sent.body.id).execute();
  assert.deepEqual(await found(bob, 'pangolin'), []);
  while ((await indexUnindexed(db)) > 0);
  assert.deepEqual(await found(bob, 'pangolin'), [['legacy pangolin notes', ['pangolin']]]);
});

test('odd texts index without trouble: a grapheme of thousands of marks, very long words, quotes and backslashes', async () => {
  const { alice, bob } = await pair();
  const texts = [
    `👍${'\u0301'.repeat(3000)} marks`,
    `${'w'.repeat(3000)} long`,
    `it's a \\back'slash "quote" 'tsquery' & | ! :*`,
  ];
  for (const text of texts) assert.equal((await send(t.current, alice, { recipientId: bob.id, text })).status, 201);
  assert.equal((await found(bob, 'marks')).length, 1);
  assert.equal((await found(bob, `${'w'.repeat(100)}`)).length, 1);
  assert.equal((await found(bob, "back'sl")).length, 1);
  assert.equal((await found(bob, "'tsquery' & | !")).length, 1);
});

test('a word in more messages than the rare-word bound is found by the newest-first walk, with its filters and cursor', async () => {
  const { alice, bob } = await pair();
  const { alice: carol, bob: dave } = await pair();
  // Others' conversation: 2,100 matches the searcher may not see, written set-based.
  const other = (await send(t.current, carol, { recipientId: dave.id, text: 'hello' })).body.conversationId as string;
  const db = t.current.app.infra.database.db;
  const { rows } = await sql<{ id: string; createdAt: Date }>`
    INSERT INTO messages (id, conversation_id, seq, sender_id, recipient_id, type, text, created_at)
    SELECT gen_random_uuid(), ${other}::uuid, 1 + s, ${carol.id}::uuid, ${dave.id}::uuid, 'text', 'zephyrine crowd', now() - interval '1 hour'
    FROM generate_series(1, 2100) AS s
    RETURNING id, created_at`.execute(db);
  await databaseSearchIndex.putMany(
    db,
    rows.map((r) => ({
      messageId: r.id,
      conversationId: other,
      senderId: carol.id,
      createdAt: r.createdAt,
      text: 'zephyrine crowd',
    })),
  );
  const mine = ['zephyrine one', 'zephyrine two', 'zephyrine three'];
  for (const text of mine) assert.equal((await send(t.current, alice, { recipientId: bob.id, text })).status, 201);
  assert.deepEqual(
    (await found(bob, 'zephyr')).map(([text]: [string]) => text),
    [...mine].reverse(),
  );
  const first = await search(bob, { q: 'zephyr', limit: '2' });
  assert.equal(first.body.results.length, 2);
  const next = await search(bob, { q: 'zephyr', limit: '2', cursor: first.body.nextCursor });
  assert.deepEqual(
    next.body.results.map((r: any) => r.message.text),
    ['zephyrine one'],
  );
  assert.equal((await found(carol, 'zephyr crowd')).length, 50, 'the other side finds its own, a full page');
});
