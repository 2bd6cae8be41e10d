import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { TestGateway } from './gateway-server.js';
import { TestPushService } from './push-service.js';

// PUSH_INCLUDE_CONTENT=false: no message text and no group name reach a push service or a gateway.

let t: TestApp;
let service: TestPushService;
const gateway = new TestGateway();

before(async () => {
  service = await TestPushService.start();
  await gateway.start();
  t = await startTestApp({ env: { PUSH_INCLUDE_CONTENT: 'false', PUSH_GATEWAYS: gateway.url, DELIVERY_RETRY_BASE_MS: '50' } });
});
after(async () => {
  await t?.close();
  await service?.close();
  await gateway.close();
});

test('a group message is pushed to a browser and a phone without its text or the group’s name', async () => {
  const [owner, member] = [await createUser(t), await createUser(t)];
  await befriend(t, owner, member);
  const browser = service.subscribe();
  const subscribed = [
    await t.http.post('/push/subscriptions', { type: 'webpush', endpoint: browser.endpoint, keys: browser.keys }, member.token),
    await t.http.post(
      '/push/subscriptions',
      { type: 'gateway', gatewayUrl: gateway.url, appId: 'com.example.chat', pushkey: `phone-${member.id}` },
      member.token,
    ),
  ];
  for (const res of subscribed) assert.equal(res.status, 201, res.text);
  const group = await t.http.post('/groups', { name: 'Plotters', memberIds: [member.id] }, owner.token);
  assert.equal(group.status, 201, group.text);
  const sent = await t.http.post('/messages', { groupId: group.body.id, text: 'secret plans' }, owner.token);
  assert.equal(sent.status, 201, sent.text);

  const push = await service.until(() => service.pushesTo(browser.token).find((p) => p.json.messageId === sent.body.id));
  const phone = await gateway.until(() => gateway.notifications.find((n) => n.event_id === sent.body.id));
  assert.equal(push.json.body, 'New message');
  assert.equal(push.json.title, owner.username);
  for (const [where, seen] of [
    ['web push', push.plaintext.toString('utf8')],
    ['gateway', JSON.stringify(phone)],
  ] as const) {
    assert.equal(seen.includes('secret'), false, `${where}: no message text`);
    assert.equal(seen.includes('Plotters'), false, `${where}: no group name`);
  }
  assert.equal(phone.content, undefined);
  for (const p of service.pushesTo(browser.token)) assert.equal(p.plaintext.includes('Plotters'), false, p.json.type);
});
