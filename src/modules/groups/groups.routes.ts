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

const create = {
  ...common,
  summary: 'Create a group with some of your friends; you are its owner',
  description: 'At most 10 an hour per user (429 `rate_limited` with `Retry-After`).',
  body: CreateGroupBodySchema,
  response: { 201: GroupSchema, ...problems(400, 401, 403, 404, 409, 429) },
};
const list = {
  ...common,
  summary: 'List the groups you belong to, most recently updated first',
  querystring: PageQuerySchema,
  response: { 200: GroupPageSchema, ...problems(400, 401) },
};
const view = {
  ...common,
  summary: 'View a group (members only; 404 for everyone else)',
  params: GroupParamsSchema,
  response: { 200: GroupSchema, ...problems(400, 401, 404) },
};
const members = {
  ...common,
  summary: 'List the members of a group, longest-standing first',
  params: GroupParamsSchema,
  querystring: PageQuerySchema,
  response: { 200: MemberPageSchema, ...problems(400, 401, 404) },
};
const update = {
  ...common,
  summary: 'Rename a group, change its description or picture (owner/admin)',
  params: GroupParamsSchema,
  body: UpdateGroupBodySchema,
  response: { 200: GroupSchema, ...problems(400, 401, 403, 404) },
};
const add = {
  ...common,
  summary: 'Add one of your friends to a group (owner/admin)',
  params: GroupParamsSchema,
  body: MemberTargetBodySchema,
  response: { 200: GroupSchema, ...problems(400, 401, 403, 404, 409) },
};
const remove = {
  ...common,
  summary: 'Remove a member (the owner removes anyone else, admins remove members)',
  params: GroupParamsSchema,
  body: MemberTargetBodySchema,
  response: { 200: GroupSchema, ...problems(400, 401, 403, 404) },
};
const leave = {
  ...common,
  summary: 'Leave a group; an owner leaving hands ownership on, the last member archives it',
  params: GroupParamsSchema,
  response: { 204: Type.Null({ description: 'Left the group' }), ...problems(400, 401, 404) },
};
const changeRole = {
  ...common,
  summary: "Change a member's role (owner only); `owner` transfers ownership",
  params: MemberParamsSchema,
  body: ChangeRoleBodySchema,
  response: { 200: GroupSchema, ...problems(400, 401, 403, 404) },
};

/** `/groups`: create, list, view and manage group chats. */
export async function groupsRoutes(fastify: FastifyInstance, opts: GroupsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { groups, members: people } = opts;
  app.addHook('preHandler', app.requireAuth);

  app.post('/groups', { schema: create }, async (req, reply) =>
    reply.status(201).send(await groups.createGroup(req.user.userId, req.body)),
  );
  app.get('/groups', { schema: list }, async (req) => groups.listGroups(req.user.userId, req.query));
  app.get('/groups/:groupId', { schema: view }, async (req) => groups.getGroup(req.user.userId, req.params.groupId));
  app.get('/groups/:groupId/members', { schema: members }, async (req) =>
    groups.listMembers(req.user.userId, req.params.groupId, req.query),
  );
  app.put('/groups/:groupId', { schema: update }, async (req) =>
    groups.updateGroup(req.user.userId, req.params.groupId, req.body),
  );
  app.post('/groups/:groupId/add', { schema: add }, async (req) =>
    people.addMember(req.user.userId, req.params.groupId, req.body.userId),
  );
  app.post('/groups/:groupId/remove', { schema: remove }, async (req) =>
    people.removeMember(req.user.userId, req.params.groupId, req.body.userId),
  );
  app.post('/groups/:groupId/leave', { schema: leave }, async (req, reply) => {
    await people.leaveGroup(req.user.userId, req.params.groupId);
    return reply.status(204).send(null);
  });
  app.put('/groups/:groupId/members/:userId', { schema: changeRole }, async (req) =>
    people.changeRole(req.user.userId, req.params.groupId, req.params.userId, req.body.role),
  );
}
