import assert from 'node:assert/strict';
import { readEvents } from '../../src/events/event-log.repository.js';
import { newId } from '../../src/lib/ids.js';
import type { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/factories.js';

export interface SeenEvent {
  seq: number;
  type: string;
  data: any;
}

/**
 * Reads each user's durable events from the log, remembering where it stopped, so a test can
 * check exactly what arrived since the previous step (and that nothing else did).
 */
export class Inboxes {
  private readonly seen = new Map<string, number>();
  constructor(private readonly t: { current: TestApp }) {}

  /** Starts (or restarts) following `users` from their current position. */
  async follow(...users: TestUser[]): Promise<void> {
    for (const u of users) {
      const all = await readEvents(this.t.current.app.infra.database.db, u.id, 0, 100_000);
      this.seen.set(u.id, all.at(-1)?.seq ?? 0);
    }
  }

  /** Events `user` received since the last call, oldest first. */
  async take(user: TestUser): Promise<SeenEvent[]> {
    const after = this.seen.get(user.id) ?? 0;
    const events = await readEvents(this.t.current.app.infra.database.db, user.id, after, 10_000);
    if (events.length > 0) this.seen.set(user.id, events.at(-1)!.seq);
    return events;
  }

  /** Asserts that `user` received nothing since the last call. */
  async none(user: TestUser, why = ''): Promise<void> {
    const events = await this.take(user);
    assert.deepEqual(
      events.map((e) => e.type),
      [],
      `${user.username} should have received nothing ${why}`,
    );
  }
}

/** The event types in order, with the system message kind for message.created. */
export function summary(events: readonly SeenEvent[]): string[] {
  return events.map((e) => (e.type === 'message.created' ? `message.created:${e.data.system?.kind ?? e.data.type}` : e.type));
}

export function only(events: readonly SeenEvent[], type: string): SeenEvent {
  const found = events.filter((e) => e.type === type);
  assert.equal(found.length, 1, `exactly one ${type} in ${JSON.stringify(summary(events))}`);
  return found[0]!;
}

/** The group's `system` messages as stored, in seq order. */
export async function systemMessages(t: { current: TestApp }, conversationId: string): Promise<Record<string, unknown>[]> {
  const rows = await t.current.app.infra.database.db
    .selectFrom('messages')
    .select(['seq', 'type', 'senderId', 'systemData'])
    .where('conversationId', '=', conversationId)
    .orderBy('seq')
    .execute();
  for (const row of rows) assert.equal(row.type, 'system');
  return rows.map((r) => ({ ...r.systemData, seq: r.seq, senderId: r.senderId }));
}

/** The notifications stored for `user`, oldest first. */
export async function notificationsOf(t: { current: TestApp }, user: TestUser) {
  return t.current.app.infra.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', user.id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Creates a group over HTTP and returns its body (asserting 201). */
export async function createGroup(t: { current: TestApp }, owner: TestUser, members: TestUser[], name = 'Study group') {
  const res = await t.current.http.post('/groups', { name, memberIds: members.map((m) => m.id) }, owner.token);
  assert.equal(res.status, 201, res.text);
  return res.body;
}

/** Inserts an uploaded file row for `owner` (the files tests cover uploads over HTTP). */
export async function insertFile(t: { current: TestApp }, owner: TestUser, mimeType = 'image/png'): Promise<string> {
  const id = newId();
  await t.current.app.infra.database.db
    .insertInto('files')
    .values({ id, ownerId: owner.id, name: 'picture.png', mimeType, size: 68, storageKey: id, sha256: 'x', width: 1, height: 1 })
    .execute();
  return id;
}

export function assertProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(res.body.code, code);
  assert.equal(res.body.status, status);
}
