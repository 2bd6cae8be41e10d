import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { PageQuerySchema, problems } from '../../lib/schemas.js';
import type { Messaging } from './messaging.js';
import { AroundHistoryQuerySchema, ConversationParamsSchema, HistoryPageSchema } from './messages.schemas.js';
import { ConversationPageSchema, ConversationSchema, ConversationSettingsSchema } from './conversations.schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['conversations'];

/** The conversation list, history by conversation id, mark read and settings. */
export async function conversationsRoutes(root: FastifyInstance, opts: { messaging: Messaging }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { messaging } = opts;
  app.addHook('preHandler', app.requireAuth);

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        security,
        summary: 'Your conversations, most recent activity first',
        querystring: PageQuerySchema,
        response: { 200: ConversationPageSchema, ...problems(400, 401) },
      },
    },
    async (request) => messaging.conversations.listConversations(request.user.userId, request.query),
  );

  app.get(
    '/conversations/:conversationId/messages',
    {
      schema: {
        tags,
        security,
        summary: 'History of any conversation of yours',
        description:
          'Like the other history endpoints, plus `around=<messageId>`: the message with up to half a page on each side.',
        params: ConversationParamsSchema,
        querystring: AroundHistoryQuerySchema,
        response: { 200: HistoryPageSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => messaging.history.conversationHistory(request.user.userId, request.params.conversationId, request.query),
  );

  app.post(
    '/conversations/:conversationId/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark the whole conversation read',
        params: ConversationParamsSchema,
        response: { 204: Type.Null({ description: 'No content' }), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await messaging.receipts.markConversationRead(request.user.userId, request.params.conversationId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/conversations/:conversationId/settings',
    {
      schema: {
        tags,
        security,
        summary: 'Mute or unmute a conversation',
        params: ConversationParamsSchema,
        body: ConversationSettingsSchema,
        response: { 200: ConversationSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => messaging.conversations.updateSettings(request.user.userId, request.params.conversationId, request.body),
  );
}
