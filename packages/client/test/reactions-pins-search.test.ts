import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { useTestApp } from '../../../test/helpers/app.js';
import { befriend, createUser } from '../../../test/helpers/factories.js';
import { ApiError, applyReaction, highlightParts, keepMyReactions, type ChatClient, type Message } from '../src/index.js';
import { makeClient, record } from './support.js';

// Reactions, pins and search through the client's typed calls and events, against the real server.
const t = useTestApp();
const clients: ChatClient[] = [];
after(() => clients.forEach((c) => c.close()));

async function signedIn() {
  const user = await createUser(t.current);
  const { client, http } = makeClient(t.current.url);
  clients.push(client);
  await client.login({ email: user.email, password: user.password });
  return { user, client, http };
}

async function friends() {
  const alice = await signedIn();
  const bob = await signedIn();
  await befriend(t.current, alice.user, bob.user);
  return { alice, bob };
}

const send = (client: ChatClient, body: { recipientId: string } | { groupId: string }, text: string) =>
  client.post('/messages', { body: { ...body, text } });

test('reactions: typed PUT/DELETE with any emoji in the path, message.reaction to both, counts applied', async () => {
  const { alice, bob } = await friends();
  await alice.client.connect();
  await bob.client.connect();
  const message = await send(alice.client, { recipientId: bob.user.id }, 'lunch?');
  const aliceSees = record(alice.client, 'message.reaction');
  const bobSees = record(bob.client, 'message.reaction');
  const on = (emoji: string) => ({ params: { path: { messageId: message.id, emoji } } });

  // The path parameter is URL-encoded by the client: a ZWJ family, a skin tone, a shortcode.
  const family = '👩‍👩‍👧';
  for (const emoji of ['👍🏽', family, ':party_parrot:'])
    await bob.client.put('/messages/{messageId}/reactions/{emoji}', on(emoji));
  await alice.client.put('/messages/{messageId}/reactions/{emoji}', on('👍🏽'));
  await aliceSees.until((seen) => seen.length === 4);
  await bobSees.until((seen) => seen.length === 4);
  const event = aliceSees.seen[3]![0];
  assert.deepEqual(
    { ...event, userId: event.userId === alice.user.id },
    {
      conversationId: message.conversationId,
      messageId: message.id,
      emoji: '👍🏽',
      userId: true,
      action: 'added',
      count: 2,
    },
  );

  // Applying the events to the message as sent gives what the server counts.
  let mine = message.reactions;
  for (const [e] of aliceSees.seen) mine = applyReaction(mine, e, alice.user.id);
  const history = await alice.client.get('/messages/{id}', { params: { path: { id: bob.user.id } } });
  assert.deepEqual(history.messages.find((m) => m.id === message.id)!.reactions, mine);
  assert.deepEqual(mine, [
    { emoji: '👍🏽', count: 2, me: true },
    { emoji: family, count: 1, me: false },
    { emoji: ':party_parrot:', count: 1, me: false },
  ]);

  const reactors = await alice.client.get('/messages/{messageId}/reactions/{emoji}', on('👍🏽'));
  assert.deepEqual(
    reactors.users.map((u) => u.id),
    [bob.user.id, alice.user.id],
  );
  assert.equal(reactors.nextCursor, null);

  await bob.client.delete('/messages/{messageId}/reactions/{emoji}', on(family));
  await aliceSees.until((seen) => seen.length === 5);
  assert.deepEqual(aliceSees.seen[4]![0].action, 'removed');
  mine = applyReaction(mine, aliceSees.seen[4]![0], alice.user.id);
  assert.deepEqual(
    mine.map((r) => r.emoji),
    ['👍🏽', ':party_parrot:'],
  );

  await assert.rejects(
    bob.client.put('/messages/{messageId}/reactions/{emoji}', on('ab')),
    (error: unknown) => error instanceof ApiError && error.status === 400 && error.code === 'validation_failed',
  );
});

test('pins: PUT answers the Message with pinnedAt, message.updated carries it, the pins list follows; members of a group get 403', async () => {
  const { alice, bob } = await friends();
  await bob.client.connect();
  const updates = record(bob.client, 'message.updated');
  const first = await send(alice.client, { recipientId: bob.user.id }, 'the address is 12 Rue Haute');
  const second = await send(alice.client, { recipientId: bob.user.id }, 'door code 4411');
  await bob.client.put('/messages/{messageId}/reactions/{emoji}', { params: { path: { messageId: first.id, emoji: '❤️' } } });

  const pinned = await bob.client.put('/messages/{messageId}/pin', { params: { path: { messageId: first.id } } });
  assert.equal(pinned.pinnedBy, bob.user.id);
  assert.ok(pinned.pinnedAt);
  await alice.client.put('/messages/{messageId}/pin', { params: { path: { messageId: second.id } } });
  await updates.until((seen) => seen.filter(([m]) => m.pinnedAt !== null).length === 2);

  // An event's copy says `me: false`; keepMyReactions keeps Bob's own flag from the copy he had.
  const [viaEvent] = updates.seen.find(([m]) => m.id === first.id)!;
  assert.deepEqual(keepMyReactions(viaEvent, pinned).reactions, [{ emoji: '❤️', count: 1, me: true }]);

  const path = { params: { path: { conversationId: first.conversationId } } };
  const pins = await alice.client.get('/conversations/{conversationId}/pins', path);
  assert.deepEqual(
    pins.messages.map((m) => m.text),
    ['door code 4411', 'the address is 12 Rue Haute'],
  );
  const page = await alice.client.get('/conversations/{conversationId}/pins', {
    ...path,
    params: { ...path.params, query: { limit: 1 } },
  });
  assert.equal(page.messages.length, 1);
  assert.ok(page.nextCursor);
  const rest = await alice.client.get('/conversations/{conversationId}/pins', {
    params: { ...path.params, query: { limit: 1, cursor: page.nextCursor } },
  });
  assert.deepEqual(
    rest.messages.map((m) => m.id),
    [first.id],
  );

  await alice.client.delete('/messages/{messageId}/pin', { params: { path: { messageId: second.id } } });
  await updates.until((seen) => seen.some(([m]) => m.id === second.id && m.pinnedAt === null));
  assert.deepEqual(
    (await bob.client.get('/conversations/{conversationId}/pins', path)).messages.map((m) => m.id),
    [first.id],
  );

  const group = await alice.client.post('/groups', { body: { name: 'Pins', memberIds: [bob.user.id] } });
  const inGroup = await alice.client.post('/messages', { body: { groupId: group.id, text: 'agenda' } });
  await assert.rejects(
    bob.client.put('/messages/{messageId}/pin', { params: { path: { messageId: inGroup.id } } }),
    (error: unknown) => error instanceof ApiError && error.status === 403 && error.code === 'forbidden',
  );
});

test('search: typed filters and cursor, newest first, highlights cut into parts', async () => {
  const { alice, bob } = await friends();
  const carol = await signedIn();
  await befriend(t.current, alice.user, carol.user);
  const texts = ['Rendez-vous au Café Crème à Genève', 'Le café de la gare', 'un CAFÉ noir'];
  const sent: Message[] = [];
  for (const text of texts) sent.push(await send(alice.client, { recipientId: bob.user.id }, text));
  await send(alice.client, { recipientId: carol.user.id }, 'café avec Carol');

  const all = await alice.client.get('/search/messages', { params: { query: { q: 'cafe' } } });
  assert.deepEqual(
    all.results.map((r) => r.message.text),
    ['café avec Carol', ...[...texts].reverse()],
  );

  // Only Bob's conversation, one result a page, through the cursor.
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await alice.client.get('/search/messages', {
      params: { query: { q: 'café', conversationId: sent[0]!.conversationId, limit: 1, ...(cursor ? { cursor } : {}) } },
    });
    seen.push(...page.results.map((r) => r.message.text ?? ''));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.deepEqual(seen, [...texts].reverse());

  const [hit] = (await bob.client.get('/search/messages', { params: { query: { q: 'cafe gen', senderId: alice.user.id } } }))
    .results;
  assert.deepEqual(highlightParts(hit!.message.text!, hit!.highlights), [
    { text: 'Rendez-vous au ', highlighted: false },
    { text: 'Café', highlighted: true },
    { text: ' Crème à ', highlighted: false },
    { text: 'Genève', highlighted: true },
  ]);

  await assert.rejects(
    bob.client.get('/search/messages', { params: { query: { q: 'x' } } }),
    (error: unknown) => error instanceof ApiError && error.status === 400,
  );
});
