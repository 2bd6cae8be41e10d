import type { Db } from '../../db/database.js';
import type { Transactor } from '../../events/transactor.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import type { FilesPort, NotificationsPort, SocialPort, SystemMessagesPort, UsersPort } from '../ports.js';

/** What the groups module is built from (wired in `src/modules.ts`). */
export interface GroupsDeps {
  db: Db;
  transactor: Transactor;
  /** MAX_GROUP_MEMBERS, the creator included. */
  maxMembers: number;
  files: FilesPort;
  users: UsersPort;
  social: SocialPort;
  notifications: NotificationsPort;
  systemMessages: SystemMessagesPort;
  limiter: RateLimiter;
}
