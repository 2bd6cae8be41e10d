import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, uniqueName } from '../helpers/factories.js';
import { TEST_WEBHOOK_SECRET, WebhookReceiver } from './receiver.js';

let t: TestApp;
let receiver: WebhookReceiver;

before(async () => {
  receiver = await WebhookReceiver.start(TEST_WEBHOOK_SECRET);
  t = await startTestApp({
    env: { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, DELIVERY_RETRY_BASE_MS: '50', PUSH_ENABLED: 'false' },
  });
});
after(async () => {
  await t?.close();
  await receiver?.close();
});

const ofType = (type: string, match: (data: any) => boolean) => (attempts: typeof receiver.attempts) =>
  attempts.find((a) => a.type === type && a.answered === 200 && match(a.body.data));

test('a sign-up sends one signed user.created; deleting the account sends user.deleted', async () => {
  const username = uniqueName('hook');
  assert.equal(
    (await t.http.post('/signup', { username, email: `${username}@example.test`, password: 'correct horse battery' })).status,
    202,
  );
  const created = await receiver.until(ofType('user.created', (d) => d.username === username));
  assert.equal(typeof created.body.data.id, 'string');
  assert.match(created.id, /^msg_/);
  assert.ok(!Number.isNaN(Date.parse(created.body.timestamp)));

  const user = await createUser(t);
  const res = await t.http.request('DELETE', '/profile', { token: user.token, body: { password: user.password } });
  assert.equal(res.status, 204, res.text);
  await receiver.until(ofType('user.deleted', (d) => d.id === user.id));
  assert.deepEqual(receiver.bad, []);
});

test('one message.created per message whoever receives it, without the sender’s own fields; then updated and deleted', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const sent = await t.http.post('/messages', { recipientId: bob.id, text: 'hello hooks', clientMessageId: 'c-1' }, alice.token);
  assert.equal(sent.status, 201, sent.text);
  const id = sent.body.id as string;
  const hook = await receiver.until(ofType('message.created', (d) => d.id === id));
  assert.equal(hook.body.data.text, 'hello hooks');
  assert.equal(hook.body.data.senderId, alice.id);
  assert.equal('clientMessageId' in hook.body.data, false);

  assert.equal((await t.http.patch(`/messages/${id}`, { text: 'edited' }, alice.token)).status, 200);
  await receiver.until(ofType('message.updated', (d) => d.id === id && d.text === 'edited'));
  assert.equal((await t.http.delete(`/messages/${id}`, alice.token)).status, 204);
  await receiver.until(ofType('message.deleted', (d) => d.id === id));
  // A later webhook has arrived, so the earlier ones are all in: each domain event exactly once.
  assert.equal(receiver.delivered().filter((a) => a.type === 'message.created' && a.body.data.id === id).length, 1);
  assert.deepEqual(receiver.bad, []);
});

test('a group and its members: group.created, group.member_added, friend.removed once for both sides', async () => {
  const [owner, ann, ben] = [await createUser(t), await createUser(t), await createUser(t)];
  await befriend(t, owner, ann);
  await befriend(t, owner, ben);
  const group = await t.http.post('/groups', { name: 'Hooked', memberIds: [ann.id] }, owner.token);
  assert.equal(group.status, 201, group.text);
  const created = await receiver.until(ofType('group.created', (d) => d.group.id === group.body.id));
  assert.equal('myRole' in created.body.data.group, false);
  assert.equal((await t.http.post(`/groups/${group.body.id}/add`, { userId: ben.id }, owner.token)).status, 200);
  await receiver.until(ofType('group.member_added', (d) => d.group.id === group.body.id && d.userId === ben.id));

  assert.equal((await t.http.post('/friends/remove', { userId: ann.id }, owner.token)).status, 204);
  const pair = [owner.id, ann.id].sort();
  await receiver.until(ofType('friend.removed', (d) => JSON.stringify(d.userIds) === JSON.stringify(pair)));
  const marker = await createUser(t);
  await befriend(t, marker, owner);
  assert.equal((await t.http.post('/friends/remove', { userId: owner.id }, marker.token)).status, 204);
  await receiver.until(ofType('friend.removed', (d) => d.userIds.includes(marker.id)));
  assert.equal(
    receiver
      .delivered()
      .filter((a) => a.type === 'friend.removed' && JSON.stringify(a.body.data.userIds) === JSON.stringify(pair)).length,
    1,
  );
});

test('a 500 is retried with the same webhook-id and a fresh signature; a 429 waits for Retry-After', async () => {
  const [alice, bob] = [await createUser(t), await createUser(t)];
  await befriend(t, alice, bob);
  const failures = new Map<string, number>();
  receiver.answer = (hook) => {
    if (hook.type !== 'message.created' || !String(hook.body.data.text).startsWith('flaky')) return { status: 200 };
    const n = (failures.get(hook.id) ?? 0) + 1;
    failures.set(hook.id, n);
    if (n === 1) return { status: 500 };
    if (n === 2) return { status: 429, headers: { 'retry-after': '1' } };
    return { status: 200 };
  };
  try {
    const sent = await t.http.post('/messages', { recipientId: bob.id, text: 'flaky one' }, alice.token);
    const id = sent.body.id as string;
    const ok = await receiver.until(ofType('message.created', (d) => d.id === id));
    const tries = receiver.attempts.filter((a) => a.id === ok.id);
    assert.deepEqual(
      tries.map((a) => a.answered),
      [500, 429, 200],
    );
    assert.ok(tries[2]!.timestamp - tries[1]!.timestamp >= 1, 'Retry-After: 1 was honoured');
  } finally {
    receiver.answer = () => ({ status: 200 });
  }
});

test('retries go on for up to a day: a failure within it is retried, one past it gives the webhook up', async () => {
  const db = t.app.infra.database.db;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
  const row = (username: string, createdAt: Date) => ({
    id: randomUUID(),
    kind: 'webhook' as const,
    subscriptionId: null,
    payload: JSON.stringify({ type: 'user.created', timestamp: createdAt.toISOString(), data: { username } }),
    topic: null,
    createdAt,
    nextAttemptAt: new Date(),
  });
  const [young, old] = [row(uniqueName('day-young'), hoursAgo(23)), row(uniqueName('day-old'), hoursAgo(25))];
  const failed = new Set<string>();
  receiver.answer = (hook) => {
    const name = String(hook.body.data.username);
    if (![young.id, old.id].some((id) => hook.id === `msg_${id}`) || failed.has(name)) return { status: 200 };
    failed.add(name);
    return { status: 500 };
  };
  try {
    await db.insertInto('deliveries').values([young, old]).execute();
    await receiver.until((attempts) => attempts.some((a) => a.id === `msg_${young.id}` && a.answered === 200));
    // The queue holds neither any more: the older one was given up, not rescheduled.
    for (let i = 0; ; i++) {
      const left = await db.selectFrom('deliveries').select('id').where('id', 'in', [young.id, old.id]).execute();
      if (left.length === 0) break;
      assert.ok(i < 200, 'both left the queue');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const tried = (id: string) => receiver.attempts.filter((a) => a.id === `msg_${id}`).map((a) => a.answered);
    assert.deepEqual(tried(young.id), [500, 200]);
    assert.deepEqual(tried(old.id), [500]);
  } finally {
    receiver.answer = () => ({ status: 200 });
  }
});
