import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import { WsClient } from '../helpers/ws.js';
import { createClient, e2eEnv, routeMissing, signUp, type E2eUser } from './support.js';

// Runs against a deployment (scripts/ci-nginx.sh: two nodes behind nginx). E2E_BASE_URL is the
// balancer, E2E_NODE_URLS the nodes behind it, E2E_OUTBOX the directory the nodes write mail to.
const env = e2eEnv();

describe('two nodes behind a load balancer', { skip: env ? false : 'E2E_BASE_URL is not set' }, () => {
  const { base, nodes, outbox } = env ?? { base: '', nodes: [], outbox: '' };
  const lb = createClient(base);
  // Through nginx every test user comes from 127.0.0.1, the same address for the per-IP sign-up
  // limit; users the tests only need are made on a node directly, each with its own address.
  const direct = createClient(nodes[0] ?? base);

  test('health, readiness, and metrics kept off the public side', async () => {
    assert.deepEqual((await lb.get('/healthz')).body, { status: 'ok' });
    assert.equal((await lb.get('/readyz')).status, 200);
    assert.equal((await lb.get('/metrics')).status, 404);
    for (const node of nodes) assert.equal((await fetch(`${node}/readyz`)).status, 200);
  });

  test('sign-up, verification and login through the balancer; the token works on every node', async () => {
    const user = await signUp(lb, outbox);
    for (const node of nodes) {
      const profile = await createClient(node).get('/profile', user.token);
      assert.equal(profile.status, 200);
      assert.equal(profile.body.id, user.id);
      assert.equal(profile.body.emailVerified, true);
    }
  });

  test('nginx replaces a forged X-Forwarded-For with the address it saw', async () => {
    const user = await signUp(direct, outbox);
    const login = await lb.request('POST', '/login', {
      body: { email: user.email, password: 'correct horse battery staple' },
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    assert.equal(login.status, 200, login.text);
    const sessions = await lb.get('/sessions', login.body.accessToken);
    const current = sessions.body.sessions.find((s: { current: boolean }) => s.current);
    assert.equal(current.ip, '127.0.0.1');
  });

  test('a 2 MiB upload streams through; its signed URL works on every node; oversized bodies get problem+json 413', async () => {
    const user = await signUp(direct, outbox);
    const bytes = randomBytes(2 * 1024 * 1024);
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'noise.bin');
    const res = await fetch(`${base}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${user.token}` } });
    assert.equal(res.status, 201);
    const file = (await res.json()) as { url: string; size: number; mimeType: string };
    assert.equal(file.size, bytes.length);
    assert.ok(file.url.startsWith(`${base}/files/`), 'URLs name the balancer (PUBLIC_URL)');
    for (const origin of [base, ...nodes]) {
      const got = await fetch(origin + file.url.slice(base.length));
      assert.equal(got.status, 200);
      assert.ok(Buffer.from(await got.arrayBuffer()).equals(bytes));
    }
    const huge = new FormData();
    huge.append('file', new Blob([Buffer.alloc(27 * 1024 * 1024)]), 'huge.bin');
    const refused = await fetch(`${base}/files`, {
      method: 'POST',
      body: huge,
      headers: { authorization: `Bearer ${user.token}` },
    });
    assert.equal(refused.status, 413);
    assert.equal(((await refused.json()) as { code: string }).code, 'payload_too_large');
  });

  /** Friends and the WebSocket gateway land separately; until both are deployed these tests skip. */
  async function realtimeReady(t: TestContext, user: E2eUser): Promise<boolean> {
    if (await routeMissing(lb, 'POST', '/friends/add', user.token)) {
      t.skip('POST /friends/add is not deployed yet');
      return false;
    }
    const ws = await WsClient.connect(base, { token: user.token }).catch((err: Error) => err);
    if (ws instanceof Error) {
      t.skip(`GET /ws is not deployed yet (${ws.message})`);
      return false;
    }
    await ws.close();
    return true;
  }

  test('a friend request made through the balancer reaches the addressee over the WebSocket', async (t) => {
    const [alice, bob] = [await signUp(direct, outbox), await signUp(direct, outbox)];
    if (!(await realtimeReady(t, alice))) return;
    const ws = await WsClient.connect(base, { token: alice.token });
    try {
      const sent = await lb.post('/friends/add', { userId: alice.id }, bob.token);
      assert.equal(sent.status, 201, sent.text);
      const frame = await ws.event('friend.request_received', (data) => data.id === sent.body.request.id);
      assert.equal(frame.data.from.id, bob.id);
      assert.equal(frame.data.status, 'pending');
      assert.equal(ws.events('friend.request_sent').length, 0, 'the requester’s event goes to the requester only');
    } finally {
      await ws.close();
    }
  });

  test('a client whose reconnect lands on the other node resumes with since, without loss or duplicates', async (t) => {
    const [alice, bob] = [await signUp(direct, outbox), await signUp(direct, outbox)];
    if (!(await realtimeReady(t, alice))) return;
    const [nodeA, nodeB] = [nodes[0]!, nodes[1] ?? nodes[0]!];
    const first = await WsClient.connect(nodeA, { token: alice.token });
    const since = first.frames[0]!.data.seq as number;
    await first.close();

    // While Alice is away, Bob asks and cancels three times (plus whatever notifications follow).
    for (let i = 0; i < 3; i++) {
      const sent = await createClient(i % 2 ? nodeA : nodeB).post('/friends/add', { userId: alice.id }, bob.token);
      assert.equal(sent.status, 201, sent.text);
      assert.equal((await lb.delete(`/friends/requests/${sent.body.request.id}`, bob.token)).status, 204);
    }
    const second = await WsClient.connect(nodeB, { token: alice.token, since });
    try {
      const latest = second.frames[0]!.data.seq as number;
      assert.ok(latest >= since + 6, `ready seq ${latest} after ${since}`);
      await second.next((f) => f.seq === latest);
      const contiguous = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
      assert.deepEqual(
        second.events().map((f) => f.seq),
        contiguous(since + 1, latest),
        'every missed event once, in order',
      );
      const friendEvents = second.events().filter((f) => f.type.startsWith('friend.'));
      assert.deepEqual(
        friendEvents.map((f) => f.type),
        ['received', 'cancelled', 'received', 'cancelled', 'received', 'cancelled'].map((e) => `friend.request_${e}`),
      );
      // Live events made on the other node follow without a gap.
      const live = await createClient(nodeA).post('/friends/add', { userId: alice.id }, bob.token);
      assert.equal(live.status, 201);
      const frame = await second.event('friend.request_received', (data) => data.id === live.body.request.id);
      assert.ok(frame.seq! > latest);
      assert.deepEqual(
        second.events().map((f) => f.seq),
        contiguous(since + 1, second.events().at(-1)!.seq!),
      );
      assert.equal(second.frames.filter((f) => f.type === 'resync_required').length, 0);
    } finally {
      await second.close();
    }
  });
});
