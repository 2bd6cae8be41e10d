import type { Db } from '../../db/database.js';
import type { PresenceInfo, PresencePort, SocialPort } from '../../modules/ports.js';
import type { PresenceStore } from './presence-store.js';

export interface PresenceDeps {
  store: PresenceStore;
  db: Db;
  graceMs: number;
  /** How long a node's heartbeat lives; it is refreshed every third of that and dead nodes swept every half. */
  nodeTtlMs: number;
  /** Whose friends hear of a change. */
  social: Pick<SocialPort, 'friendIds'>;
  /** Sends an ephemeral frame to every connection of `userIds` on every node. */
  broadcast: (userIds: readonly string[], frame: { type: string; data: unknown }) => Promise<void>;
  log: { warn(obj: unknown, msg?: string): void };
}

export interface Presence extends PresencePort {
  connected(userId: string, connId: string): Promise<void>;
  disconnected(userId: string, connId: string, lastForUser: boolean): Promise<void>;
  /** Open connections of the user on every node. */
  connectionCount(userId: string): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Online/offline state and its `presence.updated` frames to friends. The last close starts a
 * grace timer; only when it ends with no connection anywhere is the user announced offline, with
 * the close time as `lastSeenAt` (also written to `users.last_seen_at`).
 */
export function createPresence(deps: PresenceDeps): Presence {
  const timers = new Map<string, NodeJS.Timeout>();
  let heartbeat: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;

  async function announce(userId: string, online: boolean, lastSeenAt: string | null): Promise<void> {
    const friends = await deps.social.friendIds(userId);
    if (friends.length > 0) await deps.broadcast(friends, { type: 'presence.updated', data: { userId, online, lastSeenAt } });
  }

  async function wentOffline(userId: string, at: Date): Promise<void> {
    await deps.db.updateTable('users').set({ lastSeenAt: at }).where('id', '=', userId).execute();
    await announce(userId, false, at.toISOString());
  }

  async function settle(userId: string, at: Date): Promise<void> {
    timers.delete(userId);
    if (await deps.store.settleOffline(userId, at)) await wentOffline(userId, at);
  }

  const guard = (work: Promise<void>) => work.catch((err: unknown) => deps.log.warn({ err }, 'presence update failed'));

  return {
    async lookup(userIds: readonly string[]): Promise<Map<string, PresenceInfo>> {
      return deps.store.lookup(userIds);
    },
    async connected(userId, connId) {
      clearTimeout(timers.get(userId));
      timers.delete(userId);
      if (await deps.store.add(userId, connId)) await announce(userId, true, null);
    },
    connectionCount: (userId) => deps.store.connectionCount(userId),
    async disconnected(userId, connId, lastForUser) {
      await deps.store.remove(userId, connId);
      if (!lastForUser) return;
      const at = new Date();
      clearTimeout(timers.get(userId));
      if (deps.graceMs === 0) return settle(userId, at);
      timers.set(
        userId,
        setTimeout(() => void guard(settle(userId, at)), deps.graceMs),
      );
    },
    start() {
      void guard(seed());
      void guard(deps.store.heartbeat());
      heartbeat = setInterval(() => void guard(deps.store.heartbeat()), deps.nodeTtlMs / 3);
      sweeper = setInterval(() => void guard(sweep()), deps.nodeTtlMs / 2);
      heartbeat.unref();
      sweeper.unref();
    },
    async stop() {
      clearInterval(heartbeat);
      clearInterval(sweeper);
      // Users in their grace period are settled now: no node would do it later.
      const pending = [...timers.keys()];
      for (const timer of timers.values()) clearTimeout(timer);
      const now = new Date();
      await Promise.all(pending.map((userId) => guard(settle(userId, now))));
      await deps.store.close();
    },
  };

  /** The in-memory store learns the last-seen times kept in the database (lookups never query it). */
  async function seed(): Promise<void> {
    if (!deps.store.seed) return;
    const rows = await deps.db.selectFrom('users').select(['id', 'lastSeenAt']).where('lastSeenAt', 'is not', null).execute();
    deps.store.seed(rows.map((r) => [r.id, new Date(r.lastSeenAt!)]));
  }

  async function sweep(): Promise<void> {
    const now = new Date();
    for (const userId of await deps.store.sweep(now)) await wentOffline(userId, now);
  }
}
