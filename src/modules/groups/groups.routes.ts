import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PageQuerySchema, problems } from '../../lib/schemas.js';
import type { GroupMembersService } from './group-members.service.js';
import {
  ChangeRoleBodySchema,
  CreateGroupBodySchema,
  GroupPageSchema,
  GroupParamsSchema,
  GroupSchema,
  MemberPageSchema,
  MemberParamsSchema,
  MemberTargetBodySchema,
  UpdateGroupBodySchema,
} from './groups.schemas.js';
import type { GroupsService } from './groups.service.js';

export interface GroupsRoutesOptions {
  groups: GroupsService;
  members: GroupMembersService;
}

const common = { tags: ['groups'], security: [{ bearerAuth: [] }] };

/** `/groups`: create, list, view and manage group chats. */
export async function groupsRoutes(fastify: FastifyInstance, { groups, members }: GroupsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', app.requireAuth);

  app.post(
    '/groups',
    {
      schema: {
        ...common,
        summary: 'Create a group with some of your friends; you are its owner',
        body: CreateGroupBodySchema,
        response: { 201: GroupSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await groups.createGroup(request.user.userId, request.body)),
  );

  app.get(
    '/groups',
    {
      schema: {
        ...common,
        summary: 'List the groups you belong to, most recently updated first',
        querystring: PageQuerySchema,
        response: { 200: GroupPageSchema, ...problems(400, 401) },
      },
    },
    async (request) => groups.listGroups(request.user.userId, request.query),
  );

  app.get(
    '/groups/:groupId',
    {
      schema: {
        ...common,
        summary: 'View a group (members only; 404 for everyone else)',
        params: GroupParamsSchema,
        response: { 200: GroupSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => groups.getGroup(request.user.userId, request.params.groupId),
  );

  app.get(
    '/groups/:groupId/members',
    {
      schema: {
        ...common,
        summary: 'List the members of a group, longest-standing first',
        params: GroupParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: MemberPageSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => groups.listMembers(request.user.userId, request.params.groupId, request.query),
  );

  app.put(
    '/groups/:groupId',
    {
      schema: {
        ...common,
        summary: 'Rename a group, change its description or picture (owner/admin)',
        params: GroupParamsSchema,
        body: UpdateGroupBodySchema,
        response: { 200: GroupSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => groups.updateGroup(request.user.userId, request.params.groupId, request.body),
  );

  app.post(
    '/groups/:groupId/add',
    {
      schema: {
        ...common,
        summary: 'Add one of your friends to a group (owner/admin)',
        params: GroupParamsSchema,
        body: MemberTargetBodySchema,
        response: { 200: GroupSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => members.addMember(request.user.userId, request.params.groupId, request.body.userId),
  );

  app.post(
    '/groups/:groupId/remove',
    {
      schema: {
        ...common,
        summary: 'Remove a member (the owner removes anyone else, admins remove members)',
        params: GroupParamsSchema,
        body: MemberTargetBodySchema,
        response: { 200: GroupSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => members.removeMember(request.user.userId, request.params.groupId, request.body.userId),
  );

  app.post(
    '/groups/:groupId/leave',
    {
      schema: {
        ...common,
        summary: 'Leave a group; an owner leaving hands ownership on, the last member archives it',
        params: GroupParamsSchema,
        response: { 204: Type.Null({ description: 'Left the group' }), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await members.leaveGroup(request.user.userId, request.params.groupId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/groups/:groupId/members/:userId',
    {
      schema: {
        ...common,
        summary: "Change a member's role (owner only); `owner` transfers ownership",
        params: MemberParamsSchema,
        body: ChangeRoleBodySchema,
        response: { 200: GroupSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => members.changeRole(request.user.userId, request.params.groupId, request.params.userId, request.body.role),
  );
}
