import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PageQuerySchema, problems } from '../../lib/schemas.js';
import {
  AddFriendSchema,
  BlockListSchema,
  FriendEnvelopeSchema,
  FriendListSchema,
  FriendRequestListSchema,
  RequestEnvelopeSchema,
  RequestParamsSchema,
  UserIdBodySchema,
  UserIdParamsSchema,
} from './friends.schemas.js';
import type { FriendsService } from './friends.service.js';

const tags = ['friends'];
const security = [{ bearerAuth: [] }];
const NoContent = Type.Null({ description: 'No content' });

/** Friend requests, friends and blocks. */
export const friendsRoutes: FastifyPluginAsyncTypebox<{ friends: FriendsService }> = async (app, { friends }) => {
  app.addHook('preHandler', app.requireAuth);

  app.post(
    '/friends/add',
    {
      schema: {
        tags,
        security,
        summary: 'Send a friend request (by user id or username)',
        description:
          'If the other user already asked you, you become friends at once (200 `{ friend }`). A request to someone who blocked you answers as usual and is never delivered. At most 20 an hour per user (429 `rate_limited` with `Retry-After`).',
        body: AddFriendSchema,
        response: { 200: FriendEnvelopeSchema, 201: RequestEnvelopeSchema, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await friends.addFriend(request.user.userId, request.body);
      return reply.code('request' in result ? 201 : 200).send(result);
    },
  );

  app.get(
    '/friends',
    {
      schema: {
        tags,
        security,
        summary: 'Your friends, newest first, with online status',
        querystring: PageQuerySchema,
        response: { 200: FriendListSchema, ...problems(400, 401) },
      },
    },
    async (request) => friends.listFriends(request.user.userId, request.query),
  );

  app.get(
    '/friends/requests',
    {
      schema: {
        tags,
        security,
        summary: 'Pending friend requests, to you and from you',
        response: { 200: FriendRequestListSchema, ...problems(401) },
      },
    },
    async (request) => friends.listFriendRequests(request.user.userId),
  );

  app.post(
    '/friends/requests/:requestId/accept',
    {
      schema: {
        tags,
        security,
        summary: 'Accept a friend request (addressee only)',
        params: RequestParamsSchema,
        response: { 200: FriendEnvelopeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ friend: await friends.acceptFriendRequest(request.user.userId, request.params.requestId) }),
  );

  app.post(
    '/friends/requests/:requestId/decline',
    {
      schema: {
        tags,
        security,
        summary: 'Decline a friend request (addressee only)',
        params: RequestParamsSchema,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await friends.declineFriendRequest(request.user.userId, request.params.requestId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/friends/requests/:requestId',
    {
      schema: {
        tags,
        security,
        summary: 'Cancel a friend request you sent',
        params: RequestParamsSchema,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await friends.cancelFriendRequest(request.user.userId, request.params.requestId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/friends/remove',
    {
      schema: {
        tags,
        security,
        summary: 'End a friendship',
        description: 'History stays readable; new direct messages between you are refused (403 `not_friends`).',
        body: UserIdBodySchema,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await friends.removeFriend(request.user.userId, request.body.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/blocks',
    {
      schema: {
        tags,
        security,
        summary: 'Block a user',
        description:
          'Ends the friendship and refuses requests and direct messages both ways; shared groups are unaffected. Idempotent.',
        body: UserIdBodySchema,
        response: { 204: NoContent, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await friends.blockUser(request.user.userId, request.body.userId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/blocks/:userId',
    {
      schema: {
        tags,
        security,
        summary: 'Unblock a user',
        params: UserIdParamsSchema,
        response: { 204: NoContent, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await friends.unblockUser(request.user.userId, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/blocks',
    {
      schema: {
        tags,
        security,
        summary: 'Users you blocked',
        querystring: PageQuerySchema,
        response: { 200: BlockListSchema, ...problems(400, 401) },
      },
    },
    async (request) => friends.listBlocks(request.user.userId, request.query),
  );
};
