import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Security headers everywhere (HSTS and upgrade-insecure-requests over HTTPS only); CORS only for the configured origins. */
async function securityPlugin(app: FastifyInstance, opts: { corsOrigins: string[] }): Promise<void> {
  await app.register(helmet, {
    // The API serves JSON; /docs needs its own inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        // Only over HTTPS (below): on a plain-HTTP address a browser would upgrade the page's
        // requests to an https:// the server does not answer.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol !== 'https') return;
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
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
