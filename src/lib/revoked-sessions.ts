/** The bus channel on which a node tells the others which sessions it revoked. */
export const REVOKED_SESSIONS_CHANNEL = 'sessions.revoked';

/** What travels on the channel: the sessions and when they were revoked (ms since the epoch). */
export interface RevokedMessage {
  sessionIds: string[];
  at: number;
}

/**
 * Slack on top of the access-token lifetime: a token signed while its session was being revoked
 * (a refresh racing a logout) and the clocks of different nodes still fall inside the window.
 */
const MARGIN_MS = 60_000;
/** Expired entries are swept every this many additions, so memory follows the revocation rate. */
const SWEEP_EVERY = 1000;

/**
 * The sessions revoked on any node, kept per node so that every request can refuse their access
 * tokens without a database round trip. An entry lives as long as a token signed before the
 * revocation can still be valid (the token lifetime plus a margin); no new token is ever signed
 * for a revoked session, so after that the entry carries no information.
 */
export function createRevokedSessions(options: {
  tokenTtlSeconds: number;
  /** Tells the other nodes (the bus); failures are the caller's to log. */
  announce?: (message: RevokedMessage) => Promise<void>;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const windowMs = options.tokenTtlSeconds * 1000 + MARGIN_MS;
  const until = new Map<string, number>();
  let added = 0;

  function sweep(t: number): void {
    for (const [id, end] of until) if (end <= t) until.delete(id);
  }

  function add(sessionIds: readonly string[], at: number): void {
    const end = at + windowMs;
    const t = now();
    if (end <= t) return;
    for (const id of sessionIds) if ((until.get(id) ?? 0) < end) until.set(id, end);
    added += sessionIds.length;
    if (added >= SWEEP_EVERY) {
      added = 0;
      sweep(t);
    }
  }

  return {
    /** How far back a revocation still matters (ms): what a node loads from the database at start. */
    windowMs,
    /** True when access tokens of this session must be refused. */
    has(sessionId: string): boolean {
      const end = until.get(sessionId);
      if (end === undefined) return false;
      if (end > now()) return true;
      until.delete(sessionId);
      return false;
    },
    /** Records a revocation made on this node and tells the others. */
    async revoke(sessionIds: readonly string[]): Promise<void> {
      if (sessionIds.length === 0) return;
      const at = now();
      add(sessionIds, at);
      await options.announce?.({ sessionIds: [...sessionIds], at });
    },
    /** Records revocations read from the database or received from another node. */
    remember(sessionIds: readonly string[], at: number): void {
      add(sessionIds, at);
    },
    /** A message from the bus; anything malformed is ignored. */
    receive(message: unknown): void {
      const { sessionIds, at } = (message ?? {}) as Partial<RevokedMessage>;
      if (!Array.isArray(sessionIds) || typeof at !== 'number' || !Number.isFinite(at)) return;
      add(
        sessionIds.filter((id): id is string => typeof id === 'string'),
        at,
      );
    },
    get size(): number {
      return until.size;
    },
  };
}

export type RevokedSessions = ReturnType<typeof createRevokedSessions>;
