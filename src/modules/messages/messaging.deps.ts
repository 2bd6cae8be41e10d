import type { Infra } from '../../infra.js';
import type { FilesPort, GroupsPort, NotificationsPort, SocialPort, UsersPort } from '../ports.js';

/** What the messaging services are built from (wired in `modules.ts`). */
export interface MessagingDeps {
  infra: Pick<Infra, 'config' | 'database' | 'transactor' | 'limiter' | 'log'>;
  files: FilesPort;
  users: UsersPort;
  social: SocialPort;
  notifications: NotificationsPort;
  groups: GroupsPort;
}
