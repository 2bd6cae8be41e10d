import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { describeRequest, readOperations, requestFor, type FuzzRequest, type Operation } from './requests.js';
import { newSession, seedWorld, snapshotOf, type World } from './world.js';

/**
 * Drives every operation of docs/openapi.json with generated hostile input, signed in as a seeded
 * user and not, and asserts what bad input must get: never a 5xx, problem+json with a `code` on
 * every 4xx, an answer in time, and a server (and the data of a user who sent nothing) intact
 * afterwards. A longer run: `FUZZ_RUNS=5000 FUZZ_SEED=123 npx tsx --test test/fuzz/openapi.fuzz.test.ts`;
 * a failure prints the seed and path to replay it (`FUZZ_SEED=… FUZZ_PATH=…`).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const PATH = process.env.FUZZ_PATH;
const ONLY = process.env.FUZZ_ONLY;
const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_REQUEST_TIMEOUT_MS ?? 10_000);
/** `FUZZ_STATS=1` prints how often each operation answered which status (is the run reaching the services?). */
const stats = process.env.FUZZ_STATS ? new Map<string, Map<number, number>>() : undefined;

const t = useTestApp();

/** Operations that may end the caller's sessions (all of them, for `/logout/all`). */
const endsSessions = (op: Operation) => ['/logout', '/logout/all', '/sessions/{sessionId}'].includes(op.path);

function tokenFor(world: World, request: FuzzRequest): string | undefined {
  if (request.auth === 'none') return undefined;
  if (request.auth === 'garbage') return 'eyJhbGciOiJub25lIn0.eyJ1c2VySWQiOiJ4In0.';
  return world[request.auth].token;
}

/** After an operation that may have ended the actor's sessions, the actor signs in afresh. */
async function keepSignedIn(world: World, op: Operation, request: FuzzRequest): Promise<void> {
  if (!endsSessions(op) || (request.auth !== 'a' && request.auth !== 'b')) return;
  world[request.auth].token = (await newSession(t.current, world[request.auth])).token;
}

async function send(world: World, op: Operation, request: FuzzRequest): Promise<void> {
  const token = tokenFor(world, request);
  const headers = { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${t.current.url}${request.url}`, {
      method: request.method,
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await res.text();
    await keepSignedIn(world, op, request);
  } catch (error) {
    const err = error as Error;
    if (err.name === 'TimeoutError') throw new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`);
    throw new Error(`the connection failed without an answer: ${err.message} ${String((err.cause as Error)?.message ?? '')}`);
  }
  const counts = stats?.get(`${op.method} ${op.path}`) ?? new Map<number, number>();
  counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
  stats?.set(`${op.method} ${op.path}`, counts);
  if (process.env.FUZZ_TRACE)
    process.stderr.write(`${res.status} ${request.auth} ${request.method} ${request.url.slice(0, 200)} ${text.slice(0, 200)}\n`);
  assert.ok(res.status < 500, `answered ${res.status}: ${text.slice(0, 500)}`);
  if (res.status < 400) return;
  const type = res.headers.get('content-type') ?? '';
  if (op.html && type.startsWith('text/html')) return;
  assert.match(type, /^application\/problem\+json/, `a ${res.status} answered as ${type}: ${text.slice(0, 300)}`);
  const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
  assert.equal(typeof problem.code, 'string', `no code in ${text.slice(0, 300)}`);
  assert.match(problem.code as string, /^[a-z][a-z_]*$/);
  assert.equal(problem.status, res.status);
}

test('no operation of the OpenAPI document answers hostile input with a 5xx, a non-problem 4xx or silence', async (context) => {
  const world = await seedWorld(t.current);
  const all = readOperations();
  assert.ok(all.length > 40, 'the OpenAPI document lists the operations');
  // `FUZZ_ONLY=/groups` fuzzes only the operations whose path contains it.
  const operations = all.filter((op) => !ONLY || op.path.includes(ONLY));
  const arbitrary = fc.oneof(...operations.map((op) => requestFor(op, world.pool).map((request) => ({ op, request }))));
  const property = fc.asyncProperty(arbitrary, ({ op, request }) => send(world, op, request));

  const details = await fc.check(property, { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}) });
  for (const [name, counts] of stats ?? []) {
    context.diagnostic(`${name}: ${[...counts].map(([status, n]) => `${status}×${n}`).join(' ')}`);
  }
  if (details.failed) {
    const example = details.counterexample?.[0];
    assert.fail(
      [
        `a request failed after ${details.numRuns} runs (shrunk ${details.numShrinks} times)`,
        `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx tsx --test test/fuzz/openapi.fuzz.test.ts`,
        example ? describeRequest(example.request) : '(no counterexample)',
        String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance),
      ].join('\n'),
    );
  }

  // The server is healthy afterwards: it answers, the victim's data reads the same, and the
  // ordinary flow (log in, send a message) works.
  const { http } = t.current;
  assert.equal((await http.get('/healthz')).status, 200);
  assert.deepEqual(await snapshotOf(t.current, world.v, world.groupId, world.conversationId), world.snapshot);
  const login = await http.post('/login', { email: world.v.email, password: world.v.password });
  assert.equal(login.status, 200, login.text);
  const friend = await createUser(t.current);
  await befriend(t.current, world.v, friend);
  const sent = await http.post('/messages', { recipientId: friend.id, text: 'still here' }, login.body.accessToken);
  assert.equal(sent.status, 201, sent.text);
  const read = await http.get(`/conversations/${sent.body.conversationId}/messages`, friend.token);
  assert.deepEqual(
    read.body.messages.map((m: { text: string }) => m.text),
    ['still here'],
  );
});
