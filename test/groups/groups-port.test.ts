import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../src/lib/errors.js';
import { createGroupsModule } from '../../src/modules/groups/index.js';
import type { SystemMessagesPort } from '../../src/modules/ports.js';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createGroup } from './group-helpers.js';

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
    social: { friendIds: none, areFriends: none, friendsAmong: none, mayMessage: none, mayMessageMany: none },
    notifications: { notify: none },
    systemMessages,
    limiter: t.current.app.infra.limiter,
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
