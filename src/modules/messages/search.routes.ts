import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problems } from '../../lib/schemas.js';
import type { Messaging } from './messaging.js';
import { SearchPageSchema, SearchQuerySchema } from './search.schemas.js';

const searchMessages = {
  tags: ['messages'],
  security: [{ bearerAuth: [] }],
  summary: 'Search the messages of your conversations',
  description:
    'Only conversations you are a member of now and messages not deleted; edits are found at once. Newest first. `before`/`after` are ISO times; a `conversationId` that is not yours is a 404. `highlights` are UTF-16 offsets into `message.text`.',
  querystring: SearchQuerySchema,
  response: { 200: SearchPageSchema, ...problems(400, 401, 404) },
};

/** `GET /search/messages`. */
export async function searchRoutes(root: FastifyInstance, opts: { messaging: Messaging }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { search } = opts.messaging;
  app.addHook('preHandler', app.requireAuth);
  app.get('/search/messages', { schema: searchMessages }, async (request) =>
    search.searchMessages(request.user.userId, request.query),
  );
}
