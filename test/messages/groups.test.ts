import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSystemMessages } from '../../src/modules/messages/index.js';
import type { FilesPort } from '../../src/modules/ports.js';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createGroupRows, eventsOf, send } from './support.js';

const t = useTestApp();

const noFiles: FilesPort = {
  presentFiles: async () => new Map(),
  assertOwnFiles: async () => undefined,
  assertOwnImage: async () => undefined,
};

async function studyGroup() {
  const owner = await createUser(t.current, { username: `own_${Date.now() % 1e8}` });
  const admin = await createUser(t.current);
  const member = await createUser(t.current);
  const outsider = await createUser(t.current);
  for (const u of [admin, member, outsider]) await befriend(t.current, owner, u);
  const group = await createGroupRows(t.current, owner, [{ user: admin, role: 'admin' }, { user: member }]);
  return { owner, admin, member, outsider, ...group };
}

test('group messages reach every member; mentions by id and @username count members only; replies carry a preview', async () => {
  const { owner, admin, member, outsider, groupId, conversationId } = await studyGroup();
  const hello = await send(t.current, owner, { groupId, text: 'welcome all' });
  assert.equal(hello.status, 201);
  assert.equal(hello.body.groupId, groupId);
  assert.equal(hello.body.conversationId, conversationId);
  assert.equal(hello.body.recipientId, null);
  assert.equal(hello.body.status, null, 'no status in groups');
  for (const u of [owner, admin, member]) assert.equal((await eventsOf(t.current, u, 'message.created')).length, 1);
  assert.equal((await eventsOf(t.current, outsider)).length, 0);

  const text = `@${member.username} and @${outsider.username} and @nobody_here, see this`;
  const mention = await send(t.current, admin, { groupId, text, mentions: [owner.id, outsider.id], replyToId: hello.body.id });
  assert.equal(mention.status, 201);
  assert.deepEqual([...mention.body.mentions].sort(), [owner.id, member.id].sort());
  assert.deepEqual(mention.body.replyTo, { id: hello.body.id, senderId: owner.id, text: 'welcome all' });
  const db = t.current.app.infra.database.db;
  const mentionNotes = await db
    .selectFrom('notifications')
    .select(['userId'])
    .where('type', '=', 'mention')
    .where('userId', 'in', [owner.id, member.id, outsider.id, admin.id])
    .execute();
  assert.deepEqual(mentionNotes.map((n) => n.userId).sort(), [owner.id, member.id].sort());
  const created = await eventsOf(t.current, member, 'notification.created');
  assert.ok(created.some((e) => e.data.type === 'mention'));

  const history = await t.current.http.get(`/messages/group/${groupId}`, member.token);
  assert.equal(history.status, 200);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.seq),
    [1, 2],
  );
  assert.equal(history.body.messages[1].replyTo.text, 'welcome all');
});

test('outsiders and removed members get 404; only the sender or an owner/admin deletes', async () => {
  const { owner, admin, member, outsider, groupId, conversationId } = await studyGroup();
  const fromMember = await send(t.current, member, { groupId, text: 'mine' });
  const fromOwner = await send(t.current, owner, { groupId, text: 'boss' });
  const denied = await send(t.current, outsider, { groupId, text: 'let me in' });
  assert.equal(denied.status, 404);
  assert.equal(denied.body.code, 'not_found');
  assert.equal((await t.current.http.get(`/messages/group/${groupId}`, outsider.token)).status, 404);
  assert.equal((await t.current.http.get(`/messages/${fromMember.body.id}/receipts`, outsider.token)).status, 404);
  assert.equal((await send(t.current, owner, { groupId: '00000000-0000-7000-8000-000000000000', text: 'x' })).status, 404);

  assert.equal((await t.current.http.delete(`/messages/${fromOwner.body.id}`, member.token)).status, 403);
  assert.equal((await t.current.http.patch(`/messages/${fromMember.body.id}`, { text: 'x' }, admin.token)).status, 403);
  assert.equal((await t.current.http.delete(`/messages/${fromMember.body.id}`, admin.token)).status, 204);
  const deleted = await eventsOf(t.current, member, 'message.deleted');
  assert.equal(deleted.length, 1);
  assert.equal(deleted[0]!.data.text, null);

  const db = t.current.app.infra.database.db;
  await db
    .deleteFrom('conversationMembers')
    .where('conversationId', '=', conversationId)
    .where('userId', '=', member.id)
    .execute();
  assert.equal((await send(t.current, member, { groupId, text: 'still here?' })).status, 404);
  assert.equal((await t.current.http.get(`/messages/group/${groupId}`, member.token)).status, 404);
  assert.equal((await t.current.http.get(`/conversations/${conversationId}/messages`, member.token)).status, 404);
  const list = await t.current.http.get('/conversations', member.token);
  assert.equal(
    list.body.conversations.some((c: any) => c.id === conversationId),
    false,
  );
  const before = (await eventsOf(t.current, member)).length;
  await send(t.current, owner, { groupId, text: 'after removal' });
  assert.equal((await eventsOf(t.current, member)).length, before, 'no events after removal');
});

test('group receipts: per-member lists, message.read to the sender (coalesced), never message.delivered', async () => {
  const { owner, admin, member, groupId } = await studyGroup();
  const first = await send(t.current, owner, { groupId, text: 'r1' });
  const second = await send(t.current, owner, { groupId, text: 'r2' });
  await t.current.http.get(`/messages/group/${groupId}`, member.token);
  let receipts = await t.current.http.get(`/messages/${second.body.id}/receipts`, admin.token);
  assert.deepEqual(
    receipts.body.delivered.map((r: any) => r.userId),
    [member.id],
  );
  assert.deepEqual(receipts.body.read, []);
  assert.equal((await eventsOf(t.current, owner, 'message.delivered')).length, 0);

  assert.equal((await t.current.http.post(`/messages/${first.body.id}/read`, undefined, member.token)).status, 204);
  assert.equal((await t.current.http.post(`/messages/${second.body.id}/read`, undefined, member.token)).status, 204);
  let reads = (await eventsOf(t.current, owner, 'message.read')).filter((e) => e.data.userId === member.id);
  assert.deepEqual(
    reads.map((e) => e.data.upToSeq),
    [1],
    'the second read within 2 s is held back',
  );
  assert.equal(
    (await eventsOf(t.current, admin, 'message.read')).filter((e) => e.data.userId === member.id).length,
    0,
    'non-senders hear nothing',
  );
  await sleep(2300);
  reads = (await eventsOf(t.current, owner, 'message.read')).filter((e) => e.data.userId === member.id);
  assert.deepEqual(
    reads.map((e) => e.data.upToSeq),
    [1, 2],
    'then one trailing event catches up',
  );
  receipts = await t.current.http.get(`/messages/${first.body.id}/receipts`, owner.token);
  assert.deepEqual(
    receipts.body.read.map((r: any) => r.userId),
    [member.id],
  );
  assert.deepEqual(
    receipts.body.delivered.map((r: any) => r.userId),
    [member.id],
  );
});

test('system messages from the groups side go to members and to alsoNotify, in history order', async () => {
  const { owner, member, outsider, groupId, conversationId } = await studyGroup();
  await send(t.current, owner, { groupId, text: 'before' });
  // The messages module's own writer, as the groups module gets it (a system message has no files).
  const systemMessages = createSystemMessages({ files: noFiles });
  await t.current.app.infra.transactor(async (trx, emit) => {
    await systemMessages.write(trx, emit, {
      conversationId,
      groupId,
      actorId: owner.id,
      data: { kind: 'member_removed', userId: outsider.id },
      alsoNotify: [outsider.id],
    });
  });
  const history = await t.current.http.get(`/messages/group/${groupId}`, member.token);
  const last = history.body.messages.at(-1);
  assert.equal(last.type, 'system');
  assert.equal(last.seq, 2);
  assert.equal(last.text, null);
  assert.deepEqual(last.system, { kind: 'member_removed', userId: outsider.id });
  const told = await eventsOf(t.current, outsider, 'message.created');
  assert.equal(told.length, 1);
  assert.equal(told[0]!.data.system.kind, 'member_removed');
  assert.equal((await t.current.http.delete(`/messages/${last.id}`, owner.token)).status, 403);
});

test('through the groups API: system messages in history, a late member reads old history but has no old unread', async () => {
  const owner = await createUser(t.current);
  const early = await createUser(t.current);
  const late = await createUser(t.current);
  for (const u of [early, late]) await befriend(t.current, owner, u);
  const created = await t.current.http.post('/groups', { name: 'Physics', memberIds: [early.id] }, owner.token);
  assert.equal(created.status, 201);
  const groupId = created.body.id;
  await send(t.current, owner, { groupId, text: 'before you came' });
  await send(t.current, early, { groupId, text: 'me too' });
  assert.equal((await t.current.http.post(`/groups/${groupId}/add`, { userId: late.id }, owner.token)).status, 200);
  await send(t.current, early, { groupId, text: 'welcome' });

  const history = await t.current.http.get(`/messages/group/${groupId}`, late.token);
  assert.equal(history.status, 200);
  assert.deepEqual(
    history.body.messages.map((m: any) => (m.type === 'system' ? m.system.kind : m.text)),
    ['group_created', 'before you came', 'me too', 'member_added', 'welcome'],
  );
  assert.deepEqual(
    history.body.messages.map((m: any) => m.seq),
    [1, 2, 3, 4, 5],
  );
  const row = (await t.current.http.get('/conversations', late.token)).body.conversations.find(
    (c: any) => c.group?.id === groupId,
  );
  assert.equal(row.unreadCount, 1, 'only what was said since joining');
  assert.equal(row.group.name, 'Physics');
  const earlyRow = (await t.current.http.get('/conversations', early.token)).body.conversations.find(
    (c: any) => c.group?.id === groupId,
  );
  assert.equal(earlyRow.unreadCount, 0, 'sending read what came before');

  assert.equal((await t.current.http.post(`/groups/${groupId}/remove`, { userId: late.id }, owner.token)).status, 200);
  assert.equal((await t.current.http.get(`/messages/group/${groupId}`, late.token)).status, 404);
  assert.equal((await send(t.current, late, { groupId, text: 'hello?' })).status, 404);
  const removed = await eventsOf(t.current, late, 'message.created');
  assert.equal(removed.at(-1)!.data.system.kind, 'member_removed', 'the removed member hears of it');
});
