import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../lib/schemas.js';
import {
  DeleteProfileSchema,
  PublicUserSchema,
  SearchUsersQuerySchema,
  UpdateProfileSchema,
  UserPageSchema,
  UserParamsSchema,
  UserSchema,
} from './users.schemas.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];
const security = [{ bearerAuth: [] }];

/** Profiles: yours (`/profile`; its password and e-mail changes are credentials, served by auth) and others'. */
export const usersRoutes: FastifyPluginAsyncTypebox<{ users: UsersService }> = async (app, { users }) => {
  app.addHook('preHandler', app.requireAuth);

  app.get(
    '/profile',
    { schema: { tags, security, summary: 'Your own profile', response: { 200: UserSchema, ...problems(401, 404) } } },
    async (request) => users.getProfile(request.user.userId),
  );

  app.put(
    '/profile',
    {
      schema: {
        tags,
        security,
        summary: 'Update display name, bio, username or avatar',
        description:
          'Tells you (`User`) and your friends (`PublicUser`) with `profile.updated`. The avatar must be an image you uploaded.',
        body: UpdateProfileSchema,
        response: { 200: UserSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => users.updateProfile(request.user.userId, request.body),
  );

  app.delete(
    '/profile',
    {
      schema: {
        tags,
        security,
        summary: 'Delete your account',
        description:
          'Revokes every session, ends friendships and memberships and anonymises the profile; sent messages stay, from "Deleted user".',
        body: DeleteProfileSchema,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      await users.deleteAccount(request.user.userId, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/:userId',
    {
      schema: {
        tags,
        security,
        summary: "Another user's public profile",
        description: '`online` and `lastSeenAt` are present only when you are friends.',
        params: UserParamsSchema,
        response: { 200: PublicUserSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => users.getPublicUser(request.user.userId, request.params.userId),
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        security,
        summary: 'Search users by username prefix',
        description: 'The prefix needs at least 2 characters. At most 30 searches a minute per user (429 `rate_limited`).',
        querystring: SearchUsersQuerySchema,
        response: { 200: UserPageSchema, ...problems(400, 401, 429) },
      },
    },
    async (request) => users.searchUsers(request.user.userId, request.query),
  );
};
