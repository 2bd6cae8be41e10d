import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { withNamedComponents } from './openapi-components.js';

/** The OpenAPI 3.1 document, generated from the route schemas, and an interactive reference. */
async function openapiPlugin(app: FastifyInstance, opts: { publicUrl: string; version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chat API',
        version: opts.version,
        description:
          'Real-time chat backend: accounts with e-mail verification and TOTP, friends, direct and group ' +
          'messaging with files, receipts, replies and mentions, notifications, and a WebSocket event stream ' +
          'at `GET /ws`, described as AsyncAPI 3 at `/asyncapi.json` and `/asyncapi.yaml` (guide: docs/realtime.md). ' +
          'Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearerAuth: [] }],
    },
    // Titled schemas become named components, so generated clients get one type per object.
    transformObject: (documentObject) =>
      'openapiObject' in documentObject ? withNamedComponents(documentObject.openapiObject) : documentObject.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

export default fp(openapiPlugin, { name: 'openapi' });
