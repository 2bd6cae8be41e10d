import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { PageQuerySchema, problems } from '../../lib/schemas.js';
import type { Messaging } from './messaging.js';
import { ConversationParamsSchema, MessageSchema } from './messages.schemas.js';
import { MessageParamsSchema, PinnedPageSchema } from './pins.schemas.js';
import { ReactionParamsSchema, ReactorsPageSchema } from './reactions.schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['messages'];
const NoContent = Type.Null({ description: 'No content' });

const addReaction = {
  tags,
  security,
  summary: 'React to a message',
  description:
    'Idempotent. Members of the conversation only (else 404); not on deleted or system messages (400); at most 20 different emojis per message (409 `too_many_reactions`). Rate-limited like sending.',
  params: ReactionParamsSchema,
  response: { 204: NoContent, ...problems(400, 401, 404, 409, 429) },
};

const removeReaction = {
  tags,
  security,
  summary: 'Take your reaction back',
  description: 'Idempotent: 204 also when you had not reacted so.',
  params: ReactionParamsSchema,
  response: { 204: NoContent, ...problems(400, 401, 404, 429) },
};

const listReactors = {
  tags,
  security,
  summary: 'Who reacted to a message with an emoji',
  description: 'Earliest first.',
  params: ReactionParamsSchema,
  querystring: PageQuerySchema,
  response: { 200: ReactorsPageSchema, ...problems(400, 401, 404) },
};

const pin = {
  tags,
  security,
  summary: 'Pin a message',
  description:
    'Idempotent. Direct chats: either person; groups: the owner and admins (403 for members). At most 50 pins per conversation (409 `too_many_pins`). Sends `message.updated`; in groups also writes a `system` message.',
  params: MessageParamsSchema,
  response: { 200: MessageSchema, ...problems(400, 401, 403, 404, 409) },
};

const unpin = {
  tags,
  security,
  summary: 'Unpin a message',
  description: 'Idempotent; the same rights as pinning.',
  params: MessageParamsSchema,
  response: { 204: NoContent, ...problems(400, 401, 403, 404) },
};

const listPins = {
  tags: ['conversations'],
  security,
  summary: 'Pinned messages of a conversation',
  description: 'Most recently pinned first.',
  params: ConversationParamsSchema,
  querystring: PageQuerySchema,
  response: { 200: PinnedPageSchema, ...problems(400, 401, 404) },
};

/** Reactions and pins. */
export async function reactionsRoutes(root: FastifyInstance, opts: { messaging: Messaging }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { reactions, pins } = opts.messaging;
  app.addHook('preHandler', app.requireAuth);

  app.put('/messages/:messageId/reactions/:emoji', { schema: addReaction }, async (request, reply) => {
    await reactions.addReaction(request.user.userId, request.params.messageId, request.params.emoji);
    return reply.status(204).send(null);
  });
  app.delete('/messages/:messageId/reactions/:emoji', { schema: removeReaction }, async (request, reply) => {
    await reactions.removeReaction(request.user.userId, request.params.messageId, request.params.emoji);
    return reply.status(204).send(null);
  });
  app.get('/messages/:messageId/reactions/:emoji', { schema: listReactors }, async (request) =>
    reactions.listReactors(request.user.userId, request.params.messageId, request.params.emoji, request.query),
  );
  app.put('/messages/:messageId/pin', { schema: pin }, async (request) =>
    pins.pinMessage(request.user.userId, request.params.messageId),
  );
  app.delete('/messages/:messageId/pin', { schema: unpin }, async (request, reply) => {
    await pins.unpinMessage(request.user.userId, request.params.messageId);
    return reply.status(204).send(null);
  });
  app.get('/conversations/:conversationId/pins', { schema: listPins }, async (request) =>
    pins.listPins(request.user.userId, request.params.conversationId, request.query),
  );
}
