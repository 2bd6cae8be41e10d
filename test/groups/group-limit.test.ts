import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { assertProblem, createGroup, Inboxes, notificationsOf, systemMessages } from './group-helpers.js';

const t = useTestApp({ env: { MAX_GROUP_MEMBERS: '3' } });

test('MAX_GROUP_MEMBERS=3: creation and additions beyond three members answer 409 group_full', async () => {
  const [owner, a, b, c] = await Promise.all([1, 2, 3, 4].map(() => createUser(t.current)));
  for (const u of [a!, b!, c!]) await befriend(t.current, owner!, u);
  const inbox = new Inboxes(t);
  await inbox.follow(owner!, a!, b!, c!);
  const http = t.current.http;

  const tooMany = await http.post('/groups', { name: 'Crowd', memberIds: [a!.id, b!.id, c!.id] }, owner!.token);
  assertProblem(tooMany, 409, 'group_full');
  for (const u of [owner!, a!, b!, c!]) await inbox.none(u, 'after a refused creation');

  const group = await createGroup(t, owner!, [a!, b!], 'Trio');
  assert.equal(group.memberCount, 3);
  await inbox.follow(owner!, a!, b!, c!);
  assertProblem(await http.post(`/groups/${group.id}/add`, { userId: c!.id }, owner!.token), 409, 'group_full');
  for (const u of [owner!, a!, b!, c!]) await inbox.none(u, 'after a refused addition');
  assert.equal((await notificationsOf(t, c!)).length, 0);
  assert.equal((await systemMessages(t, group.conversationId)).length, 1);

  // A place frees up when someone leaves.
  assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, b!.token)).status, 204);
  const added = await http.post(`/groups/${group.id}/add`, { userId: c!.id }, owner!.token);
  assert.equal(added.status, 200, added.text);
  assert.equal(added.body.memberCount, 3);
});

test('concurrent additions for the last place: exactly one wins, the other gets group_full', async () => {
  const [owner, a, b, c] = await Promise.all([1, 2, 3, 4].map(() => createUser(t.current)));
  for (const u of [a!, b!, c!]) await befriend(t.current, owner!, u);
  await befriend(t.current, a!, c!);
  const group = await createGroup(t, owner!, [a!], 'Duo');
  await t.current.http.put(`/groups/${group.id}/members/${a!.id}`, { role: 'admin' }, owner!.token);
  // The owner and an admin each add someone at the same moment.
  const [first, second] = await Promise.all([
    t.current.http.post(`/groups/${group.id}/add`, { userId: b!.id }, owner!.token),
    t.current.http.post(`/groups/${group.id}/add`, { userId: c!.id }, a!.token),
  ]);
  assert.deepEqual([first.status, second.status].sort(), [200, 409]);
  const loser = first.status === 409 ? first : second;
  assertProblem(loser, 409, 'group_full');
  const view = await t.current.http.get(`/groups/${group.id}`, owner!.token);
  assert.equal(view.body.memberCount, 3);
  const members = await t.current.http.get(`/groups/${group.id}/members`, owner!.token);
  assert.equal(members.body.members.length, 3);
});
