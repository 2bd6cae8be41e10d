import type { FastifyInstance } from 'fastify';
import type { AccountDeletionHook, GroupsPort } from '../ports.js';
import type { GroupsDeps } from './groups.deps.js';
import { accountDeletionHook, createGroupMembersService } from './group-members.service.js';
import { groupsRoutes } from './groups.routes.js';
import { createGroupsPort, createGroupsService } from './groups.service.js';

export type { GroupsDeps } from './groups.deps.js';

/** What `modules.ts` wires. */
export interface GroupsModule {
  port: GroupsPort;
  onAccountDeleted: AccountDeletionHook;
  register(app: FastifyInstance): Promise<void>;
}

/** The groups module: its routes, the `GroupsPort` it provides and its account deletion hook. */
export function createGroupsModule(deps: GroupsDeps): GroupsModule {
  const groups = createGroupsService(deps);
  const members = createGroupMembersService(deps);
  return {
    port: createGroupsPort(deps),
    onAccountDeleted: accountDeletionHook(deps),
    async register(app) {
      await app.register(groupsRoutes, { groups, members });
    },
  };
}
