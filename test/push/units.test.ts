import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignedSeqs } from '../../src/events/event-log.repository.js';
import { backoffMs, retryDelayMs } from '../../src/modules/delivery/delivery-worker.js';
import { renderPush, WEB_PUSH_MAX_PLAINTEXT, webPushJson } from '../../src/modules/delivery/push-payload.js';
import { retryAfterMs } from '../../src/modules/delivery/push-sender.js';
import { webhookBodies } from '../../src/modules/delivery/webhooks.js';

test('backoff doubles from the base with jitter in [delay/2, delay], at most an hour', () => {
  assert.equal(
    backoffMs(1000, 1, () => 0),
    500,
  );
  assert.equal(
    backoffMs(1000, 1, () => 1),
    1000,
  );
  assert.equal(
    backoffMs(1000, 4, () => 1),
    8000,
  );
  assert.equal(
    backoffMs(1000, 40, () => 1),
    3_600_000,
  );
});

test('Retry-After waits at least that long, and never less than the backoff (a 0 is no shortcut)', () => {
  const max = () => 1;
  assert.equal(retryDelayMs(1000, 1, 5000, max), 5000);
  assert.equal(retryDelayMs(1000, 1, undefined, max), 1000);
  assert.equal(retryDelayMs(1000, 4, 0, max), 8000);
  assert.equal(retryDelayMs(1000, 4, 2000, max), 8000);
});

test('Retry-After as seconds or an HTTP date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  const now = Date.now();
  const ms = retryAfterMs(new Date(now + 5000).toUTCString(), now);
  assert.ok(ms !== undefined && ms > 3000 && ms <= 5000, String(ms));
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(undefined), undefined);
});

test('each recipient’s seq per event, as the log assigned them', () => {
  const events = [{ to: ['a', 'b'] }, { to: undefined }, { to: ['a'] }, { to: ['gone'] }];
  const seqs = assignedSeqs(events, [
    ['a', 12],
    ['b', 7],
  ]);
  assert.deepEqual(
    seqs.map((m) => Object.fromEntries(m)),
    [{ a: 11, b: 7 }, {}, { a: 12 }, {}],
  );
});

test('WEBHOOK_EVENTS narrows the types; per-recipient copies become one webhook', () => {
  const message = { id: 'm1', text: 'hi', clientMessageId: 'c1', status: 'sent' };
  const events = [
    { type: 'message.created' as const, data: message, to: ['s'] },
    { type: 'message.created' as const, data: { ...message, clientMessageId: null, status: null }, to: ['r'] },
    { type: 'friend.removed' as const, data: { userId: 'b' }, to: ['a'] },
    { type: 'friend.removed' as const, data: { userId: 'a' }, to: ['b'] },
    { type: 'message.read' as const, data: {}, to: ['x'] },
    // Partial payloads: only the fields the webhook shaping reads.
  ] as unknown as Parameters<typeof webhookBodies>[0];
  const all = webhookBodies(events, ['message.created', 'friend.removed', 'message.read']);
  assert.deepEqual(
    all.map((b) => [b.type, b.data]),
    [
      ['message.created', { id: 'm1', text: 'hi' }],
      ['friend.removed', { userIds: ['a', 'b'] }],
    ],
  );
  assert.deepEqual(
    webhookBodies(events, ['friend.removed']).map((b) => b.type),
    ['friend.removed'],
  );
});

test('PUSH_INCLUDE_CONTENT=false: no message text and no group name leave the server', () => {
  const row = {
    userId: 'u',
    topic: 'c',
    kind: 'message',
    count: 3,
    urgent: false,
    data: { messageId: 'm', conversationId: 'c', groupId: 'g', senderId: 's', text: 'secret plans', attachments: 0 },
  };
  const ctx = { names: new Map([['s', 'Sam']]), groups: new Map([['g', 'Plotters']]), badge: 2 };
  const withText = renderPush(row, { ...ctx, includeContent: true });
  assert.equal(withText.title, 'Sam in Plotters');
  assert.equal(withText.body, 'secret plans (+2 more)');
  const without = renderPush(row, { ...ctx, includeContent: false });
  assert.equal(JSON.stringify(without).includes('secret'), false);
  assert.equal(JSON.stringify(without).includes('Plotters'), false);
  assert.equal(without.body, '3 new messages');
  assert.equal(without.badge, 2);
});

test('a Web Push payload fits in 3993 bytes: a long body is cut at a whole character, a short one kept', () => {
  const base = { type: 'message', title: 'Sam', conversationId: 'c', groupId: null, messageId: 'm', badge: 1, count: 1 };
  const { count: _count, ...contract } = base;
  assert.deepEqual(JSON.parse(webPushJson({ ...base, body: 'hi' })), { ...contract, body: 'hi' });
  for (const unit of ['a', 'é', '€', '😀', '"', '\u0001']) {
    const json = webPushJson({ ...base, body: unit.repeat(5000) });
    const size = Buffer.byteLength(json);
    assert.ok(size <= WEB_PUSH_MAX_PLAINTEXT && size > WEB_PUSH_MAX_PLAINTEXT - 8, `${JSON.stringify(unit)}: ${size} bytes`);
    const body = JSON.parse(json).body as string;
    assert.equal(body, `${unit.repeat(Array.from(body).length - 1)}…`);
  }
  assert.equal(JSON.parse(webPushJson({ ...base, body: null })).body, null);
});
