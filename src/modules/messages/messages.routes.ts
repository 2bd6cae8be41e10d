import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { problems } from '../../lib/schemas.js';
import type { Messaging } from './messaging.js';
import {
  EditMessageSchema,
  GroupParamsSchema,
  HistoryPageSchema,
  HistoryQuerySchema,
  IdParamsSchema,
  MessageSchema,
  ReceiptsSchema,
  SendMessageSchema,
} from './messages.schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['messages'];
const NoContent = Type.Null({ description: 'No content' });

/** `POST /messages`, history by peer or group, edit, delete, read and receipts. */
export async function messagesRoutes(root: FastifyInstance, opts: { messaging: Messaging }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { messaging } = opts;
  app.addHook('preHandler', app.requireAuth);

  app.post(
    '/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Send a message to a friend or a group',
        description:
          'Exactly one of `recipientId` and `groupId`; text and/or attachments. A repeated `clientMessageId` answers 200 with the first message.',
        body: SendMessageSchema,
        response: { 200: MessageSchema, 201: MessageSchema, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const { message, created } = await messaging.send.sendMessage(request.user.userId, request.body);
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  app.get(
    '/messages/:id',
    {
      schema: {
        tags,
        security,
        summary: 'History of the direct chat with a user',
        description: "`id` is the **other user's id**. Pages are oldest first; `before`/`after` are message ids of this chat.",
        params: IdParamsSchema,
        querystring: HistoryQuerySchema,
        response: { 200: HistoryPageSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => messaging.history.directHistory(request.user.userId, request.params.id, request.query),
  );

  app.patch(
    '/messages/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit your message',
        description:
          '`id` is the **message id**. Sender only; 404 once deleted. In a direct chat, 403 `not_friends` unless the two are friends with no block either way (as for sending).',
        params: IdParamsSchema,
        body: EditMessageSchema,
        response: { 200: MessageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => messaging.messages.editMessage(request.user.userId, request.params.id, request.body.text),
  );

  app.delete(
    '/messages/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a message (a tombstone remains)',
        description: '`id` is the **message id**. The sender, or an owner/admin of the group.',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await messaging.messages.deleteMessage(request.user.userId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/messages/group/:groupId',
    {
      schema: {
        tags,
        security,
        summary: 'History of a group you are a member of',
        params: GroupParamsSchema,
        querystring: HistoryQuerySchema,
        response: { 200: HistoryPageSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => messaging.history.groupHistory(request.user.userId, request.params.groupId, request.query),
  );

  app.post(
    '/messages/:id/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark a message and everything before it read',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await messaging.receipts.markMessageRead(request.user.userId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/messages/:id/receipts',
    {
      schema: {
        tags,
        security,
        summary: 'Who received and read a message',
        params: IdParamsSchema,
        response: { 200: ReceiptsSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => messaging.receipts.listReceipts(request.user.userId, request.params.id),
  );
}
