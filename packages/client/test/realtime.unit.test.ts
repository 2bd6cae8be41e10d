import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { backoffDelay } from '../src/backoff.js';
import type { DurableEvent } from '../src/events.js';
import { Realtime, type Disconnected, type WebSocketLike } from '../src/realtime.js';
import { SessionManager } from '../src/session.js';
import { memoryStorage } from '../src/storage.js';

// The server never sends a duplicate or leaves a hole; these check the client's guard against
// both (and its handling of close codes) with a scripted socket.

class ScriptedSocket implements WebSocketLike {
  static all: ScriptedSocket[] = [];
  readyState = 0;
  readonly sent: any[] = [];
  onopen: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  constructor(readonly url: string) {
    ScriptedSocket.all.push(this);
    setTimeout(() => {
      this.readyState = 1;
      (this.onopen as (() => void) | null)?.();
    });
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    (this.onclose as ((e: { code: number; reason: string }) => void) | null)?.({ code, reason });
  }
  frame(frame: object): void {
    (this.onmessage as ((e: { data: string }) => void) | null)?.({ data: JSON.stringify(frame) });
  }
}

function setup() {
  ScriptedSocket.all = [];
  const storage = memoryStorage();
  let refreshes = 0;
  const user = { id: 'u1' } as never;
  const tokens = (n: number) =>
    ({ accessToken: `a${n}`, refreshToken: `r${n}`, tokenType: 'Bearer', expiresIn: 900, sessionId: 's', user }) as never;
  const sessions = new SessionManager({ storage, refresh: async () => tokens(++refreshes), signedOut: () => {} });
  const handed: number[] = [];
  const drops: Disconnected[] = [];
  const realtime = new Realtime({
    url: 'ws://server',
    WebSocket: ScriptedSocket,
    sessions,
    storage,
    options: { ackIntervalMs: 10, backoff: { baseMs: 1, maxMs: 5 } },
    sink: {
      ready: () => {},
      event: (e: DurableEvent) => handed.push(e.seq),
      ephemeral: () => {},
      resync: () => {},
      frameError: () => {},
      disconnected: (d) => drops.push(d),
    },
  });
  return { realtime, sessions, storage, handed, drops, refreshes: () => refreshes, tokens };
}

const event = (seq: number) => ({ seq, type: 'friend.removed', data: { userId: 'x' } });

async function nextSocket(index: number): Promise<ScriptedSocket> {
  for (let i = 0; i < 200 && !(ScriptedSocket.all[index]?.readyState === 1); i++) await sleep(5);
  return ScriptedSocket.all[index]!;
}

test('duplicates are dropped; a hole reconnects with since = the last seq handed; acks are batched', async () => {
  const { realtime, sessions, handed, tokens } = setup();
  await sessions.set(tokens(0));
  const ready = realtime.start();
  const first = await nextSocket(0);
  assert.deepEqual(first.sent[0], { type: 'auth', token: 'a0' });
  assert.ok(!first.url.includes('since'), 'a first connection without a saved seq replays nothing');
  first.frame({ type: 'ready', data: { user: {}, seq: 5, sessionId: 's' } });
  await ready;
  first.frame(event(6));
  first.frame(event(7));
  first.frame(event(7));
  first.frame(event(6));
  first.frame(event(9));
  assert.deepEqual(handed, [6, 7]);

  const second = await nextSocket(1);
  assert.equal(new URL(second.url).searchParams.get('since'), '7');
  second.frame({ type: 'ready', data: { user: {}, seq: 9, sessionId: 's' } });
  second.frame(event(8));
  second.frame(event(9));
  assert.deepEqual(handed, [6, 7, 8, 9]);
  await sleep(30);
  assert.deepEqual(
    second.sent.filter((f) => f.type === 'ack'),
    [{ type: 'ack', seq: 9 }],
  );
  realtime.stop();
});

test('4001 refreshes the token before reconnecting; 1012 and 4009 reconnect with since', async () => {
  const { realtime, sessions, tokens, refreshes, drops } = setup();
  await sessions.set(tokens(0));
  void realtime.start();
  const first = await nextSocket(0);
  first.frame({ type: 'ready', data: { user: {}, seq: 0, sessionId: 's' } });
  first.frame(event(1));
  first.close(4001, 'token_expired');
  const second = await nextSocket(1);
  assert.equal(refreshes(), 1);
  assert.deepEqual(second.sent[0], { type: 'auth', token: 'a1' });
  assert.equal(new URL(second.url).searchParams.get('since'), '1');
  second.frame({ type: 'ready', data: { user: {}, seq: 1, sessionId: 's' } });
  second.close(1012, 'server restarting');
  const third = await nextSocket(2);
  third.frame({ type: 'ready', data: { user: {}, seq: 1, sessionId: 's' } });
  third.close(4009, 'too slow');
  const fourth = await nextSocket(3);
  assert.equal(new URL(fourth.url).searchParams.get('since'), '1');
  assert.equal(refreshes(), 1, 'only 4001 refreshes');
  assert.ok(drops.every((d) => d.willReconnect));
  realtime.stop();
});

test('a token refreshed elsewhere is swapped into the open socket with an auth frame', async () => {
  const { realtime, sessions, tokens } = setup();
  await sessions.set(tokens(0));
  void realtime.start();
  const socket = await nextSocket(0);
  socket.frame({ type: 'ready', data: { user: {}, seq: 0, sessionId: 's' } });
  await sessions.refresh('a0');
  assert.deepEqual(socket.sent.at(-1), { type: 'auth', token: 'a1' });
  realtime.stop();
});

test('backoff grows exponentially within its cap, with jitter between half and all of it', () => {
  assert.equal(
    backoffDelay(0, { baseMs: 100 }, () => 0),
    50,
  );
  assert.equal(
    backoffDelay(0, { baseMs: 100 }, () => 1),
    100,
  );
  assert.equal(
    backoffDelay(3, { baseMs: 100 }, () => 1),
    800,
  );
  assert.equal(
    backoffDelay(30, { baseMs: 100, maxMs: 5000 }, () => 1),
    5000,
  );
});
