import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../src/lib/errors.js';
import { createGroupsModule } from '../../src/modules/groups/index.js';
import type { SystemMessagesPort } from '../../src/modules/ports.js';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createGroup, Inboxes, summary } from './group-helpers.js';

const t = useTestApp();

/**
 * The module built on the app's real database and transactor; the ports it does not exercise here
 * are inert, and system messages are recorded instead of written.
 */
function groupsModule() {
  const written: { groupId: string; kind: string; alsoNotify: readonly string[] }[] = [];
  const systemMessages: SystemMessagesPort = {
    async write(_trx, _emit, input) {
      written.push({ groupId: input.groupId, kind: input.data.kind, alsoNotify: input.alsoNotify ?? [] });
    },
  };
  const none = async () => {
    throw new Error('not used here');
  };
  const module = createGroupsModule({
    db: t.current.app.infra.database.db,
    transactor: t.current.app.infra.transactor,
    maxMembers: 1000,
    files: { presentFiles: async () => new Map(), assertOwnFiles: none, assertOwnImage: none },
    users: { getPublicUsers: none, idsByUsernames: none, exists: none },
    social: { friendIds: none, areFriends: none, friendsAmong: none, isBlockedEitherWay: none },
    notifications: { notify: none, bumpMessageNotification: none, clearMessageNotification: none },
    systemMessages,
  });
  return { module, written };
}

test('GroupsPort: membershipOf answers members only; presentGroups gives each viewer their own role', async () => {
  const [owner, member, outsider] = await Promise.all([1, 2, 3].map(() => createUser(t.current)));
  await befriend(t.current, owner!, member!);
  const one = await createGroup(t, owner!, [member!], 'One');
  const two = await createGroup(t, owner!, [], 'Two');
  const { module } = groupsModule();

  assert.deepEqual(await module.port.membershipOf(member!.id, one.id), {
    conversationId: one.conversationId,
    role: 'member',
    memberCount: 2,
  });
  assert.equal((await module.port.membershipOf(owner!.id, two.id)).role, 'owner');
  for (const [userId, groupId] of [
    [outsider!.id, one.id],
    [member!.id, two.id],
  ]) {
    await assert.rejects(
      module.port.membershipOf(userId, groupId),
      (err: unknown) => err instanceof AppError && err.code === 'not_found',
    );
  }

  const forOwner = await module.port.presentGroups(owner!.id, [one.id, two.id, one.id]);
  assert.deepEqual([...forOwner.keys()].sort(), [one.id, two.id].sort());
  assert.equal(forOwner.get(one.id)!.myRole, 'owner');
  const forMember = await module.port.presentGroups(member!.id, [one.id, two.id]);
  assert.deepEqual([...forMember.keys()], [one.id]);
  assert.equal(forMember.get(one.id)!.myRole, 'member');
  assert.equal(forMember.get(one.id)!.name, 'One');
  assert.equal((await module.port.presentGroups(outsider!.id, [one.id, two.id])).size, 0);
  assert.equal((await module.port.presentGroups(owner!.id, [])).size, 0);
});

test('account deletion: the user leaves every group by the usual rules, in the deletion transaction', async () => {
  const [leaving, admin, member] = await Promise.all([1, 2, 3].map(() => createUser(t.current)));
  await befriend(t.current, leaving!, admin!);
  await befriend(t.current, leaving!, member!);
  const owned = await createGroup(t, leaving!, [member!, admin!], 'Owned');
  assert.equal(
    (await t.current.http.put(`/groups/${owned.id}/members/${admin!.id}`, { role: 'admin' }, leaving!.token)).status,
    200,
  );
  const alone = await createGroup(t, leaving!, [], 'Alone');
  const joined = await createGroup(t, admin!, [], 'Joined');
  await befriend(t.current, admin!, leaving!);
  assert.equal((await t.current.http.post(`/groups/${joined.id}/add`, { userId: leaving!.id }, admin!.token)).status, 200);
  const inbox = new Inboxes(t);
  await inbox.follow(leaving!, admin!, member!);

  const { module, written } = groupsModule();
  await t.current.app.infra.transactor((trx, emit) => module.onAccountDeleted(trx, emit, leaving!.id));

  const http = t.current.http;
  assert.deepEqual((await http.get('/groups', leaving!.token)).body.groups, []);
  const ownedNow = await http.get(`/groups/${owned.id}`, admin!.token);
  assert.deepEqual([ownedNow.body.ownerId, ownedNow.body.myRole, ownedNow.body.memberCount], [admin!.id, 'owner', 2]);
  assert.equal((await http.get(`/groups/${joined.id}`, admin!.token)).body.memberCount, 1);
  const aloneRow = await t.current.app.infra.database.db
    .selectFrom('groups')
    .select('deletedAt')
    .where('id', '=', alone.id)
    .executeTakeFirstOrThrow();
  assert.ok(aloneRow.deletedAt, 'the group only they were in is archived');

  const memberEvents = await inbox.take(member!);
  assert.deepEqual(summary(memberEvents), ['group.member_removed', 'group.updated']);
  assert.deepEqual(
    [memberEvents[1]!.data.userId, memberEvents[1]!.data.role, memberEvents[1]!.data.group.myRole],
    [admin!.id, 'owner', 'member'],
  );
  assert.deepEqual(summary(await inbox.take(admin!)), ['group.member_removed', 'group.updated', 'group.member_removed']);
  assert.deepEqual(
    written.map((w) => [w.groupId, w.kind]).sort(),
    [
      [owned.id, 'member_left'],
      [owned.id, 'role_changed'],
      [alone.id, 'member_left'],
      [joined.id, 'member_left'],
    ].sort(),
  );
});
