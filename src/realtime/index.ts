import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Infra } from '../infra.js';
import { AppError } from '../lib/errors.js';
import type { GatewayHooks, PresencePort, SocialPort } from '../modules/ports.js';
import type { UserDto } from '../modules/users/users.schemas.js';
import { bearerToken } from '../plugins/auth.js';
import { CloseCode } from './close-codes.js';
import { WsRouteSchema } from './ws-route.schema.js';
import type { Connection } from './connection.js';
import { AddressCounter, PRE_AUTH_MAX_PAYLOAD, setMaxPayload } from './connection-limits.js';
import { broadcastEphemeral, Gateway } from './gateway.js';
import { createGatewayMetrics } from './metrics.js';
import { createPresence } from './presence/presence.js';
import { createMemoryPresenceStore } from './presence/presence-store.js';
import { createRedisPresenceStore } from './presence/redis-presence-store.js';
import { startPruner } from './pruner.js';

export { CloseCode } from './close-codes.js';

const AUTH_TIMEOUT_MS = 10_000;
/**
 * Frames beyond this close the socket (1009); between 64 KiB and this they get an error frame.
 * Before authentication the limit is PRE_AUTH_MAX_PAYLOAD.
 */
const MAX_PAYLOAD = 1024 * 1024;

/** What the gateway asks the modules, given once they are built. */
export interface GatewayModules {
  hooks: GatewayHooks;
  loadUser: (userId: string) => Promise<UserDto | null>;
  sessionActive: (userId: string, sessionId: string) => Promise<boolean>;
}

export interface Realtime {
  presence: PresencePort;
  /** Registers `GET /ws` and starts the node's background work; closes sockets with 1012 on app close. */
  register(app: FastifyInstance, modules: GatewayModules): Promise<void>;
}

/**
 * Presence first (the users and friends modules read it), the gateway when `register` is given
 * what it asks the modules. Presence frames go out through the bus, so presence needs no gateway.
 */
export function createRealtime(infra: Infra, deps: { social: Pick<SocialPort, 'friendIds'> }): Realtime {
  const nodeId = crypto.randomUUID();
  const store = infra.redis
    ? createRedisPresenceStore(infra.redis, infra.config.redisPrefix, nodeId, infra.config.presenceNodeTtlSeconds)
    : createMemoryPresenceStore();
  const presence = createPresence({
    store,
    db: infra.database.db,
    graceMs: infra.config.presenceGraceSeconds * 1000,
    nodeTtlMs: infra.config.presenceNodeTtlSeconds * 1000,
    social: deps.social,
    broadcast: (users, frame) => broadcastEphemeral(infra.bus, users, frame),
    log: infra.log,
  });
  return {
    presence,
    async register(app, modules) {
      // The gauge reads the hub only when metrics are collected, after the gateway exists.
      const metrics = createGatewayMetrics(app.metrics, () => gw.hub.size);
      const gw: Gateway = new Gateway({ infra, presence, metrics, ...modules });
      const addresses = new AddressCounter(infra.config.wsMaxConnectionsPerIp);
      await app.register(websocket, {
        options: { maxPayload: MAX_PAYLOAD },
        preClose(done) {
          gw.shutdown().then(
            () => done(),
            () => done(),
          );
        },
      });
      gw.start();
      const stopPruner = startPruner(infra.database.db, infra.config.eventRetentionDays, infra.log);
      app.addHook('onClose', async () => stopPruner());
      app.route({
        method: 'GET',
        url: '/ws',
        schema: WsRouteSchema,
        // A plain GET (no upgrade) is told what the endpoint is instead of a bare 404.
        handler: async () => {
          throw new AppError('upgrade_required', 'GET /ws is a WebSocket: send `Upgrade: websocket`');
        },
        wsHandler: (socket, request) => accept(gw, addresses, socket, request, infra.log),
      });
    },
  };
}

/** Authenticates by query/header token or by a first `auth` frame, then hands the socket to the gateway. */
function accept(gw: Gateway, addresses: AddressCounter, socket: WebSocket, request: FastifyRequest, log: Infra['log']): void {
  // @fastify/websocket's error listener keeps the upgrade's request and reply (with their headers,
  // logger and raw objects, ~8 KiB) alive as long as the socket; this one keeps nothing of them.
  socket.removeAllListeners('error');
  socket.on('error', (err) => {
    log.debug({ err }, 'websocket error');
    socket.terminate();
  });
  // The upgrade's ServerResponse stays attached to the TCP socket (`_httpMessage`) and with it the
  // whole request; detach it, as Node does when a response finishes.
  const tcp = request.raw.socket as { _httpMessage?: { detachSocket?(socket: unknown): void } | null };
  tcp._httpMessage?.detachSocket?.(tcp);
  const ip = request.ip;
  if (!addresses.admit(ip)) {
    socket.close(CloseCode.tooManyConnections, 'too many connections from this address');
    return;
  }
  socket.once('close', () => addresses.release(ip));
  setMaxPayload(socket, PRE_AUTH_MAX_PAYLOAD);
  const { token: queryToken, since } = request.query as { token?: string; since?: number };
  const token = queryToken ?? bearerToken(request);
  let started = Boolean(token);
  let conn: Connection | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  const refuse = (error: unknown) => {
    const code = error instanceof AppError ? error.code : 'unauthorized';
    socket.close(CloseCode.unauthorized, code);
  };
  const start = (token: string) =>
    gw.authenticate(token).then(async (auth) => {
      if (socket.readyState !== socket.OPEN) return;
      if (!(await gw.admitUser(auth.userId))) {
        socket.close(CloseCode.tooManyConnections, 'too many connections for this user');
        return;
      }
      if (socket.readyState !== socket.OPEN) return;
      setMaxPayload(socket, MAX_PAYLOAD);
      conn = await gw.open(socket, auth, since);
      clearTimeout(timer);
    }, refuse);
  const timer: NodeJS.Timeout = setTimeout(() => conn ?? socket.close(CloseCode.unauthorized, 'auth timeout'), AUTH_TIMEOUT_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  // Frames are handled one after another, and only once the connection is open.
  socket.on('message', (raw, isBinary) => {
    pending = pending.then(() => {
      if (conn) return gw.receive(conn, raw, isBinary);
      if (started) return undefined;
      started = true;
      const first = firstFrameToken(raw);
      if (!first) return refuse(new AppError('unauthorized'));
      return start(first);
    });
  });
  if (token) pending = start(token);
}

function firstFrameToken(raw: unknown): string | undefined {
  try {
    const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
    if (text.length > 8192) return undefined;
    const frame = JSON.parse(text) as { type?: unknown; token?: unknown };
    return frame.type === 'auth' && typeof frame.token === 'string' ? frame.token : undefined;
  } catch {
    return undefined;
  }
}
