import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { createGroupRows, eventsOf, send } from './support.js';

const t = useTestApp();

async function group() {
  const owner = await createUser(t.current);
  const admin = await createUser(t.current);
  const member = await createUser(t.current);
  const outsider = await createUser(t.current);
  for (const u of [admin, member]) await befriend(t.current, owner, u);
  const rows = await createGroupRows(t.current, owner, [{ user: admin, role: 'admin' }, { user: member }]);
  return { owner, admin, member, outsider, ...rows };
}

test('in a direct chat either person pins and unpins; message.updated carries pinnedAt and pinnedBy', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const sent = await send(t.current, alice, { recipientId: bob.id, text: 'the address is 12 Oak St' });
  const aliceWs = await WsClient.connect(t.current.url, { token: alice.token });
  try {
    const pinned = await t.current.http.put(`/messages/${sent.body.id}/pin`, undefined, bob.token);
    assert.equal(pinned.status, 200);
    assert.equal(pinned.body.pinnedBy, bob.id);
    assert.ok(pinned.body.pinnedAt);
    const again = await t.current.http.put(`/messages/${sent.body.id}/pin`, undefined, alice.token);
    assert.equal(again.status, 200, 'idempotent');
    assert.equal(again.body.pinnedBy, bob.id);
    const updated = await aliceWs.event('message.updated', (m) => m.id === sent.body.id);
    assert.equal(updated.data.pinnedBy, bob.id);

    const list = await t.current.http.get(`/conversations/${sent.body.conversationId}/pins`, alice.token);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.messages.map((m: any) => m.id),
      [sent.body.id],
    );
    assert.equal(list.body.nextCursor, null);

    assert.equal((await t.current.http.delete(`/messages/${sent.body.id}/pin`, alice.token)).status, 204);
    assert.equal((await t.current.http.delete(`/messages/${sent.body.id}/pin`, alice.token)).status, 204, 'idempotent');
    const unpinned = await aliceWs.event('message.updated', (m) => m.id === sent.body.id && m.pinnedAt === null);
    assert.equal(unpinned.data.pinnedBy, null);
    assert.equal(aliceWs.events('message.updated').length, 2, 'one event per change, none for the repeats');
    const empty = await t.current.http.get(`/conversations/${sent.body.conversationId}/pins`, alice.token);
    assert.deepEqual(empty.body.messages, []);
    const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
    assert.equal(history.body.messages[0].pinnedAt, null);
  } finally {
    await aliceWs.close();
  }
});

test('in groups owners and admins pin (403 for members, 404 for outsiders) and a system message records it', async () => {
  const { owner, admin, member, outsider, conversationId, groupId } = await group();
  const sent = await send(t.current, member, { groupId, text: 'meeting at 5' });
  const denied = await t.current.http.put(`/messages/${sent.body.id}/pin`, undefined, member.token);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.code, 'forbidden');
  assert.equal((await t.current.http.put(`/messages/${sent.body.id}/pin`, undefined, outsider.token)).status, 404);
  assert.equal((await t.current.http.get(`/conversations/${conversationId}/pins`, outsider.token)).status, 404);

  const pinned = await t.current.http.put(`/messages/${sent.body.id}/pin`, undefined, admin.token);
  assert.equal(pinned.status, 200);
  assert.equal(pinned.body.pinnedBy, admin.id);
  const created = await eventsOf(t.current, member, 'message.created');
  const system = created.at(-1)!.data;
  assert.equal(system.type, 'system');
  assert.deepEqual(system.system, { kind: 'message_pinned', messageId: sent.body.id });
  assert.equal(system.senderId, admin.id);
  const updates = await eventsOf(t.current, owner, 'message.updated');
  assert.equal(updates.at(-1)!.data.pinnedBy, admin.id);

  assert.equal((await t.current.http.delete(`/messages/${sent.body.id}/pin`, member.token)).status, 403);
  assert.equal((await t.current.http.delete(`/messages/${sent.body.id}/pin`, owner.token)).status, 204);
  const after = await eventsOf(t.current, member, 'message.created');
  assert.deepEqual(after.at(-1)!.data.system, { kind: 'message_unpinned', messageId: sent.body.id });
  assert.equal(
    (await t.current.http.put(`/messages/${system.id}/pin`, undefined, owner.token)).status,
    400,
    'not system messages',
  );
});

test('at most 50 pins per conversation, listed most recently pinned first with a cursor; deleting unpins', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const ids: string[] = [];
  for (let i = 0; i < 51; i += 1) ids.push((await send(t.current, alice, { recipientId: bob.id, text: `note ${i}` })).body.id);
  for (const id of ids.slice(0, 50))
    assert.equal((await t.current.http.put(`/messages/${id}/pin`, undefined, alice.token)).status, 200);
  const full = await t.current.http.put(`/messages/${ids[50]}/pin`, undefined, bob.token);
  assert.equal(full.status, 409);
  assert.equal(full.body.code, 'too_many_pins');
  assert.equal((await t.current.http.put(`/messages/${ids[3]}/pin`, undefined, bob.token)).status, 200, 'already pinned');

  const conversationId = (await t.current.http.get(`/messages/${bob.id}?limit=1`, alice.token)).body.messages[0].conversationId;
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=20&cursor=${cursor}` : '?limit=20';
    const page = await t.current.http.get(`/conversations/${conversationId}/pins${query}`, bob.token);
    assert.equal(page.status, 200);
    seen.push(...page.body.messages.map((m: any) => m.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, ids.slice(0, 50).reverse());

  assert.equal((await t.current.http.delete(`/messages/${ids[0]}`, alice.token)).status, 204);
  assert.equal((await t.current.http.put(`/messages/${ids[50]}/pin`, undefined, bob.token)).status, 200, 'room again');
  const bad = await t.current.http.get(`/conversations/${conversationId}/pins?cursor=bm9wZQ`, bob.token);
  assert.equal(bad.status, 400);
});
