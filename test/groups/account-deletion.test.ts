import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createGroup, Inboxes, summary, systemMessages } from './group-helpers.js';

const t = useTestApp();

test('DELETE /profile: the deleted user leaves every group; ownership passes, a group of one is archived', async () => {
  const http = t.current.http;
  const [leaving, admin, member] = await Promise.all([1, 2, 3].map(() => createUser(t.current)));
  await befriend(t.current, leaving!, admin!);
  await befriend(t.current, leaving!, member!);
  const owned = await createGroup(t, leaving!, [member!, admin!], 'Owned');
  assert.equal((await http.put(`/groups/${owned.id}/members/${admin!.id}`, { role: 'admin' }, leaving!.token)).status, 200);
  const alone = await createGroup(t, leaving!, [], 'Alone');
  const joined = await createGroup(t, admin!, [leaving!], 'Joined');
  const inbox = new Inboxes(t);
  await inbox.follow(admin!, member!);

  assert.equal((await http.delete('/profile', leaving!.token, { password: leaving!.password })).status, 204);

  const ownedNow = await http.get(`/groups/${owned.id}`, admin!.token);
  assert.deepEqual([ownedNow.body.ownerId, ownedNow.body.myRole, ownedNow.body.memberCount], [admin!.id, 'owner', 2]);
  const members = await http.get(`/groups/${owned.id}/members`, member!.token);
  assert.deepEqual(members.body.members.map((m: any) => m.user.id).sort(), [admin!.id, member!.id].sort());
  assert.equal((await http.get(`/groups/${joined.id}`, admin!.token)).body.memberCount, 1);
  const aloneRow = await t.current.app.infra.database.db
    .selectFrom('groups')
    .select('deletedAt')
    .where('id', '=', alone.id)
    .executeTakeFirstOrThrow();
  assert.ok(aloneRow.deletedAt, 'the group only they were in is archived');

  const memberEvents = (await inbox.take(member!)).filter((e) => e.type.startsWith('group.') || e.type === 'message.created');
  assert.deepEqual(summary(memberEvents), [
    'group.member_removed',
    'group.updated',
    'message.created:member_left',
    'message.created:role_changed',
  ]);
  assert.equal(memberEvents[0]!.data.userId, leaving!.id);
  assert.deepEqual([memberEvents[1]!.data.userId, memberEvents[1]!.data.role], [admin!.id, 'owner']);
  const adminEvents = (await inbox.take(admin!)).filter((e) => e.type.startsWith('group.'));
  assert.deepEqual(summary(adminEvents), ['group.member_removed', 'group.updated', 'group.member_removed']);
  assert.equal(adminEvents[0]!.data.group.myRole, 'owner');
  const history = await systemMessages(t, owned.conversationId);
  assert.deepEqual(
    history.slice(-2).map((m) => [m.kind, m.userId]),
    [
      ['member_left', leaving!.id],
      ['role_changed', admin!.id],
    ],
  );
});
