import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createGroupRows, eventsOf, send } from './support.js';

// Meaningful on PostgreSQL (real concurrent transactions); on PGlite they serialise and must still hold.
const t = useTestApp();

test('first messages racing both ways create one direct conversation', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const results = await Promise.all([
    send(t.current, alice, { recipientId: bob.id, text: 'a' }),
    send(t.current, bob, { recipientId: alice.id, text: 'b' }),
    send(t.current, alice, { recipientId: bob.id, text: 'c' }),
    send(t.current, bob, { recipientId: alice.id, text: 'd' }),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    [201, 201, 201, 201],
  );
  assert.equal(new Set(results.map((r) => r.body.conversationId)).size, 1);
  assert.deepEqual(results.map((r) => r.body.seq).sort(), [1, 2, 3, 4]);
});

test('concurrent senders in one group get gapless seqs and every member gets every message once, in seq order', async () => {
  const owner = await createUser(t.current);
  const members = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  for (const m of members) await befriend(t.current, owner, m);
  const { groupId } = await createGroupRows(
    t.current,
    owner,
    members.map((user) => ({ user })),
  );
  const everyone = [owner, ...members];
  const results = await Promise.all(
    everyone.flatMap((user) =>
      Array.from({ length: 5 }, (_, i) =>
        send(t.current, user, { groupId, text: `${user.username}:${i}`, clientMessageId: `k${i}` }),
      ),
    ),
  );
  assert.ok(
    results.every((r) => r.status === 201),
    JSON.stringify(results.map((r) => r.status)),
  );
  assert.deepEqual(
    results.map((r) => r.body.seq).sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  for (const user of everyone) {
    const seqs = (await eventsOf(t.current, user, 'message.created')).map((e) => e.data.seq);
    assert.deepEqual(
      seqs,
      Array.from({ length: 20 }, (_, i) => i + 1),
      'log order equals conversation order',
    );
  }
  const history = await t.current.http.get(`/messages/group/${groupId}?limit=100`, members[0]!.token);
  assert.equal(history.body.messages.length, 20);
});
