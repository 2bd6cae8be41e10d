import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';
import { problemFor, sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The separate metrics listener when METRICS_PORT is set (listening once the app is ready). */
    metricsServer: Server | null;
  }
}

type MetricsConfig = Pick<Config, 'nodeEnv' | 'metricsToken' | 'metricsPort' | 'metricsHost'>;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of `Authorization: Bearer <token>` with the configured token. */
function authorized(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Where GET /metrics is served: on its own listener when METRICS_PORT is set (the API port then
 * answers 404), else on the API port — with METRICS_TOKEN required when set. In production with
 * neither, the API port answers 404: metrics tell an outsider too much (routes, traffic, memory).
 */
export function serveMetrics(app: FastifyInstance, registry: Registry, config: MetricsConfig): void {
  app.decorate('metricsServer', null);
  if (config.metricsPort !== undefined) {
    const server = createServer((req, res) => void answer(req, res, registry, config.metricsToken));
    app.metricsServer = server;
    app.addHook('onReady', async () => {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.metricsPort, config.metricsHost, () => resolve());
      });
      const address = server.address();
      app.log.info(
        `metrics on port ${typeof address === 'object' && address ? address.port : config.metricsPort} (GET /metrics)`,
      );
    });
    app.addHook('onClose', async () => {
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    });
    return;
  }
  if (config.nodeEnv === 'production' && config.metricsToken === undefined) return;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!authorized(request.headers.authorization, config.metricsToken)) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, new AppError('unauthorized', 'GET /metrics needs the METRICS_TOKEN as a Bearer token'));
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

async function answer(req: IncomingMessage, res: ServerResponse, registry: Registry, token: string | undefined): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const problem = (error: AppError, headers: Record<string, string> = {}) => {
    res.writeHead(error.status, { 'content-type': 'application/problem+json', ...headers });
    res.end(JSON.stringify(problemFor(error)));
  };
  if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return problem(new AppError('not_found'));
  if (!authorized(req.headers.authorization, token)) {
    return problem(new AppError('unauthorized', 'GET /metrics needs the METRICS_TOKEN as a Bearer token'), {
      'www-authenticate': 'Bearer',
    });
  }
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    problem(new AppError('internal_error'));
  }
}
