import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { newId } from '../../src/lib/ids.js';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';

const t = useTestApp({ env: { PRESENCE_GRACE_SECONDS: '1' } });
const presenceOf = (ws: WsClient, userId: string) => ws.frames.filter((f) => f.type === 'presence.updated' && f.data.userId === userId);

test('friends, and only friends, see someone come online and go offline after the grace period', async () => {
  const [alice, bob, carol] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, alice, bob);
  const [wb, wc] = [await WsClient.connect(t.current.url, { token: bob.token }), await WsClient.connect(t.current.url, { token: carol.token })];

  const phone = await WsClient.connect(t.current.url, { token: alice.token });
  const online = await wb.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id);
  assert.deepEqual(online.data, { userId: alice.id, online: true, lastSeenAt: null });
  assert.equal(online.seq, undefined, 'ephemeral frames carry no seq');
  const laptop = await WsClient.connect(t.current.url, { token: alice.token });
  assert.equal((await t.current.http.get('/friends', bob.token)).body.friends[0].user.online, true);

  await phone.close();
  await sleep(1500);
  assert.equal(presenceOf(wb, alice.id).length, 1, 'still online while the laptop is connected');
  const closedAt = Date.now();
  await laptop.close();
  const offline = await wb.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id && !f.data.online, { timeoutMs: 4000 });
  const lastSeen = Date.parse(offline.data.lastSeenAt);
  assert.ok(Math.abs(lastSeen - closedAt) < 500, 'lastSeenAt is the close time, not the end of the grace');
  assert.ok(Date.now() - closedAt >= 900, 'offline only after the grace period');
  const friend = (await t.current.http.get('/friends', bob.token)).body.friends[0].user;
  assert.equal(friend.online, false);
  assert.equal(friend.lastSeenAt, offline.data.lastSeenAt);
  const row = await t.current.app.infra.database.db.selectFrom('users').select('lastSeenAt').where('id', '=', alice.id).executeTakeFirst();
  assert.equal(row?.lastSeenAt?.toISOString(), offline.data.lastSeenAt);

  await sleep(200);
  assert.equal(presenceOf(wc, alice.id).length, 0, 'carol is not a friend');
  const stranger = (await t.current.http.get(`/friends`, carol.token)).body.friends;
  assert.deepEqual(stranger, []);
  await Promise.all([wb.close(), wc.close()]);
});

test('a link that flaps within the grace period makes no noise', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, alice, bob);
  const wb = await WsClient.connect(t.current.url, { token: bob.token });
  const first = await WsClient.connect(t.current.url, { token: alice.token });
  await wb.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id);
  await first.close();
  await sleep(300);
  const second = await WsClient.connect(t.current.url, { token: alice.token });
  await sleep(1500);
  assert.equal(presenceOf(wb, alice.id).length, 1, 'one online frame, no offline, no second online');
  await Promise.all([second.close(), wb.close()]);
});

async function directConversation(app: TestApp, a: TestUser, b: TestUser): Promise<string> {
  const id = newId();
  const db = app.app.infra.database.db;
  await db.insertInto('conversations').values({ id, type: 'direct', directKey: [a.id, b.id].sort().join(':'), updatedAt: new Date() }).execute();
  await db.insertInto('conversationMembers').values([a, b].map((u) => ({ conversationId: id, userId: u.id, activityAt: new Date() }))).execute();
  return id;
}

async function group(app: TestApp, members: TestUser[]): Promise<{ groupId: string; conversationId: string }> {
  const [groupId, conversationId] = [newId(), newId()];
  const db = app.app.infra.database.db;
  await db.insertInto('conversations').values({ id: conversationId, type: 'group', updatedAt: new Date() }).execute();
  await db.insertInto('groups').values({ id: groupId, conversationId, name: 'g', memberCount: members.length, ownerId: members[0]!.id, updatedAt: new Date() }).execute();
  await db.insertInto('conversationMembers').values(members.map((u) => ({ conversationId, userId: u.id, role: 'member' as const, activityAt: new Date() }))).execute();
  return { groupId, conversationId };
}

test('typing is relayed to the other side, at most once per 3 s, and refused where you cannot type', async () => {
  const [alice, bob, carol] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, alice, bob);
  const conversationId = await directConversation(t.current, alice, bob);
  const [wa, wb, wc] = await Promise.all([alice, bob, carol].map((u) => WsClient.connect(t.current.url, { token: u.token })));
  wa.send({ type: 'typing', recipientId: bob.id });
  const typing = await wb.next((f) => f.type === 'typing');
  assert.deepEqual(typing.data, { userId: alice.id, conversationId, groupId: null });
  wa.send({ type: 'typing', recipientId: bob.id });
  wa.send({ type: 'typing', recipientId: carol.id });
  const refused = await wa.next((f) => f.type === 'error');
  assert.equal(refused.data.code, 'not_found');
  await sleep(300);
  assert.equal(wb.frames.filter((f) => f.type === 'typing').length, 1, 'the repeat within 3 s is dropped');
  assert.equal(wa.frames.filter((f) => f.type === 'typing').length, 0, 'not echoed to the typist');
  assert.equal(wc.frames.filter((f) => f.type === 'typing').length, 0);
  await Promise.all([wa.close(), wb.close(), wc.close()]);
});

test('typing in a group reaches the other members only', async () => {
  const [alice, bob, carol, dave] = [await createUser(t.current), await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  const { groupId, conversationId } = await group(t.current, [alice, bob, carol]);
  const [wa, wb, wc, wd] = await Promise.all([alice, bob, carol, dave].map((u) => WsClient.connect(t.current.url, { token: u.token })));
  wa.send({ type: 'typing', groupId });
  for (const ws of [wb, wc]) assert.deepEqual((await ws.next((f) => f.type === 'typing')).data, { userId: alice.id, conversationId, groupId });
  wd.send({ type: 'typing', groupId });
  assert.equal((await wd.next((f) => f.type === 'error')).data.code, 'not_found');
  await sleep(200);
  assert.equal(wd.frames.filter((f) => f.type === 'typing').length, 0);
  assert.equal(wa.frames.filter((f) => f.type === 'typing').length, 0);
  await Promise.all([wa.close(), wb.close(), wc.close(), wd.close()]);
});
