import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../lib/schemas.js';
import { ListNotificationsQuerySchema, MarkReadSchema, NotificationListSchema } from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';

const common = { tags: ['notifications'], security: [{ bearerAuth: [] }] };

/** GET /notifications and POST /notifications/read. */
export const notificationsRoutes: FastifyPluginAsyncTypebox<{ service: NotificationsService }> = async (app, { service }) => {
  app.addHook('preHandler', app.requireAuth);

  app.get(
    '/notifications',
    {
      schema: {
        ...common,
        summary: 'List your notifications, most recently updated first',
        querystring: ListNotificationsQuerySchema,
        response: { 200: NotificationListSchema, ...problems(400, 401) },
      },
    },
    async (request) => service.listNotifications(request.user.userId, request.query),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        ...common,
        summary: 'Mark notifications read (`ids`, or `all: true`)',
        description:
          "Does not mark conversations read. A `message` notification's id is its conversation's id. The owner's devices get one `notification.read` event (`{ ids }` of those that changed, or `{ all: true }`).",
        body: MarkReadSchema,
        response: { 204: Type.Null({ description: 'Marked read' }), ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      await service.markNotificationsRead(request.user.userId, request.body);
      return reply.code(204).send(null);
    },
  );
};
