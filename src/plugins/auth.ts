import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AccessClaims, AccessTokens } from '../lib/access-tokens.js';
import { AppError } from '../lib/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer carries a secret (tokens, a TOTP secret, recovery codes): `Cache-Control: no-store`. */
    noStore?: boolean;
  }
  interface FastifyRequest {
    /** Set on authenticated routes (see `requireAuth`). */
    user: AccessClaims;
  }
  interface FastifyInstance {
    /** preHandler for routes that need a signed-in user. */
    requireAuth: (request: FastifyRequest) => Promise<void>;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

async function authPlugin(app: FastifyInstance, opts: { tokens: AccessTokens }): Promise<void> {
  app.decorateRequest('user', null as unknown as AccessClaims);
  // One place for every route that answers with a secret, errors included: no proxy or browser keeps it.
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config?.noStore) reply.header('cache-control', 'no-store');
  });
  app.decorate('requireAuth', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (!token) throw new AppError('unauthorized', 'A Bearer access token is required');
    const claims = await opts.tokens.verify(token);
    request.user = { userId: claims.userId, sessionId: claims.sessionId };
  });
}

export default fp(authPlugin, { name: 'auth' });
