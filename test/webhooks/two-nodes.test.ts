import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createMemoryBus } from '../../src/events/bus/memory-bus.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { TEST_WEBHOOK_SECRET, WebhookReceiver } from './receiver.js';

// Two nodes on one database: both delivery workers claim from the same queue (FOR UPDATE SKIP LOCKED).
let nodes: TestApp[] = [];
let receiver: WebhookReceiver;

before(async () => {
  receiver = await WebhookReceiver.start(TEST_WEBHOOK_SECRET);
  const bus = createMemoryBus();
  const env = {
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    WEBHOOK_EVENTS: 'message.created',
    PUSH_ENABLED: 'false',
    JWT_SECRET: 'n'.repeat(40),
  };
  nodes = [await startTestApp({ env, bus }), await startTestApp({ env, bus })];
});
after(async () => {
  for (const node of nodes) await node.close();
  await receiver?.close();
});

test('messages sent through two nodes are each delivered once, whichever node claims them', async () => {
  const [a, b] = nodes as [TestApp, TestApp];
  const [alice, bob] = [await createUser(a), await createUser(a)];
  await befriend(a, alice, bob);
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const node = i % 2 === 0 ? a : b;
    const res = await node.http.post('/messages', { recipientId: bob.id, text: `m${i}` }, alice.token);
    assert.equal(res.status, 201);
    ids.push(res.body.id as string);
  }
  const delivered = await receiver.until(
    (attempts) => ids.every((id) => attempts.some((x) => x.body.data.id === id)) && attempts,
  );
  for (const id of ids) assert.equal(delivered.filter((x) => x.body.data.id === id).length, 1, `${id} once`);
  assert.deepEqual(receiver.bad, []);
});
