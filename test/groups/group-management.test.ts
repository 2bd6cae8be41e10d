import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import {
  assertProblem,
  createGroup,
  Inboxes,
  insertFile,
  notificationsOf,
  only,
  summary,
  systemMessages,
} from './group-helpers.js';

const t = useTestApp();

/** An owner, an admin and a plain member, all friends of the owner, plus an outsider friend of everyone. */
async function staffedGroup() {
  const [owner, admin, member, outsider] = await Promise.all([1, 2, 3, 4].map(() => createUser(t.current)));
  for (const u of [admin, member, outsider]) await befriend(t.current, owner!, u!);
  await befriend(t.current, admin!, outsider!);
  await befriend(t.current, member!, outsider!);
  const group = await createGroup(t, owner!, [admin!, member!]);
  const res = await t.current.http.put(`/groups/${group.id}/members/${admin!.id}`, { role: 'admin' }, owner!.token);
  assert.equal(res.status, 200);
  return { owner: owner!, admin: admin!, member: member!, outsider: outsider!, group };
}

test('non-members get 404 on every group endpoint, exactly like an unknown group', async () => {
  const { owner, outsider, group } = await staffedGroup();
  const unknown = '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';
  const inbox = new Inboxes(t);
  await inbox.follow(owner);
  for (const id of [group.id, unknown]) {
    const calls = [
      t.current.http.get(`/groups/${id}`, outsider.token),
      t.current.http.get(`/groups/${id}/members`, outsider.token),
      t.current.http.put(`/groups/${id}`, { name: 'Mine now' }, outsider.token),
      t.current.http.post(`/groups/${id}/add`, { userId: outsider.id }, outsider.token),
      t.current.http.post(`/groups/${id}/remove`, { userId: owner.id }, outsider.token),
      t.current.http.post(`/groups/${id}/leave`, undefined, outsider.token),
      t.current.http.put(`/groups/${id}/members/${owner.id}`, { role: 'member' }, outsider.token),
    ];
    for (const res of await Promise.all(calls)) assertProblem(res, 404, 'not_found');
  }
  await inbox.none(owner, 'from an outsider');
  assert.deepEqual((await t.current.http.get('/groups', outsider.token)).body, { groups: [], nextCursor: null });
});

test('plain members cannot manage; admins cannot change roles or remove admins and the owner', async () => {
  const { owner, admin, member, outsider, group } = await staffedGroup();
  const inbox = new Inboxes(t);
  await inbox.follow(owner, admin, member, outsider);
  const http = t.current.http;
  const forbidden = [
    await http.put(`/groups/${group.id}`, { name: 'Renamed' }, member.token),
    await http.post(`/groups/${group.id}/add`, { userId: outsider.id }, member.token),
    await http.post(`/groups/${group.id}/remove`, { userId: admin.id }, member.token),
    await http.put(`/groups/${group.id}/members/${member.id}`, { role: 'admin' }, member.token),
    await http.put(`/groups/${group.id}/members/${member.id}`, { role: 'admin' }, admin.token),
    await http.post(`/groups/${group.id}/remove`, { userId: owner.id }, admin.token),
  ];
  for (const res of forbidden) assertProblem(res, 403, 'forbidden');
  const second = await http.post(`/groups/${group.id}/add`, { userId: outsider.id }, admin.token);
  assert.equal(second.status, 200);
  assert.equal((await http.put(`/groups/${group.id}/members/${outsider.id}`, { role: 'admin' }, owner.token)).status, 200);
  assertProblem(await http.post(`/groups/${group.id}/remove`, { userId: outsider.id }, admin.token), 403, 'forbidden');
  await inbox.take(owner);
  // The owner removes an admin.
  const removed = await http.post(`/groups/${group.id}/remove`, { userId: outsider.id }, owner.token);
  assert.equal(removed.status, 200);
  assert.deepEqual(summary(await inbox.take(owner)), ['group.member_removed', 'message.created:member_removed']);
  const group2 = await http.get(`/groups/${group.id}`, owner.token);
  assert.deepEqual([group2.body.name, group2.body.memberCount], ['Study group', 3]);
});

test('add: only friends of the actor, never twice; remove yourself is a 400', async () => {
  const { owner, admin, member, group } = await staffedGroup();
  const stranger = await createUser(t.current);
  const inbox = new Inboxes(t);
  await inbox.follow(owner, stranger);
  const http = t.current.http;
  assertProblem(await http.post(`/groups/${group.id}/add`, { userId: stranger.id }, owner.token), 403, 'not_friends');
  assertProblem(await http.post(`/groups/${group.id}/add`, { userId: member.id }, admin.token), 409, 'already_member');
  assertProblem(await http.post(`/groups/${group.id}/add`, { userId: owner.id }, owner.token), 409, 'already_member');
  assertProblem(await http.post(`/groups/${group.id}/remove`, { userId: owner.id }, owner.token), 400, 'bad_request');
  assertProblem(await http.post(`/groups/${group.id}/remove`, { userId: stranger.id }, owner.token), 404, 'not_found');
  assertProblem(await http.put(`/groups/${group.id}/members/${stranger.id}`, { role: 'admin' }, owner.token), 404, 'not_found');
  assertProblem(await http.put(`/groups/${group.id}/members/${owner.id}`, { role: 'member' }, owner.token), 400, 'bad_request');
  await inbox.none(owner, 'after refused changes');
  await inbox.none(stranger, 'after refused changes');
  assert.equal((await notificationsOf(t, stranger)).length, 0);
  // A member who left can be added back by a friend.
  assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, member.token)).status, 204);
  const back = await http.post(`/groups/${group.id}/add`, { userId: member.id }, owner.token);
  assert.equal(back.status, 200);
  assert.equal(back.body.memberCount, 3);
  assert.equal((await notificationsOf(t, member)).length, 2);
});

test('create: members must be friends, the picture your own image; nothing is written on refusal', async () => {
  const [owner, friend, stranger] = await Promise.all([1, 2, 3].map(() => createUser(t.current)));
  await befriend(t.current, owner!, friend!);
  const inbox = new Inboxes(t);
  await inbox.follow(owner!, friend!, stranger!);
  const http = t.current.http;
  const refused = await http.post('/groups', { name: 'G', memberIds: [friend!.id, stranger!.id] }, owner!.token);
  assertProblem(refused, 403, 'not_friends');
  const theirs = await insertFile(t, friend!);
  assertProblem(await http.post('/groups', { name: 'G', memberIds: [], avatarFileId: theirs }, owner!.token), 404, 'not_found');
  const pdf = await insertFile(t, owner!, 'application/pdf');
  assertProblem(await http.post('/groups', { name: 'G', memberIds: [], avatarFileId: pdf }, owner!.token), 404, 'not_found');
  for (const u of [owner!, friend!, stranger!]) await inbox.none(u, 'after a refused creation');
  assert.deepEqual((await http.get('/groups', owner!.token)).body.groups, []);

  const picture = await insertFile(t, owner!);
  const ok = await http.post(
    '/groups',
    { name: 'Pictured', memberIds: [friend!.id, friend!.id, owner!.id], avatarFileId: picture },
    owner!.token,
  );
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.body.memberCount, 2, 'duplicates and the creator are counted once');
  assert.equal(ok.body.avatar.id, picture);
  assert.match(ok.body.avatar.url, /^http/);
  const friendView = await http.get(`/groups/${ok.body.id}`, friend!.token);
  assert.equal(friendView.body.avatar.id, picture);
  assert.equal(friendView.body.myRole, 'member');
});

test('update: each real change writes its system message and one group.updated; no change sends nothing', async () => {
  const { owner, admin, member, group } = await staffedGroup();
  const inbox = new Inboxes(t);
  await inbox.follow(owner, admin, member);
  const http = t.current.http;
  const picture = await insertFile(t, admin);
  const res = await http.put(
    `/groups/${group.id}`,
    { name: 'Calculus', description: 'Thursdays', avatarFileId: picture },
    admin.token,
  );
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(
    [res.body.name, res.body.description, res.body.avatar.id, res.body.myRole],
    ['Calculus', 'Thursdays', picture, 'admin'],
  );
  for (const user of [owner, admin, member]) {
    const events = await inbox.take(user);
    assert.deepEqual(summary(events), [
      'group.updated',
      'message.created:group_renamed',
      'message.created:group_description_changed',
      'message.created:group_picture_changed',
    ]);
    assert.equal(only(events, 'group.updated').data.group.name, 'Calculus');
  }
  const same = await http.put(`/groups/${group.id}`, { name: 'Calculus', description: 'Thursdays' }, owner.token);
  assert.equal(same.status, 200);
  await inbox.none(member, 'after an update that changed nothing');
  assertProblem(
    await http.put(`/groups/${group.id}`, { avatarFileId: await insertFile(t, member) }, owner.token),
    404,
    'not_found',
  );
  const cleared = await http.put(`/groups/${group.id}`, { avatarFileId: null }, owner.token);
  assert.equal(cleared.body.avatar, null);
  assert.deepEqual(summary(await inbox.take(member)), ['group.updated', 'message.created:group_picture_changed']);
  const history = await systemMessages(t, group.conversationId);
  assert.deepEqual(
    history.slice(2).map((m) => m.kind),
    ['group_renamed', 'group_description_changed', 'group_picture_changed', 'group_picture_changed'],
  );
  assert.equal(history[2]!.previousName, 'Study group');
});

test('ownership: transfer makes the old owner admin; an owner leaving without admins hands over to the longest-standing member', async () => {
  const { owner, admin, member, group } = await staffedGroup();
  const http = t.current.http;
  const inbox = new Inboxes(t);
  await inbox.follow(owner, admin, member);
  const transfer = await http.put(`/groups/${group.id}/members/${member.id}`, { role: 'owner' }, owner.token);
  assert.equal(transfer.status, 200, transfer.text);
  assert.deepEqual([transfer.body.ownerId, transfer.body.myRole], [member.id, 'admin']);
  const events = await inbox.take(admin);
  assert.deepEqual(summary(events), [
    'group.updated',
    'message.created:role_changed',
    'group.updated',
    'message.created:role_changed',
  ]);
  assert.deepEqual(
    events.filter((e) => e.type === 'group.updated').map((e) => [e.data.userId, e.data.role]),
    [
      [member.id, 'owner'],
      [owner.id, 'admin'],
    ],
  );
  assertProblem(await http.put(`/groups/${group.id}/members/${admin.id}`, { role: 'member' }, owner.token), 403, 'forbidden');
  // The new owner demotes both admins, then leaves: the longest-standing member (the first owner) takes over.
  for (const u of [admin, owner]) {
    assert.equal((await http.put(`/groups/${group.id}/members/${u.id}`, { role: 'member' }, member.token)).status, 200);
  }
  assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, member.token)).status, 204);
  const view = await http.get(`/groups/${group.id}`, owner.token);
  assert.deepEqual([view.body.ownerId, view.body.myRole, view.body.memberCount], [owner.id, 'owner', 2]);
  const list = await http.get(`/groups/${group.id}/members`, admin.token);
  assert.deepEqual(
    list.body.members.map((m: any) => [m.user.id, m.role]).sort(),
    [
      [admin.id, 'member'],
      [owner.id, 'owner'],
    ].sort(),
  );
});

test('lists page with opaque cursors', async () => {
  const owner = await createUser(t.current);
  const friends: TestUser[] = [];
  for (let i = 0; i < 4; i += 1) {
    const f = await createUser(t.current);
    await befriend(t.current, owner, f);
    friends.push(f);
  }
  const ids: string[] = [];
  for (const name of ['One', 'Two', 'Three']) ids.push((await createGroup(t, owner, friends, name)).id);
  const first = await t.current.http.get('/groups?limit=2', owner.token);
  assert.equal(first.status, 200);
  assert.deepEqual(
    first.body.groups.map((g: any) => g.name),
    ['Three', 'Two'],
  );
  assert.equal(typeof first.body.nextCursor, 'string');
  const second = await t.current.http.get(`/groups?limit=2&cursor=${first.body.nextCursor}`, owner.token);
  assert.deepEqual(
    second.body.groups.map((g: any) => g.name),
    ['One'],
  );
  assert.equal(second.body.nextCursor, null);

  const seen: string[] = [];
  let cursor = '';
  for (let page = 0; page < 5; page += 1) {
    const res = await t.current.http.get(`/groups/${ids[0]}/members?limit=2${cursor}`, friends[0]!.token);
    assert.equal(res.status, 200);
    seen.push(...res.body.members.map((m: any) => m.user.id));
    if (!res.body.nextCursor) break;
    cursor = `&cursor=${res.body.nextCursor}`;
  }
  assert.equal(seen.length, 5);
  assert.equal(new Set(seen).size, 5);
  assert.equal(seen[0], owner.id);
});

test('bad ids, bodies and cursors answer problem+json 400, a missing token 401', async () => {
  const { owner, group } = await staffedGroup();
  const http = t.current.http;
  const cases: [string, string, unknown, string?][] = [
    ['POST', '/groups', {}, 'body.name'],
    ['POST', '/groups', { name: '', memberIds: [] }, 'body.name'],
    ['POST', '/groups', { name: '   ', memberIds: [] }, 'body.name'],
    ['POST', '/groups', { name: 'x'.repeat(101), memberIds: [] }, 'body.name'],
    ['POST', '/groups', { name: 'G' }, 'body.memberIds'],
    ['POST', '/groups', { name: 'G', memberIds: 'nope' }, 'body.memberIds.0'],
    ['POST', '/groups', { name: 'G', memberIds: ['not-an-id'] }, 'body.memberIds.0'],
    ['POST', '/groups', { name: 'G', memberIds: [], extra: 1 }, 'body.extra'],
    ['POST', '/groups', { name: 'G', memberIds: [], avatarFileId: 'x' }, 'body.avatarFileId'],
    ['POST', '/groups', { name: 'G', memberIds: [], description: 'd'.repeat(1001) }, 'body.description'],
    ['GET', '/groups/not-an-id', undefined, 'params.groupId'],
    ['GET', '/groups/not-an-id/members', undefined, 'params.groupId'],
    ['GET', '/groups?limit=0', undefined, 'querystring.limit'],
    ['GET', '/groups?limit=101', undefined, 'querystring.limit'],
    ['GET', `/groups/${group.id}/members?limit=abc`, undefined, 'querystring.limit'],
    ['PUT', `/groups/${group.id}`, {}, 'body'],
    ['PUT', `/groups/${group.id}`, { name: { text: 'x' } }, 'body.name'],
    ['PUT', `/groups/${group.id}`, { ownerId: owner.id }, 'body.ownerId'],
    ['POST', `/groups/${group.id}/add`, {}, 'body.userId'],
    ['POST', `/groups/${group.id}/add`, { userId: 'bob' }, 'body.userId'],
    ['POST', `/groups/${group.id}/remove`, { userId: owner.id, also: true }, 'body.also'],
    ['PUT', `/groups/${group.id}/members/${owner.id}`, { role: 'king' }, 'body.role'],
    ['PUT', `/groups/${group.id}/members/nope`, { role: 'admin' }, 'params.userId'],
  ];
  for (const [method, path, body, field] of cases) {
    const res = await http.request(method, path, { token: owner.token, body });
    assertProblem(res, 400, 'validation_failed');
    if (field)
      assert.ok(
        res.body.errors.some((e: any) => e.path === field),
        `${method} ${path}: ${JSON.stringify(res.body.errors)}`,
      );
  }
  assertProblem(await http.get('/groups?cursor=garbage', owner.token), 400, 'invalid_cursor');
  assertProblem(await http.get(`/groups/${group.id}/members?cursor=WzFd`, owner.token), 400, 'invalid_cursor');
  const malformed = await http.request('POST', '/groups', {
    token: owner.token,
    body: '{"name":',
    headers: { 'content-type': 'application/json' },
  });
  assertProblem(malformed, 400, 'invalid_json');
  assertProblem(await http.get('/groups'), 401, 'unauthorized');
  assertProblem(await http.post(`/groups/${group.id}/leave`), 401, 'unauthorized');
});
