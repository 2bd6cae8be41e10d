import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Security headers everywhere; CORS only for the configured origins. */
async function securityPlugin(app: FastifyInstance, opts: { corsOrigins: string[] }): Promise<void> {
  await app.register(helmet, {
    // The API serves JSON; /docs needs its own inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, {
    origin: opts.corsOrigins.includes('*') ? true : opts.corsOrigins,
    credentials: false,
    // An OPTIONS request that is not a preflight gets the plain 204, not a text/plain 400.
    strictPreflight: false,
    exposedHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'ETag'],
  });
}

export default fp(securityPlugin, { name: 'security' });
