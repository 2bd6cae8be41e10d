import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { SEND_RULE } from '../../src/modules/messages/send.service.js';
import { send } from './support.js';

const t = useTestApp({ rateLimits: true, env: { MAX_MESSAGE_LENGTH: '10' } });

test('sending is rate limited per user (burst 20) with Retry-After and RateLimit headers', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  const carol = await createUser(t.current);
  await befriend(t.current, alice, bob);
  await befriend(t.current, carol, bob);
  assert.equal((await send(t.current, alice, { recipientId: bob.id, text: 'first' })).status, 201);
  // Drain the rest of the burst directly (an embedded database on a busy machine cannot send 20 in one second).
  const limiter = t.current.app.infra.limiter;
  const drain = async () => {
    for (let i = 0; i < 100; i += 1) await limiter.consume(`send:${alice.id}`, SEND_RULE).catch(() => (i = 100));
  };
  let limited = await drain().then(() => send(t.current, alice, { recipientId: bob.id, text: 'too many' }));
  // The bucket refills 10 tokens/s: on a slow machine the request may arrive after a refill; try again.
  for (let attempt = 0; attempt < 5 && limited.status === 201; attempt += 1) {
    limited = await drain().then(() => send(t.current, alice, { recipientId: bob.id, text: 'too many' }));
  }
  assert.equal(limited.status, 429);
  assert.equal(limited.body.code, 'rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  assert.equal(limited.headers.get('ratelimit-limit'), '20');
  assert.equal(
    (await send(t.current, carol, { recipientId: bob.id, text: 'me too' })).status,
    201,
    'another user has their own bucket',
  );
});

test('the message length limit is configurable', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  assert.equal((await send(t.current, alice, { recipientId: bob.id, text: '0123456789' })).status, 201);
  const long = await send(t.current, alice, { recipientId: bob.id, text: '0123456789x' });
  assert.equal(long.status, 400);
  assert.equal(long.body.errors[0].path, 'body.text');
});
