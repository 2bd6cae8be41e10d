import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { latestSeq } from '../../src/events/event-log.repository.js';
import { startTestApp, useTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { WsClient, type Frame } from '../helpers/ws.js';
import { assertProblem } from './group-helpers.js';

const t = useTestApp();

/** Durable frames as `type` (or `message.created:<system kind | text>`). */
function kinds(frames: readonly Frame[]): string[] {
  return frames
    .filter((f) => f.seq !== undefined)
    .map((f) => (f.type === 'message.created' ? `message.created:${f.data.system?.kind ?? 'text'}` : f.type));
}

/** Waits until `client` holds every event of `user`'s log, then returns the durable frames after `from`. */
async function received(node: TestApp, client: WsClient, user: TestUser, from = 0): Promise<Frame[]> {
  const latest = await latestSeq(node.app.infra.database.db, user.id);
  if (latest > 0) await client.next((f) => f.seq === latest, { timeoutMs: 8000 });
  return client.frames.slice(from).filter((f) => f.seq !== undefined);
}

/**
 * The study group of issue 5 over real WebSockets: four users (connected to `nodes` in turn),
 * each checking the events, the history and the notifications they should and should not see.
 */
async function studyGroup(nodes: TestApp[]): Promise<void> {
  const first = nodes[0]!;
  const http = first.http;
  const [olivia, ann, ben, cid] = await Promise.all([1, 2, 3, 4].map(() => createUser(first)));
  const users = [olivia!, ann!, ben!, cid!];
  for (const friend of [ann!, ben!, cid!]) await befriend(first, olivia!, friend);
  await befriend(first, ann!, cid!);
  const sockets = await Promise.all(users.map((u, i) => WsClient.connect(nodes[i % nodes.length]!.url, { token: u.token })));
  const [ws0, ws1, ws2, ws3] = sockets as [WsClient, WsClient, WsClient, WsClient];
  try {
    const group = (await http.post('/groups', { name: 'Algebra', memberIds: [ann!.id, ben!.id] }, olivia!.token)).body;
    assert.equal((await http.put(`/groups/${group.id}/members/${ann!.id}`, { role: 'admin' }, olivia!.token)).status, 200);
    assert.equal((await http.post(`/groups/${group.id}/add`, { userId: cid!.id }, ann!.token)).status, 200);
    const hello = await nodes.at(-1)!.http.post('/messages', { groupId: group.id, text: 'hello all' }, cid!.token);
    assert.equal(hello.status, 201, hello.text);
    assert.equal((await http.post(`/groups/${group.id}/remove`, { userId: ben!.id }, ann!.token)).status, 200);

    // Ben, removed, can neither read nor post, and the group left his lists.
    assertProblem(await http.get(`/messages/group/${group.id}`, ben!.token), 404, 'not_found');
    assertProblem(await http.post('/messages', { groupId: group.id, text: 'let me in' }, ben!.token), 404, 'not_found');
    assertProblem(await http.get(`/groups/${group.id}`, ben!.token), 404, 'not_found');
    const benChats = (await http.get('/conversations', ben!.token)).body.conversations;
    assert.ok(!benChats.some((c: any) => c.group?.id === group.id), 'the group left his conversation list');

    assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, cid!.token)).status, 204);
    assert.equal((await http.post(`/groups/${group.id}/leave`, undefined, olivia!.token)).status, 204);

    const created = ['group.created', 'message.created:group_created'];
    const promoted = ['group.updated', 'message.created:role_changed'];
    const added = ['group.member_added', 'message.created:member_added'];
    const removed = ['group.member_removed', 'message.created:member_removed'];
    const left = ['group.member_removed', 'message.created:member_left'];
    const handedOver = ['group.member_removed', 'group.updated', 'message.created:member_left', 'message.created:role_changed'];
    const notified = (frames: Frame[]) => frames.filter((f) => f.type === 'notification.created').map((f) => f.data.type);
    const strip = (frames: Frame[]) => kinds(frames.filter((f) => !f.type.startsWith('notification.')));

    const oliviaFrames = await received(first, ws0, olivia!);
    assert.deepEqual(strip(oliviaFrames), [
      ...created,
      ...promoted,
      ...added,
      'message.created:text',
      ...removed,
      ...left,
      ...left,
    ]);
    assert.deepEqual(notified(oliviaFrames), [], "Cid's message: its notification is derived, not pushed");
    const annFrames = await received(first, ws1, ann!);
    assert.deepEqual(strip(annFrames), [
      ...created,
      ...promoted,
      ...added,
      'message.created:text',
      ...removed,
      ...left,
      ...handedOver,
    ]);
    assert.deepEqual(notified(annFrames), ['group_added']);
    const benFrames = await received(first, ws2, ben!);
    assert.deepEqual(strip(benFrames), [...created, ...promoted, ...added, 'message.created:text', ...removed]);
    assert.deepEqual(notified(benFrames), ['group_added']);
    const cidFrames = await received(first, ws3, cid!);
    assert.deepEqual(strip(cidFrames), [...added, 'message.created:text', ...removed, ...left]);
    assert.deepEqual(notified(cidFrames), ['group_added'], 'not for his own message');
    const roles = annFrames.filter((f) => f.type.startsWith('group.')).map((f) => f.data.group.myRole);
    assert.deepEqual(roles, ['member', 'admin', 'admin', 'admin', 'admin', 'owner', 'owner']);

    // History: Ann, now the owner, sees the whole story; notifications as REST shows them.
    const history = await http.get(`/messages/group/${group.id}`, ann!.token);
    assert.equal(history.status, 200, history.text);
    assert.deepEqual(
      history.body.messages.map((m: any) => m.system?.kind ?? m.text),
      [
        'group_created',
        'role_changed',
        'member_added',
        'hello all',
        'member_removed',
        'member_left',
        'member_left',
        'role_changed',
      ],
    );
    for (const [user, expected] of [
      [olivia!, []],
      [ann!, ['group_added']],
      [cid!, ['group_added']],
    ] as const) {
      const list = await http.get('/notifications', user.token);
      assert.deepEqual(
        list.body.notifications.filter((n: any) => n.type !== 'message').map((n: any) => n.type),
        expected,
        user.username,
      );
    }
  } finally {
    await Promise.all(sockets.map((s) => s.close()));
  }
}

test('study group over WebSocket on one node', async () => {
  await studyGroup([t.current]);
});

const scaledOut = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

test(
  'study group with members on two nodes sharing PostgreSQL and Redis',
  { skip: !scaledOut && 'needs DATABASE_URL and REDIS_URL' },
  async () => {
    // A second node of the same deployment: same database, same Redis, same signing secret.
    const second = await startTestApp({ env: { JWT_SECRET: t.current.config.jwtSecret } });
    after(() => second.close());
    await studyGroup([t.current, second]);
  },
);
