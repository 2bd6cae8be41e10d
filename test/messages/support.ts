import { newId } from '../../src/lib/ids.js';
import { readEvents } from '../../src/events/event-log.repository.js';
import type { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/factories.js';

/** A file row owned by `owner` (what an upload through POST /files leaves behind). */
export async function insertFile(t: TestApp, owner: TestUser, name: string, mimeType: string): Promise<string> {
  const id = newId();
  await t.app.infra.database.db
    .insertInto('files')
    .values({
      id,
      ownerId: owner.id,
      name,
      mimeType,
      size: 1234,
      storageKey: `test/${id}`,
      sha256: 'x'.repeat(64),
      width: mimeType.startsWith('image/') ? 640 : null,
      height: mimeType.startsWith('image/') ? 480 : null,
    })
    .execute();
  return id;
}

/** A group with its conversation and members, made directly in the database. */
export async function createGroupRows(
  t: TestApp,
  owner: TestUser,
  members: { user: TestUser; role?: 'admin' | 'member' }[],
  name = 'Study group',
): Promise<{ groupId: string; conversationId: string }> {
  const db = t.app.infra.database.db;
  const conversationId = newId();
  const groupId = newId();
  await db.insertInto('conversations').values({ id: conversationId, type: 'group', updatedAt: new Date() }).execute();
  await db
    .insertInto('groups')
    .values({ id: groupId, conversationId, name, ownerId: owner.id, memberCount: members.length + 1, updatedAt: new Date() })
    .execute();
  await db
    .insertInto('conversationMembers')
    .values(
      [{ user: owner, role: 'owner' as const }, ...members].map((m) => ({
        conversationId,
        userId: m.user.id,
        role: m.role ?? 'member',
        activityAt: new Date(),
      })),
    )
    .execute();
  return { groupId, conversationId };
}

/** Durable events of a user after `afterSeq`, from the log (what a WebSocket client would get). */
export async function eventsOf(
  t: TestApp,
  user: TestUser,
  type?: string,
  afterSeq = 0,
): Promise<{ seq: number; type: string; data: any }[]> {
  const events = await readEvents(t.app.infra.database.db, user.id, afterSeq, 10_000);
  return events.filter((e) => type === undefined || e.type === type);
}

export async function latest(t: TestApp, user: TestUser): Promise<number> {
  const events = await readEvents(t.app.infra.database.db, user.id, 0, 100_000);
  return events.at(-1)?.seq ?? 0;
}

/** Sends a text message and returns the response body (asserting nothing). */
export async function send(t: TestApp, from: TestUser, body: Record<string, unknown>) {
  return t.http.post('/messages', body, from.token);
}
