import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Infra } from '../infra.js';
import { AppError } from '../lib/errors.js';

const Status = Type.Object({ status: Type.String({ examples: ['ok'] }) });

/** Liveness (the process answers) and readiness (its database and bus answer). */
async function healthPlugin(app: FastifyInstance, { infra }: { infra: Infra }): Promise<void> {
  const common = { tags: ['operations'], security: [] };
  app.get('/healthz', { schema: { ...common, summary: 'Liveness probe', response: { 200: Status } } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { ...common, summary: 'Readiness probe: database and bus reachable', response: { 200: Status } } },
    async () => {
      try {
        await Promise.all([infra.database.ping(), infra.bus.ping()]);
      } catch {
        throw new AppError('service_unavailable', 'Database or bus unreachable');
      }
      return { status: 'ok' };
    },
  );
}

export default fp(healthPlugin, { name: 'health' });
