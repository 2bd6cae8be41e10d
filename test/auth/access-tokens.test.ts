import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAccessTokens } from '../../src/lib/access-tokens.js';

const SECRET = 'a'.repeat(64);

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

test('a remembered token still expires on time, and a changed byte is verified afresh', async () => {
  let clock = Date.UTC(2026, 0, 1);
  const tokens = createAccessTokens(SECRET, 60, () => clock);
  const token = await tokens.sign({ userId: 'user-1', sessionId: 'session-1' });
  const first = await tokens.verify(token);
  assert.deepEqual(first, { userId: 'user-1', sessionId: 'session-1', expiresAt: clock + 60_000 });
  first.userId = 'mutated';
  assert.equal((await tokens.verify(token)).userId, 'user-1', 'callers get copies');

  const [header, payload, signature] = token.split('.');
  const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
  assert.equal(await rejection(tokens.verify(`${header}.${payload}.${flipped}`)), 'unauthorized');
  assert.equal(await rejection(createAccessTokens('b'.repeat(64), 60, () => clock).verify(token)), 'unauthorized');

  clock += 59_000;
  assert.equal((await tokens.verify(token)).sessionId, 'session-1');
  clock += 1_000;
  assert.equal(await rejection(tokens.verify(token)), 'token_expired');
  assert.equal(await rejection(tokens.verify(token)), 'token_expired', 'and stays expired once forgotten');
});
