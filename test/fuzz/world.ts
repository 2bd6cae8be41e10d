import assert from 'node:assert/strict';
import { newId } from '../../src/lib/ids.js';
import type { TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import type { IdPool } from './values.js';

/**
 * The seeded world the fuzzer acts in: actors `a` and `b` send the requests; the victim `v` never
 * does, and what `v` owns must read the same afterwards. `a` is `v`'s friend and a member of `v`'s
 * group; `b` is `a`'s friend and has a pending request to `v`.
 */
export interface World {
  v: TestUser;
  a: TestUser;
  b: TestUser;
  pool: IdPool;
  groupId: string;
  conversationId: string;
  snapshot: VictimSnapshot;
}

export interface VictimSnapshot {
  profile: unknown;
  group: unknown;
  messages: unknown;
}

/** A fresh signed-in session of `user`, for operations that end every session of theirs. */
export async function newSession(t: TestApp, user: TestUser): Promise<{ sessionId: string; token: string }> {
  const sessionId = newId();
  await t.app.infra.database.db
    .insertInto('sessions')
    .values({ id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000), lastUsedAt: new Date() })
    .execute();
  return { sessionId, token: await t.app.infra.tokens.sign({ userId: user.id, sessionId }) };
}

async function ok<T = any>(promise: Promise<{ status: number; body: T; text: string }>, status = 200): Promise<T> {
  const res = await promise;
  assert.equal(res.status, status, res.text);
  return res.body;
}

export async function seedWorld(t: TestApp): Promise<World> {
  const { http } = t;
  const [v, a, b] = [await createUser(t, { username: 'fuzz_victim' }), await createUser(t), await createUser(t)];
  await befriend(t, v, a);
  await befriend(t, a, b);
  await ok(http.put('/profile', { displayName: 'Victim', bio: 'Do not touch' }, v.token));
  const group = await ok(
    http.post('/groups', { name: 'Victim group', description: 'Owned by v', memberIds: [a.id] }, v.token),
    201,
  );
  const direct = await ok(
    http.post('/messages', { recipientId: a.id, text: 'hello a', clientMessageId: 'seed-1' }, v.token),
    201,
  );
  const inGroup = await ok(http.post('/messages', { groupId: group.id, text: 'hello group' }, a.token), 201);
  const request = await ok(http.post('/friends/add', { userId: v.id }, b.token), 201);
  const form = new FormData();
  form.append('file', new Blob(['fuzz notes\n'], { type: 'text/plain' }), 'notes.txt');
  const upload = await fetch(`${t.url}/files`, { method: 'POST', headers: { authorization: `Bearer ${a.token}` }, body: form });
  assert.equal(upload.status, 201, await upload.clone().text());
  const file = (await upload.json()) as { id: string };
  const spare = await newSession(t, a);
  const ids = [
    v.id,
    a.id,
    b.id,
    group.id,
    group.conversationId,
    direct.id,
    direct.conversationId,
    inGroup.id,
    request.id ?? request.request?.id,
    file.id,
    spare.sessionId,
  ].filter((id): id is string => typeof id === 'string');
  const pool = { ids, emails: [v.email, a.email, b.email] };
  const snapshot = await snapshotOf(t, v, group.id, direct.conversationId);
  return { v, a, b, pool, groupId: group.id, conversationId: direct.conversationId, snapshot };
}

/** What the victim owns, as the victim reads it. */
export async function snapshotOf(t: TestApp, v: TestUser, groupId: string, conversationId: string): Promise<VictimSnapshot> {
  const { http } = t;
  const profile = await ok(http.get('/profile', v.token));
  const group = await ok(http.get(`/groups/${groupId}`, v.token));
  const history = await ok(http.get(`/conversations/${conversationId}/messages`, v.token));
  return {
    profile: { username: profile.username, displayName: profile.displayName, bio: profile.bio, email: profile.email },
    group: { name: group.name, description: group.description, ownerId: group.ownerId },
    messages: history.messages
      .filter((m: { senderId: string }) => m.senderId === v.id)
      .map((m: { id: string; text: string | null; editedAt: string | null; deletedAt: string | null }) => ({
        id: m.id,
        text: m.text,
        editedAt: m.editedAt,
        deletedAt: m.deletedAt,
      })),
  };
}
