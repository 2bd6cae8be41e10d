import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { BUS_EPHEMERAL_CHANNEL, BUS_EVENTS_CHANNEL, type EphemeralMessage, type WakeUp } from '../events/catalog.js';
import type { Bus } from '../events/bus/bus.js';
import type { WireEvent } from '../events/event-log.repository.js';
import type { Infra } from '../infra.js';
import { AppError } from '../lib/errors.js';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from '../lib/rate-limiter.js';
import type { GatewayHooks } from '../modules/ports.js';
import type { UserDto } from '../modules/users/users.schemas.js';
import { CloseCode } from './close-codes.js';
import { Connection } from './connection.js';
import { dispatch, parseFrame, type FrameContext } from './frames.js';
import { Hub } from './hub.js';
import type { GatewayMetrics } from './metrics.js';
import type { Presence } from './presence/presence.js';
import { planResume } from './resume.js';
import { closeRevokedSessions } from './session-revocation.js';

/** Sends an ephemeral frame to every connection of `users` on every node (this one too, through the bus). */
export async function broadcastEphemeral(bus: Bus, users: readonly string[], frame: EphemeralMessage['frame']): Promise<void> {
  const message: EphemeralMessage = { users: [...users], frame };
  await bus.publish(BUS_EPHEMERAL_CHANNEL, message);
}

/** Sockets pinged per event-loop turn by the heartbeat. */
const PING_SLICE = 250;

const TYPING_RULE = { burst: 1, perSecond: 1 / 3 };
/** Clients may ack every event they get: an ack costs a tenth of a frame against the flood limit. */
const ACK_COST = 0.1;

export interface GatewayDeps {
  infra: Infra;
  hooks: GatewayHooks;
  presence: Presence;
  metrics: GatewayMetrics;
  /** The signed-in user as `ready` shows it; null for a deleted account. */
  loadUser(userId: string): Promise<UserDto | null>;
  /** False for a revoked or expired session. */
  sessionActive(userId: string, sessionId: string): Promise<boolean>;
}

/**
 * The node's side of the real-time protocol: authenticates sockets, resumes them from the log,
 * feeds them on bus wake-ups, relays ephemeral frames and answers client frames.
 */
export class Gateway implements FrameContext {
  readonly hub: Hub;
  private readonly typingLimiter: RateLimiter;
  private readonly unsubscribe: (() => void)[] = [];
  private shuttingDown = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private pinging = false;

  constructor(private readonly deps: GatewayDeps) {
    const { infra } = deps;
    this.hub = new Hub(infra.database.db, infra.log, { afterSend: closeRevokedSessions });
    this.typingLimiter = infra.redis ? createRedisRateLimiter(infra.redis, infra.config.redisPrefix) : createMemoryRateLimiter();
  }

  get log(): FastifyBaseLogger {
    return this.deps.infra.log;
  }

  start(): void {
    const { bus, config } = this.deps.infra;
    this.unsubscribe.push(
      bus.subscribe(BUS_EVENTS_CHANNEL, (message) => {
        const { users, events } = message as WakeUp;
        for (const [userId, seq, indexes] of users ?? []) this.hub.wake(userId, seq, carried(seq, indexes, events));
      }),
      bus.subscribe(BUS_EPHEMERAL_CHANNEL, (message) => {
        const { users, frame } = message as EphemeralMessage;
        if (Array.isArray(users)) this.hub.deliver(users, frame);
      }),
    );
    bus.onResubscribe(() => this.hub.wakeAll());
    this.heartbeat = setInterval(() => void this.ping(), config.wsHeartbeatSeconds * 1000);
    this.heartbeat.unref();
    this.deps.presence.start();
  }

  /** Closes every socket with 1012 (clients reconnect elsewhere and resume). */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.heartbeat);
    for (const off of this.unsubscribe) off();
    for (const conn of this.hub.connections()) conn.close(CloseCode.restarting, 'server restarting');
    await this.deps.presence.stop();
  }

  /** Sends an ephemeral frame to these users on every node. */
  async broadcast(users: readonly string[], frame: { type: string; data: unknown }): Promise<void> {
    await broadcastEphemeral(this.deps.infra.bus, users, frame);
  }

  /** Authenticates a token into connection info, or throws `unauthorized`/`token_expired`. */
  async authenticate(token: string): Promise<{ userId: string; sessionId: string; expiresAt: number; user: UserDto }> {
    const claims = await this.deps.infra.tokens.verify(token);
    if (!(await this.deps.sessionActive(claims.userId, claims.sessionId))) {
      throw new AppError('session_revoked', 'The session has ended');
    }
    const user = await this.deps.loadUser(claims.userId);
    if (!user) throw new AppError('unauthorized', 'The account no longer exists');
    return { ...claims, user };
  }

  /**
   * Whether the user may open another socket (WS_MAX_CONNECTIONS_PER_USER, counted on every node
   * through the presence store). Two sockets opening at the same instant may both pass; the cap
   * is against hoarding, not exact. If the store cannot answer, the socket is let in.
   */
  async admitUser(userId: string): Promise<boolean> {
    try {
      return (await this.deps.presence.connectionCount(userId)) < this.deps.infra.config.wsMaxConnectionsPerUser;
    } catch (err) {
      this.log.warn({ err }, 'connection count failed');
      return true;
    }
  }

  /** Registers an authenticated socket, sends `ready`, and resumes it (see docs/realtime.md). */
  async open(
    socket: WebSocket,
    auth: Awaited<ReturnType<Gateway['authenticate']>>,
    since: number | undefined,
  ): Promise<Connection> {
    const conn = new Connection(socket, auth.userId, auth.sessionId, auth.expiresAt, (kind) => this.deps.metrics.sent(kind));
    // Subscribe first (register), then read the log: nothing committed meanwhile can be missed.
    this.hub.register(conn);
    this.deps.metrics.opened();
    socket.on('pong', () => (conn.alive = true));
    socket.once('close', (code: number) => this.closed(conn, code));
    // Before any await, so that a close racing the replay is recorded after it.
    this.deps.presence.connected(conn.userId, conn.id).catch((err: unknown) => this.log.warn({ err }, 'presence update failed'));
    const plan = await planResume(this.deps.infra.database.db, conn.userId, since);
    conn.send({ type: 'ready', data: { user: auth.user, seq: plan.latest, sessionId: conn.sessionId } });
    if (plan.kind === 'resync') conn.send({ type: 'resync_required', data: { seq: plan.latest } });
    conn.sentSeq = plan.kind === 'live' ? plan.from : plan.latest;
    conn.live = conn.open;
    await this.hub.pump(conn.userId);
    return conn;
  }

  /** One client frame: parsed, checked, rate limited, then handled; failures answer an error frame. */
  async receive(conn: Connection, raw: RawData, isBinary: boolean): Promise<void> {
    let parsed: ReturnType<typeof parseFrame> | undefined;
    let failure: unknown;
    try {
      parsed = parseFrame(Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as ArrayBuffer), isBinary);
    } catch (error) {
      failure = error;
    }
    if (!conn.takeToken(parsed?.type === 'ack' ? ACK_COST : 1)) {
      conn.close(CloseCode.rateLimited, 'too many frames');
      return;
    }
    try {
      if (!parsed) throw failure;
      await dispatch(conn, parsed, this);
    } catch (error) {
      const appError = error instanceof AppError ? error : undefined;
      if (!appError) this.log.warn({ err: error }, 'client frame failed');
      conn.sendError(appError?.code ?? 'internal_error', appError?.message ?? 'The frame could not be handled');
    }
  }

  /** Acks are coalesced: at most one delivery update runs per connection, for the highest seq seen. */
  async ack(conn: Connection, seq: number): Promise<void> {
    if (seq <= conn.ackedSeq) return;
    conn.ackedSeq = seq;
    const onAck = this.deps.hooks.onAck?.bind(this.deps.hooks);
    if (conn.acking || !onAck) return;
    conn.acking = true;
    void (async () => {
      try {
        for (let done = 0; done < conn.ackedSeq;) {
          const upTo = conn.ackedSeq;
          await onAck(conn.userId, upTo);
          done = upTo;
        }
      } catch (err) {
        this.log.warn({ err }, 'delivery update failed');
      } finally {
        conn.acking = false;
      }
    })();
  }

  async typing(conn: Connection, target: { recipientId?: string; groupId?: string }): Promise<void> {
    const targets = await this.deps.hooks.typingTargets?.(conn.userId, target);
    if (!targets) throw new AppError('not_found', 'No conversation you can type in');
    try {
      await this.typingLimiter.consume(`typing:${conn.userId}:${targets.conversationId}`, TYPING_RULE);
    } catch {
      return; // at most one per 3 s per conversation; the rest are dropped silently
    }
    const to = targets.userIds.filter((id) => id !== conn.userId);
    const data = { userId: conn.userId, conversationId: targets.conversationId, groupId: targets.groupId };
    if (to.length > 0) await this.broadcast(to, { type: 'typing', data });
  }

  async swapToken(conn: Connection, token: string): Promise<void> {
    const claims = await this.deps.infra.tokens.verify(token);
    if (claims.userId !== conn.userId || claims.sessionId !== conn.sessionId) {
      throw new AppError('forbidden', 'The token belongs to another session');
    }
    conn.renew(claims.expiresAt);
  }

  private closed(conn: Connection, code: number): void {
    conn.close(code, '');
    this.deps.metrics.closed(code);
    const last = this.hub.unregister(conn);
    if (this.shuttingDown) return; // other nodes sweep this node's presence once its heartbeat expires
    this.deps.presence
      .disconnected(conn.userId, conn.id, last)
      .catch((err: unknown) => this.log.warn({ err }, 'presence update failed'));
  }

  /**
   * Pings every socket (and drops those that did not answer the last ping) in slices, yielding to
   * the event loop between them: a ping is a system call, and 20,000 of them in one go would stall
   * live traffic for the better part of a second.
   */
  private async ping(): Promise<void> {
    if (this.pinging) return;
    this.pinging = true;
    try {
      const conns = this.hub.connections();
      for (let start = 0; start < conns.length; start += PING_SLICE) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        for (const conn of conns.slice(start, start + PING_SLICE)) {
          if (!conn.alive) {
            conn.socket.terminate();
            continue;
          }
          conn.alive = false;
          conn.socket.ping();
        }
      }
    } finally {
      this.pinging = false;
    }
  }
}

/** The events a wake-up carries for one user, oldest first, or undefined when it carries none. */
function carried(seq: number, indexes: number[] | undefined, events: WakeUp['events']): WireEvent[] | undefined {
  if (!events || !Array.isArray(indexes) || indexes.length === 0) return undefined;
  const first = seq - indexes.length + 1;
  const out: WireEvent[] = [];
  for (const [k, index] of indexes.entries()) {
    const event = events[index];
    if (!event) return undefined;
    out.push({ seq: first + k, type: event[0], json: event[1] });
  }
  return out;
}
