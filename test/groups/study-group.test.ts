import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { Inboxes, notificationsOf, only, summary, systemMessages } from './group-helpers.js';

const t = useTestApp();

test('a study group of four: created, one added later, one removed, one leaves, the owner leaves', async () => {
  const http = t.current.http;
  const [olivia, ann, ben, cid] = await Promise.all([
    createUser(t.current, { username: 'olivia_sg' }),
    createUser(t.current, { username: 'ann_sg' }),
    createUser(t.current, { username: 'ben_sg' }),
    createUser(t.current, { username: 'cid_sg' }),
  ]);
  for (const friend of [ann, ben, cid]) await befriend(t.current, olivia, friend);
  await befriend(t.current, ann, cid);
  const inbox = new Inboxes(t);
  await inbox.follow(olivia, ann, ben, cid);

  // Olivia creates the group with two friends.
  const created = await http.post(
    '/groups',
    { name: '  Algebra study ', memberIds: [ann.id, ben.id], description: 'Tuesdays' },
    olivia.token,
  );
  assert.equal(created.status, 201, created.text);
  const group = created.body;
  assert.equal(group.name, 'Algebra study');
  assert.equal(group.description, 'Tuesdays');
  assert.equal(group.ownerId, olivia.id);
  assert.equal(group.myRole, 'owner');
  assert.equal(group.memberCount, 3);
  assert.equal(group.avatar, null);
  for (const [user, role] of [
    [olivia, 'owner'],
    [ann, 'member'],
    [ben, 'member'],
  ] as const) {
    const events = await inbox.take(user);
    const notified = user === olivia ? [] : ['notification.created'];
    assert.deepEqual(summary(events), ['group.created', 'message.created:group_created', ...notified], user.username);
    if (user !== olivia) assert.equal(only(events, 'notification.created').data.type, 'group_added');
    const event = only(events, 'group.created');
    assert.equal(event.data.group.id, group.id);
    assert.equal(event.data.group.myRole, role);
    assert.equal(event.data.group.memberCount, 3);
  }
  await inbox.none(cid, 'before being added');
  assert.deepEqual(
    (await notificationsOf(t, ann)).map((n) => [n.type, n.actorId, n.data.groupId]),
    [['group_added', olivia.id, group.id]],
  );
  assert.equal((await notificationsOf(t, ben)).length, 1);
  assert.equal((await notificationsOf(t, olivia)).length, 0, 'the creator is not notified');
  assert.equal((await notificationsOf(t, cid)).length, 0);
  assert.equal((await http.get(`/groups/${group.id}`, cid.token)).status, 404, 'not yet a member');

  // Olivia makes Ann an admin.
  const promoted = await http.put(`/groups/${group.id}/members/${ann.id}`, { role: 'admin' }, olivia.token);
  assert.equal(promoted.status, 200, promoted.text);
  for (const [user, role] of [
    [olivia, 'owner'],
    [ann, 'admin'],
    [ben, 'member'],
  ] as const) {
    const events = await inbox.take(user);
    assert.deepEqual(summary(events), ['group.updated', 'message.created:role_changed'], user.username);
    const event = only(events, 'group.updated');
    assert.deepEqual([event.data.userId, event.data.role, event.data.group.myRole], [ann.id, 'admin', role]);
  }
  await inbox.none(cid);

  // Ann, an admin, adds her friend Cid.
  const added = await http.post(`/groups/${group.id}/add`, { userId: cid.id }, ann.token);
  assert.equal(added.status, 200, added.text);
  assert.equal(added.body.memberCount, 4);
  assert.equal(added.body.myRole, 'admin');
  for (const [user, role] of [
    [olivia, 'owner'],
    [ann, 'admin'],
    [ben, 'member'],
    [cid, 'member'],
  ] as const) {
    const events = await inbox.take(user);
    assert.deepEqual(summary(events), [
      'group.member_added',
      'message.created:member_added',
      ...(user === cid ? ['notification.created'] : []),
    ]);
    const event = only(events, 'group.member_added');
    assert.deepEqual([event.data.userId, event.data.role, event.data.group.myRole], [cid.id, 'member', role]);
  }
  const cidNotes = await notificationsOf(t, cid);
  assert.deepEqual(
    cidNotes.map((n) => [n.type, n.actorId, n.data.groupId, n.read]),
    [['group_added', ann.id, group.id, false]],
  );
  assert.equal((await notificationsOf(t, ben)).length, 1, 'others are not notified of additions');
  const seenByCid = await http.get(`/groups/${group.id}`, cid.token);
  assert.equal(seenByCid.status, 200);
  assert.equal(seenByCid.body.myRole, 'member');
  const members = await http.get(`/groups/${group.id}/members`, cid.token);
  assert.equal(members.status, 200);
  assert.deepEqual(members.body.members.map((m: any) => [m.user.username, m.role]).sort(), [
    ['ann_sg', 'admin'],
    ['ben_sg', 'member'],
    ['cid_sg', 'member'],
    ['olivia_sg', 'owner'],
  ]);

  // Ann removes Ben: he is told, then loses access.
  const removed = await http.post(`/groups/${group.id}/remove`, { userId: ben.id }, ann.token);
  assert.equal(removed.status, 200, removed.text);
  assert.equal(removed.body.memberCount, 3);
  for (const user of [olivia, ann, ben, cid]) {
    const events = await inbox.take(user);
    assert.deepEqual(summary(events), ['group.member_removed', 'message.created:member_removed'], user.username);
    const event = only(events, 'group.member_removed');
    assert.equal(event.data.userId, ben.id);
    assert.equal(event.data.group.memberCount, 3);
  }
  assert.equal((await http.get(`/groups/${group.id}`, ben.token)).status, 404);
  assert.equal((await http.get(`/groups/${group.id}/members`, ben.token)).status, 404);
  assert.deepEqual((await http.get('/groups', ben.token)).body.groups, []);

  // Cid leaves.
  const left = await http.post(`/groups/${group.id}/leave`, undefined, cid.token);
  assert.equal(left.status, 204, left.text);
  for (const user of [olivia, ann, cid]) {
    const events = await inbox.take(user);
    assert.deepEqual(summary(events), ['group.member_removed', 'message.created:member_left'], user.username);
    assert.equal(only(events, 'group.member_removed').data.userId, cid.id);
  }
  await inbox.none(ben, 'after his removal');
  assert.equal((await http.get(`/groups/${group.id}`, cid.token)).status, 404);

  // Olivia, the owner, leaves: Ann, the longest-standing admin, becomes owner.
  assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, olivia.token)).status, 204);
  const oliviaEvents = await inbox.take(olivia);
  assert.deepEqual(summary(oliviaEvents), ['group.member_removed', 'message.created:member_left']);
  const annEvents = await inbox.take(ann);
  assert.deepEqual(summary(annEvents), [
    'group.member_removed',
    'group.updated',
    'message.created:member_left',
    'message.created:role_changed',
  ]);
  assert.equal(only(annEvents, 'group.member_removed').data.group.myRole, 'owner');
  assert.deepEqual([only(annEvents, 'group.updated').data.userId, only(annEvents, 'group.updated').data.role], [ann.id, 'owner']);
  await inbox.none(ben);
  await inbox.none(cid, 'after leaving');
  const seenByAnn = await http.get(`/groups/${group.id}`, ann.token);
  assert.deepEqual([seenByAnn.body.ownerId, seenByAnn.body.myRole, seenByAnn.body.memberCount], [ann.id, 'owner', 1]);

  // Ann, the last member, leaves: the group is archived.
  assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, ann.token)).status, 204);
  assert.deepEqual(summary(await inbox.take(ann)), ['group.member_removed', 'message.created:member_left']);
  assert.equal((await http.get(`/groups/${group.id}`, ann.token)).status, 404);
  const row = await t.current.app.infra.database.db
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', group.id)
    .executeTakeFirstOrThrow();
  assert.ok(row.deletedAt, 'archived');
  assert.equal(row.memberCount, 0);

  // The history tells the whole story, in order.
  const history = await systemMessages(t, group.conversationId);
  assert.deepEqual(
    history.map((m) => [m.kind, m.userId ?? null, m.role ?? null]),
    [
      ['group_created', null, null],
      ['role_changed', ann.id, 'admin'],
      ['member_added', cid.id, null],
      ['member_removed', ben.id, null],
      ['member_left', cid.id, null],
      ['member_left', olivia.id, null],
      ['role_changed', ann.id, 'owner'],
      ['member_left', ann.id, null],
    ],
  );
  assert.deepEqual(
    history.map((m) => m.seq),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
  assert.equal(history[0]!.name, 'Algebra study');
});
