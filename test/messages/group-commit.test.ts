import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Transactor } from '../../src/events/transactor.js';
import { mayMessageMany } from '../../src/modules/friends/friends.repository.js';
import { createTextBatch, type SendOutcome, type TextSend } from '../../src/modules/messages/text-batch.js';
import { createGroupCommit, type Settled } from '../../src/modules/messages/group-commit.js';
import type { FilesPort, SocialPort } from '../../src/modules/ports.js';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { createGroupRows, eventsOf, insertFile, send } from './support.js';

const t = useTestApp();

/** A promise with its resolve, to hold a flush open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('group commit: a lone item flushes at once; what arrives meanwhile shares the next flush, at most maxBatch', async () => {
  const calls: string[][] = [];
  const gates: ReturnType<typeof deferred<void>>[] = [];
  const commit = createGroupCommit<string, string>({
    maxBatch: 3,
    flush: async (items) => {
      calls.push([...items]);
      const gate = deferred<void>();
      gates.push(gate);
      await gate.promise;
      return items.map((item): Settled<string> =>
        item === 'bad' ? { ok: false, error: new Error(item) } : { ok: true, value: item.toUpperCase() },
      );
    },
  });
  const answers = ['a', 'b', 'bad', 'd', 'e'].map((item) =>
    commit.submit(item).then(
      (value) => value,
      (error: Error) => `failed ${error.message}`,
    ),
  );
  assert.deepEqual(calls, [['a']], 'the first item did not wait for company');
  gates[0]!.resolve();
  await answers[0];
  assert.deepEqual(calls[1], ['b', 'bad', 'd'], 'the next flush takes what queued, bounded');
  gates[1]!.resolve();
  await answers[3];
  assert.deepEqual(calls[2], ['e']);
  gates[2]!.resolve();
  assert.deepEqual(await Promise.all(answers), ['A', 'B', 'failed bad', 'D', 'E'], 'a failure is its own item’s only');
});

test('group commit: a flush that throws fails its own batch only', async () => {
  let n = 0;
  const commit = createGroupCommit<number, number>({
    maxBatch: 10,
    flush: async (items) => {
      if (n++ === 0) throw new Error('down');
      return items.map((value) => ({ ok: true as const, value }));
    },
  });
  const first = commit.submit(1);
  const second = commit.submit(2);
  await assert.rejects(first, /down/);
  assert.equal(await second, 2);
});

function batchOf(options: { failTransaction?: boolean } = {}) {
  const { db } = t.current.app.infra.database;
  const real = t.current.app.infra.transactor;
  const transactor: Transactor = options.failTransaction
    ? (work) =>
        real(async (trx, emit) => {
          await work(trx, emit);
          throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        })
    : real;
  const social = { mayMessageMany: (pairs, executor) => mayMessageMany(executor ?? db, pairs) } as Pick<
    SocialPort,
    'mayMessageMany'
  >;
  const alone: TextSend[] = [];
  const batch = createTextBatch({
    transactor,
    social: social as SocialPort,
    files: {} as FilesPort, // a plain text message presents no file
    single: async (s) => {
      alone.push(s);
      throw new Error(`sent alone: ${s.text}`);
    },
  });
  return { batch, alone };
}

async function pair(): Promise<[TestUser, TestUser]> {
  const a = await createUser(t.current);
  const b = await createUser(t.current);
  await befriend(t.current, a, b);
  // The conversation exists from the first message on; batches write into existing ones.
  assert.equal((await send(t.current, a, { recipientId: b.id, text: 'hello' })).status, 201);
  return [a, b];
}

const value = (s: Settled<SendOutcome> | undefined) => {
  assert.ok(s?.ok, `expected success, got ${String(s && !s.ok ? s.error : s)}`);
  return s.value;
};

test('one batch: consecutive seqs per conversation, a repeated clientMessageId answers the first, failures go alone', async () => {
  const [alice, bob] = await pair();
  const [carol, dave] = await pair();
  const stranger = await createUser(t.current);
  const msg = (from: TestUser, to: TestUser, text: string, clientMessageId: string | null = null): TextSend => ({
    senderId: from.id,
    recipientId: to.id,
    text,
    clientMessageId,
  });
  const { batch, alone } = batchOf();
  const outcomes = await batch.flush([
    msg(alice, bob, 'a1', 'k'),
    msg(carol, dave, 'c1'),
    msg(alice, bob, 'a1 again', 'k'),
    msg(bob, alice, 'b1'),
    msg(alice, stranger, 'not a friend'),
    msg(alice, bob, 'a2'),
  ]);
  const [a1, c1, again, b1, , a2] = outcomes.map((o, i) => (i === 4 ? undefined : value(o)));
  assert.deepEqual(
    [a1, b1, a2].map((o) => [o!.message.seq, o!.created]),
    [
      [2, true],
      [3, true],
      [4, true],
    ],
  );
  assert.equal(c1!.message.seq, 2);
  assert.equal(again!.created, false);
  assert.equal(again!.message.id, a1!.message.id, 'both retries answer one message');
  assert.equal(a1!.message.status, 'sent');
  assert.equal(outcomes[4]!.ok, false);
  assert.deepEqual(
    alone.map((s) => s.text),
    ['not a friend'],
  );

  // The logs: each message once, in conversation order, and the read moves the one-message path makes.
  for (const user of [alice, bob]) {
    const created = await eventsOf(t.current, user, 'message.created');
    assert.deepEqual(
      created.map((e) => e.data.text),
      ['hello', 'a1', 'b1', 'a2'],
    );
    const seqs = (await eventsOf(t.current, user)).map((e) => e.seq);
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => i + 1),
      'gapless',
    );
  }
  const reads = (await eventsOf(t.current, bob, 'message.read')).map((e) => [e.data.userId, e.data.upToSeq]);
  assert.deepEqual(reads, [
    [bob.id, 3], // bob's reply read alice's hello and a1
    [alice.id, 4], // alice's a2 read bob's b1
  ]);
  const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  assert.deepEqual(
    history.body.messages.map((m: any) => [m.seq, m.text]),
    [
      [1, 'hello'],
      [2, 'a1'],
      [3, 'b1'],
      [4, 'a2'],
    ],
  );
});

test('a batch whose transaction fails writes nothing and sends every message alone', async () => {
  const [alice, bob] = await pair();
  const { batch, alone } = batchOf({ failTransaction: true });
  const outcomes = await batch.flush([
    { senderId: alice.id, recipientId: bob.id, text: 'x', clientMessageId: null },
    { senderId: bob.id, recipientId: alice.id, text: 'y', clientMessageId: 'r' },
  ]);
  assert.deepEqual(
    alone.map((s) => s.text),
    ['x', 'y'],
  );
  assert.ok(outcomes.every((o) => !o.ok));
  const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.text),
    ['hello'],
  );
  assert.deepEqual(
    (await eventsOf(t.current, bob, 'message.created')).map((e) => e.data.text),
    ['hello'],
  );
});

test('a burst over HTTP: each refused message fails alone with its own error, the rest are written gapless', async () => {
  const [alice, bob] = await pair();
  const [carol, dave] = await pair();
  const stranger = await createUser(t.current);
  const blocker = await createUser(t.current);
  await befriend(t.current, alice, blocker);
  await t.current.app.infra.database.db.insertInto('blocks').values({ blockerId: blocker.id, blockedId: alice.id }).execute();
  const elsewhere = (await send(t.current, carol, { recipientId: dave.id, text: 'z' })).body.id;
  const foreignFile = await insertFile(t.current, bob, 'b.png', 'image/png');
  const good = (i: number) => send(t.current, alice, { recipientId: bob.id, text: `ok ${i}`, clientMessageId: `burst-${i}` });
  const results = await Promise.all([
    good(0),
    send(t.current, alice, { recipientId: stranger.id, text: 'x' }),
    good(1),
    send(t.current, alice, { recipientId: blocker.id, text: 'x' }),
    good(2),
    send(t.current, alice, { recipientId: '00000000-0000-7000-8000-000000000000', text: 'x' }),
    send(t.current, alice, { recipientId: alice.id, text: 'x' }),
    send(t.current, alice, { recipientId: bob.id, text: 'x', replyToId: elsewhere }),
    send(t.current, alice, { recipientId: bob.id, text: 'x', attachmentIds: [foreignFile] }),
    good(3),
    good(1),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    [201, 403, 201, 403, 201, 404, 400, 400, 404, 201, results[10].status],
  );
  assert.deepEqual([results[1].body.code, results[3].body.code], ['not_friends', 'not_friends']);
  assert.ok([200, 201].includes(results[10].status));
  assert.equal(results[10].body.id, results[2].body.id, 'the retry answers the first');
  assert.equal([results[2], results[10]].filter((r) => r.status === 201).length, 1);
  const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  assert.deepEqual(history.body.messages.map((m: any) => m.text).sort(), ['hello', 'ok 0', 'ok 1', 'ok 2', 'ok 3']);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.seq),
    [1, 2, 3, 4, 5],
  );
});

test('group messages share a batch: consecutive seqs, each member’s log gapless and in order, a non-member goes alone', async () => {
  const owner = await createUser(t.current);
  const ann = await createUser(t.current);
  const ben = await createUser(t.current);
  const outsider = await createUser(t.current);
  const [carol, dave] = await pair();
  const { groupId, conversationId } = await createGroupRows(t.current, owner, [{ user: ann }, { user: ben }]);
  const before = new Map(
    await Promise.all([owner, ann, ben].map(async (u) => [u.id, (await eventsOf(t.current, u)).length] as const)),
  );
  const { batch, alone } = batchOf();
  const outcomes = await batch.flush([
    { senderId: ann.id, groupId, text: 'g1', clientMessageId: 'g' },
    { senderId: carol.id, recipientId: dave.id, text: 'direct', clientMessageId: null },
    { senderId: outsider.id, groupId, text: 'not a member', clientMessageId: null },
    { senderId: ben.id, groupId, text: 'g2', clientMessageId: null },
    { senderId: ann.id, groupId, text: 'g1 again', clientMessageId: 'g' },
    { senderId: owner.id, groupId, text: 'g3', clientMessageId: null },
  ]);
  const [g1, direct, , g2, again, g3] = outcomes.map((o, i) => (i === 2 ? undefined : value(o)));
  assert.deepEqual(
    [g1, g2, g3].map((o) => [o!.message.seq, o!.message.groupId, o!.message.conversationId, o!.message.recipientId]),
    [1, 2, 3].map((seq) => [seq, groupId, conversationId, null]),
  );
  assert.equal(direct!.message.seq, 2);
  assert.equal(again!.created, false);
  assert.equal(again!.message.id, g1!.message.id);
  assert.equal(g1!.message.status, null, 'a group message has no per-viewer status');
  assert.deepEqual(
    alone.map((s) => s.text),
    ['not a member'],
  );
  for (const member of [owner, ann, ben]) {
    const events = await eventsOf(t.current, member);
    const fresh = events.slice(before.get(member.id));
    assert.deepEqual(
      fresh.map((e) => [e.type, e.data.text]),
      [
        ['message.created', 'g1'],
        ['message.created', 'g2'],
        ['message.created', 'g3'],
      ],
      'each message once, in seq order, and no read event in a group',
    );
    assert.deepEqual(
      events.map((e) => e.seq),
      events.map((_, i) => i + 1),
      'gapless',
    );
  }
  assert.equal((await eventsOf(t.current, outsider, 'message.created')).length, 0);
  const history = await t.current.http.get(`/messages/group/${groupId}`, ben.token);
  assert.deepEqual(
    history.body.messages.map((m: any) => [m.seq, m.text, m.senderId]),
    [
      [1, 'g1', ann.id],
      [2, 'g2', ben.id],
      [3, 'g3', owner.id],
    ],
  );
});

test('a burst into a group over HTTP: every member’s message is written once, gapless; a non-member gets 404', async () => {
  const owner = await createUser(t.current);
  const members = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  const outsider = await createUser(t.current);
  const { groupId } = await createGroupRows(
    t.current,
    owner,
    members.map((user) => ({ user })),
  );
  const senders = [owner, ...members];
  const results = await Promise.all([
    ...senders.flatMap((u, i) =>
      [0, 1, 2].map((n) => send(t.current, u, { groupId, text: `m${i}-${n}`, clientMessageId: `b${i}-${n}` })),
    ),
    send(t.current, outsider, { groupId, text: 'x' }),
    send(t.current, members[0]!, { groupId, text: 'm1-0', clientMessageId: 'b1-0' }),
  ]);
  const statuses = results.map((r) => r.status);
  assert.deepEqual(statuses.slice(0, 12), new Array(12).fill(201));
  assert.equal(statuses[12], 404);
  assert.ok([200, 201].includes(statuses[13]!));
  assert.equal(results[13]!.body.id, results[3]!.body.id, 'the retry answers the first');
  const history = await t.current.http.get(`/messages/group/${groupId}?limit=50`, owner.token);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.seq),
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  assert.equal(new Set(history.body.messages.map((m: any) => m.text)).size, 12);
  for (const user of senders) {
    const created = await eventsOf(t.current, user, 'message.created');
    assert.deepEqual(
      created.map((e) => e.data.seq),
      Array.from({ length: 12 }, (_, i) => i + 1),
      'every member got every message once, in seq order',
    );
  }
});
