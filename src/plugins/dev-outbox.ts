import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Mailer } from '../lib/mailer.js';

const OutboxQuery = Type.Object(
  { to: Type.String({ minLength: 3, maxLength: 254, description: 'The recipient address' }) },
  { additionalProperties: false },
);

/**
 * `GET /dev/outbox?to=<address>`: the mails this process wrote to the outbox for one address,
 * newest first, so that scripts with several users can follow each one's own link. Registered
 * only in development and test when mail goes to the outbox (never in production, never with
 * SMTP): anywhere else the path is a 404 like any unknown one.
 */
async function devOutboxPlugin(app: FastifyInstance, opts: { mailer: Mailer; enabled: boolean }): Promise<void> {
  const outbox = opts.mailer.outbox?.bind(opts.mailer);
  if (!opts.enabled || !outbox) return;
  app.get('/dev/outbox', { schema: { hide: true, querystring: OutboxQuery } }, async (request) => {
    const { to } = request.query as { to: string };
    return { mails: outbox(to) };
  });
}

export default fp(devOutboxPlugin, { name: 'dev-outbox' });
