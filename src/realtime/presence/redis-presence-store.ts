import type { Redis } from 'ioredis';
import type { PresenceStore } from './presence-store.js';

// KEYS: connections set, online flag, node-users set. ARGV: member, userId. Returns 1 when newly online.
const ADD = `
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
if redis.call('SET', KEYS[2], '1', 'NX') then return 1 end
return 0`;

// KEYS: connections set, online flag, last-seen key. ARGV: ISO time. Returns 1 when now offline.
const SETTLE = `
if redis.call('SCARD', KEYS[1]) == 0 and redis.call('DEL', KEYS[2]) == 1 then
  redis.call('SET', KEYS[3], ARGV[1])
  return 1
end
return 0`;

/**
 * Presence shared by every node: `presence:{userId}` is the set of `connId@nodeId`; each node
 * refreshes `node:{nodeId}` with a TTL and lists its users in `node-users:{nodeId}`, so the
 * connections of a node that died without closing its sockets are swept by the others.
 */
export function createRedisPresenceStore(redis: Redis, prefix: string, nodeId: string, nodeTtlSeconds: number): PresenceStore {
  const k = {
    conns: (u: string) => `${prefix}:presence:${u}`,
    online: (u: string) => `${prefix}:presence:online:${u}`,
    seen: (u: string) => `${prefix}:presence:seen:${u}`,
    node: (n: string) => `${prefix}:node:${n}`,
    nodeUsers: (n: string) => `${prefix}:node-users:${n}`,
    nodes: `${prefix}:nodes`,
  };
  const local = new Map<string, Set<string>>();
  const member = (connId: string) => `${connId}@${nodeId}`;
  const settle = async (userId: string, at: Date) =>
    (await redis.eval(SETTLE, 3, k.conns(userId), k.online(userId), k.seen(userId), at.toISOString())) === 1;

  async function sweepNode(dead: string, now: Date): Promise<string[]> {
    const offline: string[] = [];
    for (const userId of await redis.smembers(k.nodeUsers(dead))) {
      const members = await redis.smembers(k.conns(userId));
      const gone = members.filter((m) => m.endsWith(`@${dead}`));
      if (gone.length > 0) await redis.srem(k.conns(userId), ...gone);
      if (await settle(userId, now)) offline.push(userId);
    }
    await redis.del(k.nodeUsers(dead));
    await redis.srem(k.nodes, dead);
    return offline;
  }

  return {
    async add(userId, connId) {
      let set = local.get(userId);
      if (!set) local.set(userId, (set = new Set()));
      set.add(connId);
      return (await redis.eval(ADD, 3, k.conns(userId), k.online(userId), k.nodeUsers(nodeId), member(connId), userId)) === 1;
    },
    async remove(userId, connId) {
      const set = local.get(userId);
      set?.delete(connId);
      await redis.srem(k.conns(userId), member(connId));
      if (set?.size === 0) {
        local.delete(userId);
        await redis.srem(k.nodeUsers(nodeId), userId);
      }
    },
    async connectionCount(userId) {
      return redis.scard(k.conns(userId));
    },
    settleOffline: settle,
    async lookup(userIds) {
      const result = new Map<string, { online: boolean; lastSeenAt: string | null }>();
      if (userIds.length === 0) return result;
      const pipeline = redis.pipeline();
      for (const id of userIds) pipeline.exists(k.online(id)).get(k.seen(id));
      const replies = (await pipeline.exec()) ?? [];
      userIds.forEach((id, i) => {
        const online = replies[2 * i]?.[1] === 1;
        const seen = replies[2 * i + 1]?.[1];
        result.set(id, { online, lastSeenAt: typeof seen === 'string' ? seen : null });
      });
      return result;
    },
    async sweep(now) {
      const offline: string[] = [];
      for (const node of await redis.smembers(k.nodes)) {
        if (node === nodeId || (await redis.exists(k.node(node))) === 1) continue;
        offline.push(...(await sweepNode(node, now)));
      }
      return offline;
    },
    async heartbeat() {
      await redis.multi().set(k.node(nodeId), '1', 'EX', nodeTtlSeconds).sadd(k.nodes, nodeId).exec();
    },
    async close() {
      await redis.del(k.node(nodeId));
      local.clear();
    },
  };
}
