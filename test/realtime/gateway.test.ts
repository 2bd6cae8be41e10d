import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { createAccessTokens } from '../../src/lib/access-tokens.js';
import { startTestApp, useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { emitEvents, latestSeqOf, seqsOf } from './helpers.js';
import { fillerEvent } from '../helpers/events.js';

const t = useTestApp();

test('ready comes first with the user, the latest seq and the session; three ways to authenticate', async () => {
  const user = await createUser(t.current);
  await emitEvents(t.current, user.id, 2);
  const byQuery = await WsClient.connect(t.current.url, { token: user.token });
  const ready = byQuery.frames[0]!;
  assert.equal(ready.type, 'ready');
  assert.equal(ready.data.user.id, user.id);
  assert.equal(ready.data.user.email, user.email);
  assert.equal(ready.data.seq, 2);
  assert.equal(ready.data.sessionId, user.sessionId);
  assert.equal(byQuery.events().length, 0, 'nothing replayed without since');

  const byHeader = await WsClient.connect(t.current.url, { headers: { authorization: `Bearer ${user.token}` } });
  assert.equal(byHeader.frames[0]!.data.user.id, user.id);

  const byFrame = await WsClient.connect(t.current.url, { waitReady: false });
  byFrame.send({ type: 'auth', token: user.token });
  assert.equal((await byFrame.next((f) => f.type === 'ready')).data.seq, 2);
  byFrame.send({ type: 'ping' });
  await byFrame.next((f) => f.type === 'pong');
  await Promise.all([byQuery.close(), byHeader.close(), byFrame.close()]);
});

test('unauthenticated sockets are closed with 4001', async () => {
  const user = await createUser(t.current);
  const noAuth = await WsClient.connect(t.current.url, { waitReady: false });
  noAuth.send({ type: 'ping' });
  assert.equal(await noAuth.waitClose(), 4001);
  const badToken = await WsClient.connect(t.current.url, { token: 'not-a-token', waitReady: false });
  assert.equal(await badToken.waitClose(), 4001);
  const badFrame = await WsClient.connect(t.current.url, { waitReady: false });
  badFrame.send({ type: 'auth', token: `${user.token}x` });
  assert.equal(await badFrame.waitClose(), 4001);
  await t.current.app.infra.database.db
    .updateTable('sessions')
    .set({ revokedAt: new Date() })
    .where('id', '=', user.sessionId)
    .execute();
  const revoked = await WsClient.connect(t.current.url, { token: user.token, waitReady: false });
  assert.equal(await revoked.waitClose(), 4001);
  assert.equal(revoked.frames.length, 0);
});

test('a bad since is refused before the upgrade', async () => {
  const user = await createUser(t.current);
  await assert.rejects(WsClient.connect(t.current.url, { token: user.token, since: -1 }), /400/);
  const res = await t.current.http.get(`/ws?since=abc&token=${user.token}`);
  assert.equal(res.status, 400);
});

test('every connection of a user gets every event with the same seqs', async () => {
  const user = await createUser(t.current);
  const phone = await WsClient.connect(t.current.url, { token: user.token });
  const laptop = await WsClient.connect(t.current.url, { token: user.token });
  await emitEvents(t.current, user.id, 5);
  await phone.next((f) => f.seq === 5);
  await laptop.next((f) => f.seq === 5);
  assert.deepEqual(seqsOf(phone.frames), [1, 2, 3, 4, 5]);
  assert.deepEqual(seqsOf(laptop.frames), [1, 2, 3, 4, 5]);
  await Promise.all([phone.close(), laptop.close()]);
});

test('bad client frames get error frames and the connection keeps working', async () => {
  const user = await createUser(t.current);
  const ws = await WsClient.connect(t.current.url, { token: user.token });
  const errorAfter = async (frame: unknown) => {
    const from = ws.frames.length;
    ws.send(frame);
    return (await ws.next((f) => f.type === 'error', { from })).data;
  };
  assert.equal((await errorAfter('{not json')).code, 'invalid_json');
  assert.equal((await errorAfter({ type: 'dance' })).code, 'unknown_frame');
  assert.equal((await errorAfter({ nope: 1 })).code, 'unknown_frame');
  assert.equal((await errorAfter('[]')).code, 'unknown_frame');
  assert.equal((await errorAfter({ type: 'ack', seq: 'x' })).code, 'validation_failed');
  assert.equal((await errorAfter({ type: 'ping', extra: true })).code, 'validation_failed');
  assert.equal((await errorAfter({ type: 'typing', recipientId: user.id, groupId: user.id })).code, 'validation_failed');
  assert.equal((await errorAfter({ type: 'ping', pad: 'x'.repeat(70 * 1024) })).code, 'payload_too_large');
  const from = ws.frames.length;
  ws.socket.send(Buffer.from([1, 2, 3]), { binary: true });
  assert.equal((await ws.next((f) => f.type === 'error', { from })).data.code, 'unsupported_media_type');
  ws.send({ type: 'ack', seq: 0 });
  ws.send({ type: 'ping' });
  await ws.next((f) => f.type === 'pong');
  await emitEvents(t.current, user.id, 1);
  assert.equal((await ws.event('profile.updated')).seq, 1);
  assert.equal(ws.closeCode, undefined);
  await ws.close();
});

test('a flooding client is closed with 4008 while the node keeps serving others', async () => {
  const [flooder, other] = [await createUser(t.current), await createUser(t.current)];
  const bad = await WsClient.connect(t.current.url, { token: flooder.token });
  const good = await WsClient.connect(t.current.url, { token: other.token });
  for (let i = 0; i < 300; i++) bad.send({ type: 'ping' });
  assert.equal(await bad.waitClose(), 4008);
  good.send({ type: 'ping' });
  await good.next((f) => f.type === 'pong');
  await emitEvents(t.current, other.id, 1);
  await good.event('profile.updated');
  assert.equal(good.closeCode, undefined);
  await good.close();
});

test('an expired token closes the socket with 4001 unless a fresh one is swapped in', async () => {
  const user = await createUser(t.current);
  // The socket that swaps starts with a token that expires at least a second before the other's,
  // so by the time the other is closed for expiry, its own first deadline has long passed.
  const shorter = await createAccessTokens(t.current.config.jwtSecret, 2).sign({ userId: user.id, sessionId: user.sessionId });
  const short = createAccessTokens(t.current.config.jwtSecret, 3);
  const swapped = await WsClient.connect(t.current.url, { token: shorter });
  const expiring = await WsClient.connect(t.current.url, {
    token: await short.sign({ userId: user.id, sessionId: user.sessionId }),
  });
  swapped.send({ type: 'auth', token: user.token });
  const other = await createUser(t.current);
  const from = swapped.frames.length;
  swapped.send({ type: 'auth', token: other.token });
  assert.equal((await swapped.next((f) => f.type === 'error', { from })).data.code, 'forbidden');
  assert.equal(await expiring.waitClose(6000), 4001);
  swapped.send({ type: 'ping' });
  await swapped.next((f) => f.type === 'pong');
  assert.equal(swapped.closeCode, undefined, 'the swapped socket stays open');
  await swapped.close();
});

test('session.revoked closes only the sockets of those sessions with 4001', async () => {
  const user = await createUser(t.current);
  const otherSession = '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';
  await t.current.app.infra.database.db
    .insertInto('sessions')
    .values({ id: otherSession, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000), lastUsedAt: new Date() })
    .execute();
  const keep = await WsClient.connect(t.current.url, {
    token: await t.current.app.infra.tokens.sign({ userId: user.id, sessionId: otherSession }),
  });
  const drop = await WsClient.connect(t.current.url, { token: user.token });
  await t.current.app.infra.transactor(async (trx, emit) => {
    await trx.updateTable('sessions').set({ revokedAt: new Date() }).where('id', '=', user.sessionId).execute();
    emit({ type: 'session.revoked', data: { sessionIds: [user.sessionId] }, to: [user.id] });
  });
  assert.equal(await drop.waitClose(), 4001);
  assert.equal((await keep.event('session.revoked')).data.sessionIds[0], user.sessionId);
  // The node closed the revoked session's sockets when it handled the event; a pong after that
  // shows this one was kept.
  keep.send({ type: 'ping' });
  await keep.next((f) => f.type === 'pong');
  assert.equal(keep.closeCode, undefined);
  await keep.close();
});

test('shutdown closes sockets with 1012', async () => {
  const app = await startTestApp();
  const user = await createUser(app);
  const ws = await WsClient.connect(app.url, { token: user.token });
  const closing = ws.waitClose();
  await app.close();
  assert.equal(await closing, 1012);
});

test('connection metrics are exported', async () => {
  const user = await createUser(t.current);
  const ws = await WsClient.connect(t.current.url, { token: user.token });
  const res = await t.current.http.get('/metrics');
  assert.match(res.text, /chat_ws_connections \d+/);
  assert.match(res.text, /chat_ws_connections_opened_total \d+/);
  await ws.close();
});

test('logging out everywhere closes the sockets with 4001', async () => {
  const user = await createUser(t.current);
  const ws = await WsClient.connect(t.current.url, { token: user.token });
  const res = await t.current.http.post('/logout/all', undefined, user.token);
  assert.equal(res.status, 204);
  assert.equal((await ws.next((f) => f.type === 'session.revoked')).data.sessionIds[0], user.sessionId);
  assert.equal(await ws.waitClose(), 4001);
});

test('a client too slow to read is closed with 4009 and resumes where it stopped', async () => {
  const user = await createUser(t.current);
  const slow = await WsClient.connect(t.current.url, { token: user.token });
  const raw = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  raw.pause();
  const pad = 'x'.repeat(64 * 1024);
  for (let i = 0; i < 10; i++) {
    await t.current.app.infra.transactor(async (_trx, emit) => {
      for (let j = 0; j < 15; j++) emit(fillerEvent([user.id], { pad }));
    });
  }
  await sleep(500);
  raw.resume();
  assert.equal(await slow.waitClose(10_000), 4009);
  const received = seqsOf(slow.frames);
  const latest = await latestSeqOf(t.current, user.id);
  assert.ok(received.length < latest, `closed before everything was sent (${received.length} of ${latest})`);
  const last = received.at(-1) ?? 0;
  const resumed = await WsClient.connect(t.current.url, { token: user.token, since: last });
  await resumed.next((f) => f.seq === latest, { timeoutMs: 10_000 });
  assert.deepEqual(
    seqsOf(resumed.frames),
    Array.from({ length: latest - last }, (_, i) => last + 1 + i),
  );
  await resumed.close();
});

test('a socket that never authenticates is closed with 4001 after 10 s', async () => {
  const ws = await WsClient.connect(t.current.url, { waitReady: false });
  const started = Date.now();
  assert.equal(await ws.waitClose(12_000), 4001);
  assert.ok(Date.now() - started >= 9_500);
  assert.equal(ws.frames.length, 0);
});

test('acking every event is not a flood', async () => {
  const user = await createUser(t.current);
  const ws = await WsClient.connect(t.current.url, { token: user.token });
  await emitEvents(t.current, user.id, 300);
  await ws.next((f) => f.seq === 300);
  for (const event of ws.events()) ws.send({ type: 'ack', seq: event.seq });
  ws.send({ type: 'ping' });
  await ws.next((f) => f.type === 'pong');
  assert.equal(ws.closeCode, undefined);
  assert.equal(ws.frames.filter((f) => f.type === 'error').length, 0);
  await ws.close();
});
