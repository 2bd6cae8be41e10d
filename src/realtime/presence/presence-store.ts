import type { PresenceInfo } from '../../modules/ports.js';

/**
 * Where presence lives: in memory on one node, in Redis across nodes. Online means "announced
 * online": set by the first connection, cleared only when the grace period after the last close
 * ends with no connection left anywhere, so a flapping link makes no noise.
 */
export interface PresenceStore {
  /** Records a connection; true when the user was offline (the caller announces them online). */
  add(userId: string, connId: string): Promise<boolean>;
  remove(userId: string, connId: string): Promise<void>;
  /** Open connections of the user on every node (for the per-user connection cap). */
  connectionCount(userId: string): Promise<number>;
  /**
   * Called when the grace period after a close ends: true when the user has no connection left
   * anywhere and was online (the caller announces them offline with `at` as lastSeenAt).
   */
  settleOffline(userId: string, at: Date): Promise<boolean>;
  lookup(userIds: readonly string[]): Promise<Map<string, PresenceInfo>>;
  /** Drops the connections of nodes that stopped refreshing their heartbeat; returns users now offline. */
  sweep(now: Date): Promise<string[]>;
  /** Refreshes this node's heartbeat (Redis) so other nodes do not sweep its connections. */
  heartbeat(): Promise<void>;
  /** Forgets this node's connections (clean shutdown). */
  close(): Promise<void>;
  /** Known last-seen times from the database (the in-memory store starts empty). */
  seed?(lastSeen: Iterable<[string, Date]>): void;
}

export function createMemoryPresenceStore(): PresenceStore {
  const connections = new Map<string, Set<string>>();
  const online = new Set<string>();
  const lastSeen = new Map<string, string>();
  return {
    async add(userId, connId) {
      let set = connections.get(userId);
      if (!set) connections.set(userId, (set = new Set()));
      set.add(connId);
      if (online.has(userId)) return false;
      online.add(userId);
      return true;
    },
    async remove(userId, connId) {
      const set = connections.get(userId);
      set?.delete(connId);
      if (set?.size === 0) connections.delete(userId);
    },
    async connectionCount(userId) {
      return connections.get(userId)?.size ?? 0;
    },
    async settleOffline(userId, at) {
      if (connections.has(userId) || !online.has(userId)) return false;
      online.delete(userId);
      lastSeen.set(userId, at.toISOString());
      return true;
    },
    async lookup(userIds) {
      return new Map(userIds.map((id) => [id, { online: online.has(id), lastSeenAt: lastSeen.get(id) ?? null }]));
    },
    async sweep() {
      return [];
    },
    async heartbeat() {},
    async close() {
      connections.clear();
    },
    seed(entries) {
      for (const [id, at] of entries) if (!lastSeen.has(id)) lastSeen.set(id, at.toISOString());
    },
  };
}
