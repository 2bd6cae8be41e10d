import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { closeInfra, openInfra, type Infra, type InfraOverrides } from './infra.js';
import { inputFormats } from './lib/schemas.js';
import { registerModules } from './modules.js';
import authPlugin from './plugins/auth.js';
import devOutboxPlugin from './plugins/dev-outbox.js';
import errorsPlugin, { clientErrorHandler, frameworkErrorHandler } from './plugins/errors.js';
import healthPlugin from './plugins/health.js';
import metricsPlugin from './plugins/metrics.js';
import openapiPlugin from './plugins/openapi.js';
import securityPlugin from './plugins/security.js';
import webAppPlugin from './plugins/web-app.js';
import { registerAsyncApi } from './realtime/asyncapi.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Connections and shared infrastructure; modules get what they need explicitly in modules.ts. */
    infra: Infra;
  }
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export interface BuildOptions extends InfraOverrides {
  /** Keep a database passed in `overrides` open when the app closes (tests share one per file). */
  keepDatabase?: boolean;
}

function serverOptions(config: Readonly<Config>): FastifyServerOptions & { https?: { cert: Buffer; key: Buffer } } {
  return {
    logger: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.newPassword',
          '*.currentPassword',
          '*.token',
          '*.refreshToken',
          '*.accessToken',
          '*.code',
          '*.secret',
          '*.text',
        ],
        censor: '[redacted]',
      },
      serializers: {
        // Never log query strings: `/ws?token=` carries an access token.
        req: (req: { method: string; url: string; id: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
          ip: req.ip,
        }),
      },
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) =>
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : crypto.randomUUID(),
    requestIdHeader: false,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
        formats: inputFormats,
      },
    },
    // Errors found before routing (a malformed path, unparsable HTTP) answer problem+json too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // On close, idle keep-alive sockets are dropped at once; requests in flight finish first.
    forceCloseConnections: 'idle',
    ...(config.tlsCertFile && config.tlsKeyFile
      ? { https: { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile) } }
      : {}),
  };
}

/** Builds the whole application without listening; `server.ts` listens, tests use it directly. */
export async function buildApp(config: Readonly<Config>, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(config)).withTypeProvider<TypeBoxTypeProvider>();
  // A JSON API: a text/plain body is the wrong media type (415), not a string to validate.
  app.removeContentTypeParser('text/plain');
  const infra = await openInfra(config, app.log, options);
  app.decorate('infra', infra);
  app.addHook('onClose', async () => closeInfra(infra, { keepDatabase: options.keepDatabase ?? false }));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  // First, so that it sees every API route registered after it (the SPA fallback never shadows one).
  await app.register(webAppPlugin, { root: fileURLToPath(new URL('../web/dist', import.meta.url)) });
  await app.register(securityPlugin, { corsOrigins: config.corsOrigins });
  await app.register(metricsPlugin);
  await app.register(openapiPlugin, { publicUrl: config.publicUrl, version: pkg.version });
  await app.register(authPlugin, { tokens: infra.tokens });
  await app.register(healthPlugin, { infra });
  await app.register(devOutboxPlugin, {
    mailer: infra.mailer,
    enabled: config.nodeEnv !== 'production' && !config.smtpUrl,
  });
  await registerModules(app, infra);
  registerAsyncApi(app, { version: pkg.version, publicUrl: config.publicUrl });
  return app;
}
