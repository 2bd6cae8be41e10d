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

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const PATH = process.env.FUZZ_PATH;
const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_REQUEST_TIMEOUT_MS ?? 10_000);

const t = useTestApp();

/** Operations that end every session of the caller run on a fresh session, so the actor stays signed in. */
const endsSessions = (op: Operation) => op.path === '/logout/all' || op.path === '/sessions/{sessionId}';

async function tokenFor(world: World, op: Operation, request: FuzzRequest): Promise<string | undefined> {
  if (request.auth === 'none') return undefined;
  if (request.auth === 'garbage') return 'eyJhbGciOiJub25lIn0.eyJ1c2VySWQiOiJ4In0.';
  const user = world[request.auth];
  return endsSessions(op) ? (await newSession(t.current, user)).token : user.token;
}

async function send(world: World, op: Operation, request: FuzzRequest): Promise<void> {
  const token = await tokenFor(world, op, request);
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
  } catch (error) {
    const err = error as Error;
    if (err.name === 'TimeoutError') throw new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`);
    throw new Error(`the connection failed without an answer: ${err.message} ${String((err.cause as Error)?.message ?? '')}`);
  }
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

test('no operation of the OpenAPI document answers hostile input with a 5xx, a non-problem 4xx or silence', async () => {
  const world = await seedWorld(t.current);
  const operations = readOperations();
  assert.ok(operations.length > 40, 'the OpenAPI document lists the operations');
  const arbitrary = fc.oneof(...operations.map((op) => requestFor(op, world.pool).map((request) => ({ op, request }))));
  const property = fc.asyncProperty(arbitrary, ({ op, request }) => send(world, op, request));

  const details = await fc.check(property, { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}) });
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
