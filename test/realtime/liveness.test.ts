import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { appendEvents } from '../../src/events/event-log.repository.js';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { emitEvents } from './helpers.js';
import { fillerEvent } from '../helpers/events.js';

const t = useTestApp({ env: { WS_HEARTBEAT_SECONDS: '1', PRESENCE_GRACE_SECONDS: '0' } });

test('the heartbeat drops a socket that stopped answering pings; friends see it go offline', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, alice, bob);
  const wb = await WsClient.connect(t.current.url, { token: bob.token });
  const silent = new WebSocket(`${t.current.url.replace(/^http/, 'ws')}/ws?token=${alice.token}`, { autoPong: false });
  const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
  await wb.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id && f.data.online);
  const healthy = await WsClient.connect(t.current.url, { token: bob.token });
  const code = await Promise.race([closed, sleep(5000).then(() => -1)]);
  assert.equal(code, 1006, 'terminated without a close handshake');
  const offline = await wb.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id && !f.data.online);
  assert.ok(offline.data.lastSeenAt);
  assert.equal(healthy.closeCode, undefined, 'a client that answers pings stays');
  await Promise.all([wb.close(), healthy.close()]);
});

test(
  'after the bus reconnects, the node re-reads the log for its sockets',
  { skip: process.env.REDIS_URL ? false : 'needs REDIS_URL' },
  async () => {
    const user = await createUser(t.current);
    const ws = await WsClient.connect(t.current.url, { token: user.token });
    // Events whose wake-up was lost: in the log, never announced on the bus.
    await t.current.app.infra.database.db
      .transaction()
      .execute((trx) => appendEvents(trx, [fillerEvent([user.id], { lost: true })]));
    await sleep(300);
    assert.equal(ws.events().length, 0, 'no wake-up, nothing pushed yet');
    const admin = new Redis(process.env.REDIS_URL!);
    const clients = (await admin.client('LIST')) as string;
    const name = `${t.current.config.redisPrefix}:bus-sub`;
    const ids = clients
      .split('\n')
      .filter((line) => line.includes(` name=${name} `))
      .map((line) => /id=(\d+)/.exec(line)![1]!);
    assert.ok(ids.length > 0);
    for (const id of ids) await admin.client('KILL', 'ID', id);
    admin.disconnect();
    const event = await ws.event('profile.updated', (d) => d.lost === true, 10_000);
    assert.equal(event.seq, 1);
    await emitEvents(t.current, user.id, 1);
    await ws.next((f) => f.seq === 2);
    await ws.close();
  },
);
