import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { eventsSoFar } from '../helpers/sentinel.js';
import { WsClient, type Frame } from '../helpers/ws.js';

const t = useTestApp();

async function connect(token: string): Promise<WsClient> {
  return WsClient.connect(t.current.url, { token });
}

const ofType = (events: Frame[], type: string) => events.filter((f) => f.type === type);

test('a request and its acceptance: each side sees its own events, with notifications', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  const [wa, wb] = [await connect(alice.token), await connect(bob.token)];
  const sent = await t.current.http.post('/friends/add', { username: bob.username.toUpperCase() }, alice.token);
  assert.equal(sent.status, 201);
  const request = sent.body.request;
  assert.equal(request.status, 'pending');
  assert.equal(request.from.id, alice.id);
  assert.equal(request.to.id, bob.id);
  assert.equal(request.to.online, undefined, 'no presence before friendship');

  assert.equal((await wa.event('friend.request_sent')).data.id, request.id);
  assert.equal((await wb.event('friend.request_received')).data.id, request.id);
  const notified = await wb.event('notification.created');
  assert.equal(notified.data.type, 'friend_request');
  assert.equal(notified.data.actor.id, alice.id);
  assert.equal(notified.data.data.requestId, request.id);
  const aliceSaw = await eventsSoFar(t.current, alice, wa);
  assert.equal(ofType(aliceSaw, 'friend.request_received').length, 0);
  assert.equal(ofType(aliceSaw, 'notification.created').length, 0);
  assert.equal((await eventsSoFar(t.current, bob, wb, 'friend.request_sent')).length, 0);

  const lists = await t.current.http.get('/friends/requests', bob.token);
  assert.deepEqual(
    lists.body.incoming.map((r: any) => r.id),
    [request.id],
  );
  assert.deepEqual(lists.body.outgoing, []);
  assert.deepEqual(
    (await t.current.http.get('/friends/requests', alice.token)).body.outgoing.map((r: any) => r.id),
    [request.id],
  );

  const accepted = await t.current.http.post(`/friends/requests/${request.id}/accept`, undefined, bob.token);
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.friend.id, alice.id);
  assert.equal(accepted.body.friend.online, true, 'alice is connected');
  for (const ws of [wa, wb]) assert.equal((await ws.event('friend.request_accepted')).data.status, 'accepted');
  const back = await wa.event('notification.created', (n) => n.type === 'friend_accepted');
  assert.equal(back.data.actor.id, bob.id);
  assert.equal(
    (await eventsSoFar(t.current, bob, wb, 'notification.created')).length,
    1,
    'bob got only the request notification',
  );

  const friendsOfAlice = await t.current.http.get('/friends', alice.token);
  assert.equal(friendsOfAlice.status, 200);
  assert.equal(friendsOfAlice.body.friends.length, 1);
  assert.equal(friendsOfAlice.body.friends[0].user.id, bob.id);
  assert.equal(friendsOfAlice.body.friends[0].user.online, true);
  assert.ok(friendsOfAlice.body.friends[0].since);
  assert.equal(friendsOfAlice.body.nextCursor, null);
  assert.deepEqual((await t.current.http.get('/friends/requests', bob.token)).body.incoming, []);
  await Promise.all([wa.close(), wb.close()]);
});

test('a mutual request auto-accepts', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  const wa = await connect(alice.token);
  const first = await t.current.http.post('/friends/add', { userId: bob.id }, alice.token);
  assert.equal(first.status, 201);
  const second = await t.current.http.post('/friends/add', { userId: alice.id }, bob.token);
  assert.equal(second.status, 200);
  assert.equal(second.body.friend.id, alice.id);
  assert.equal(second.body.friend.online, true);
  const accepted = await wa.event('friend.request_accepted');
  assert.equal(accepted.data.id, first.body.request.id);
  assert.equal((await t.current.http.get('/friends', bob.token)).body.friends[0].user.id, alice.id);
  await wa.close();
});

test('three users: decline, cancel and accept reach only the people involved', async () => {
  const [alice, bob, carol] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  const [wa, wb, wc] = [await connect(alice.token), await connect(bob.token), await connect(carol.token)];
  const toBob = (await t.current.http.post('/friends/add', { userId: bob.id }, alice.token)).body.request;
  const toCarol = (await t.current.http.post('/friends/add', { userId: carol.id }, alice.token)).body.request;
  await wc.event('friend.request_received');
  assert.equal((await t.current.http.post(`/friends/requests/${toCarol.id}/decline`, undefined, carol.token)).status, 204);
  for (const ws of [wa, wc]) assert.equal((await ws.event('friend.request_declined')).data.status, 'declined');
  assert.equal((await t.current.http.delete(`/friends/requests/${toBob.id}`, alice.token)).status, 204);
  for (const ws of [wa, wb]) assert.equal((await ws.event('friend.request_cancelled')).data.id, toBob.id);
  const [bobSaw, carolSaw] = [await eventsSoFar(t.current, bob, wb), await eventsSoFar(t.current, carol, wc)];
  assert.equal(ofType(bobSaw, 'friend.request_declined').length, 0);
  assert.equal(ofType(carolSaw, 'friend.request_cancelled').length, 0);
  assert.equal(ofType(bobSaw, 'friend.request_received').length, 1);
  assert.equal(ofType(carolSaw, 'friend.request_received').length, 1);
  assert.deepEqual((await t.current.http.get('/friends/requests', alice.token)).body.outgoing, []);

  // A cancelled or declined request cannot be accepted any more; a new one can.
  assert.equal((await t.current.http.post(`/friends/requests/${toBob.id}/accept`, undefined, bob.token)).status, 404);
  const again = (await t.current.http.post('/friends/add', { userId: carol.id }, alice.token)).body.request;
  assert.equal((await t.current.http.post(`/friends/requests/${again.id}/accept`, undefined, carol.token)).status, 200);
  await wa.event('friend.request_accepted');
  assert.equal((await eventsSoFar(t.current, bob, wb, 'friend.request_accepted')).length, 0);
  await Promise.all([wa.close(), wb.close(), wc.close()]);
});

test('request error paths', async () => {
  const [alice, bob, carol] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  const post = (body: unknown, token = alice.token) => t.current.http.post('/friends/add', body, token);
  assert.equal((await post({ userId: alice.id })).status, 400);
  assert.equal((await post({ username: alice.username })).status, 400);
  const unknown = await post({ userId: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'not_found');
  assert.equal((await post({ username: 'nobody_here_at_all' })).status, 404);
  const neither = await post({});
  assert.equal(neither.status, 400);
  assert.equal(neither.body.code, 'validation_failed');
  assert.equal((await post({ userId: bob.id, username: bob.username })).status, 400);
  assert.equal((await post({ userId: 'not-a-uuid' })).status, 400);
  assert.equal((await post({ userId: bob.id, extra: 1 })).status, 400);
  assert.equal((await post({ userId: bob.id }, 'bad-token')).status, 401);

  const request = (await post({ userId: bob.id })).body.request;
  const duplicate = await post({ userId: bob.id });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.code, 'request_pending');

  const bySender = await t.current.http.post(`/friends/requests/${request.id}/accept`, undefined, alice.token);
  assert.equal(bySender.status, 403);
  assert.equal((await t.current.http.post(`/friends/requests/${request.id}/accept`, undefined, carol.token)).status, 404);
  assert.equal((await t.current.http.post(`/friends/requests/${request.id}/decline`, undefined, alice.token)).status, 403);
  assert.equal((await t.current.http.post(`/friends/requests/${request.id}/decline`, undefined, carol.token)).status, 404);
  assert.equal((await t.current.http.delete(`/friends/requests/${request.id}`, bob.token)).status, 403);
  assert.equal((await t.current.http.delete(`/friends/requests/${request.id}`, carol.token)).status, 404);
  assert.equal(
    (await t.current.http.post('/friends/requests/0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b/accept', undefined, bob.token)).status,
    404,
  );
  assert.equal((await t.current.http.post('/friends/requests/nope/accept', undefined, bob.token)).status, 400);

  assert.equal((await t.current.http.post(`/friends/requests/${request.id}/accept`, undefined, bob.token)).status, 200);
  const already = await post({ username: bob.username });
  assert.equal(already.status, 409);
  assert.equal(already.body.code, 'already_friends');
  assert.equal((await post({ userId: alice.id }, bob.token)).body.code, 'already_friends');
});

test('removing a friend tells both; removing a stranger is refused', async () => {
  const [alice, bob, carol] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, alice, bob);
  const [wa, wb, wc] = [await connect(alice.token), await connect(bob.token), await connect(carol.token)];
  assert.equal((await t.current.http.post('/friends/remove', { userId: bob.id }, alice.token)).status, 204);
  assert.equal((await wa.event('friend.removed')).data.userId, bob.id);
  assert.equal((await wb.event('friend.removed')).data.userId, alice.id);
  assert.deepEqual((await t.current.http.get('/friends', alice.token)).body.friends, []);
  const again = await t.current.http.post('/friends/remove', { userId: bob.id }, alice.token);
  assert.equal(again.status, 403);
  assert.equal(again.body.code, 'not_friends');
  assert.equal(
    (await t.current.http.post('/friends/remove', { userId: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b' }, alice.token)).status,
    404,
  );
  assert.equal((await t.current.http.post('/friends/remove', { userId: alice.id }, alice.token)).status, 400);
  assert.deepEqual(await eventsSoFar(t.current, carol, wc), [], 'carol saw nothing');
  await Promise.all([wa.close(), wb.close(), wc.close()]);
});

test('blocking ends the friendship, hides their requests and refuses yours', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, alice, bob);
  const [wa, wb] = [await connect(alice.token), await connect(bob.token)];
  assert.equal((await t.current.http.post('/blocks', { userId: bob.id }, alice.token)).status, 204);
  assert.equal((await wa.event('block.created')).data.userId, bob.id);
  assert.equal((await wa.event('friend.removed')).data.userId, bob.id);
  assert.equal((await wb.event('friend.removed')).data.userId, alice.id);

  // Bob's request answers as usual but never reaches Alice.
  const hidden = await t.current.http.post('/friends/add', { userId: alice.id }, bob.token);
  assert.equal(hidden.status, 201);
  await wb.event('friend.request_sent');
  assert.equal((await t.current.http.get('/friends/requests', bob.token)).body.outgoing.length, 1);
  assert.deepEqual((await t.current.http.get('/friends/requests', alice.token)).body.incoming, []);
  assert.equal(
    (await t.current.http.post(`/friends/requests/${hidden.body.request.id}/accept`, undefined, alice.token)).status,
    404,
  );
  const refused = await t.current.http.post('/friends/add', { userId: bob.id }, alice.token);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'blocked');

  const list = await t.current.http.get('/blocks', alice.token);
  assert.deepEqual(
    list.body.blocks.map((b: any) => b.user.id),
    [bob.id],
  );
  assert.equal((await t.current.http.post('/blocks', { userId: bob.id }, alice.token)).status, 204, 'idempotent');
  assert.equal((await t.current.http.post('/blocks', { userId: alice.id }, alice.token)).status, 400);
  assert.equal(
    (await t.current.http.post('/blocks', { userId: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b' }, alice.token)).status,
    404,
  );
  const aliceSaw = await eventsSoFar(t.current, alice, wa);
  assert.equal(ofType(aliceSaw, 'block.created').length, 1);
  assert.equal((await eventsSoFar(t.current, bob, wb, 'block.created')).length, 0, 'the blocked user is not told');
  assert.equal(ofType(aliceSaw, 'friend.request_received').length, 0);
  assert.equal(ofType(aliceSaw, 'notification.created').length, 0);

  assert.equal((await t.current.http.delete(`/blocks/${bob.id}`, alice.token)).status, 204);
  assert.equal((await wa.event('block.removed')).data.userId, bob.id);
  assert.equal((await t.current.http.delete(`/blocks/${bob.id}`, alice.token)).status, 404);
  assert.deepEqual((await t.current.http.get('/blocks', alice.token)).body.blocks, []);
  // After unblocking, asking back accepts Bob's standing request.
  const friends = await t.current.http.post('/friends/add', { userId: bob.id }, alice.token);
  assert.equal(friends.status, 200);
  assert.equal(friends.body.friend.id, bob.id);
  await Promise.all([wa.close(), wb.close()]);
});

test('blocking cancels your own pending request to them', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  const wb = await connect(bob.token);
  const request = (await t.current.http.post('/friends/add', { userId: bob.id }, alice.token)).body.request;
  assert.equal((await t.current.http.post('/blocks', { userId: bob.id }, alice.token)).status, 204);
  assert.equal((await wb.event('friend.request_cancelled')).data.id, request.id);
  assert.deepEqual((await t.current.http.get('/friends/requests', bob.token)).body.incoming, []);
  await wb.close();
});

test('friends list pages with an opaque cursor', async () => {
  const me = await createUser(t.current);
  const others = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  for (const other of others) {
    const request = (await t.current.http.post('/friends/add', { userId: other.id }, me.token)).body.request;
    await t.current.http.post(`/friends/requests/${request.id}/accept`, undefined, other.token);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await t.current.http.get(`/friends?limit=2${cursor ? `&cursor=${cursor}` : ''}`, me.token);
    assert.equal(page.status, 200);
    assert.ok(page.body.friends.length <= 2);
    seen.push(...page.body.friends.map((f: any) => f.user.id));
    for (const f of page.body.friends) assert.equal(f.user.online, false);
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.deepEqual([...seen].sort(), others.map((o) => o.id).sort());
  assert.equal(seen[0], others[2]!.id, 'newest friendship first');
  assert.equal((await t.current.http.get('/friends?cursor=garbage', me.token)).status, 400);
  assert.equal((await t.current.http.get('/friends?limit=1000', me.token)).status, 400);
});

test('deleting an account ends its friendships and cancels its pending requests', async () => {
  const [alice, bob, carol, dave] = [
    await createUser(t.current),
    await createUser(t.current),
    await createUser(t.current),
    await createUser(t.current),
  ];
  await befriend(t.current, alice, bob);
  const fromCarol = (await t.current.http.post('/friends/add', { userId: alice.id }, carol.token)).body.request;
  const toDave = (await t.current.http.post('/friends/add', { userId: dave.id }, alice.token)).body.request;
  const [wa, wb, wc, wd] = [
    await connect(alice.token),
    await connect(bob.token),
    await connect(carol.token),
    await connect(dave.token),
  ];

  const deleted = await t.current.http.request('DELETE', '/profile', { token: alice.token, body: { password: alice.password } });
  assert.equal(deleted.status, 204);
  assert.equal((await wb.event('friend.removed')).data.userId, alice.id);
  assert.equal((await wc.event('friend.request_cancelled')).data.id, fromCarol.id);
  assert.equal((await wd.event('friend.request_cancelled')).data.id, toDave.id);
  assert.equal(await wa.waitClose(), 4001, "the deleted account's sockets close");
  assert.deepEqual((await t.current.http.get('/friends', bob.token)).body.friends, []);
  assert.deepEqual((await t.current.http.get('/friends/requests', carol.token)).body.outgoing, []);
  assert.deepEqual((await t.current.http.get('/friends/requests', dave.token)).body.incoming, []);
  assert.equal((await t.current.http.post('/friends/add', { userId: alice.id }, bob.token)).status, 404);
  await Promise.all([wb.close(), wc.close(), wd.close()]);
});
