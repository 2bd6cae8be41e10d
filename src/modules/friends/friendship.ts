import type { Db } from '../../db/database.js';
import type { SocialPort } from '../ports.js';
import * as repo from './friends.repository.js';

/**
 * The friendship questions other modules ask (who is whose friend, who may message whom). They
 * only read, so they need the database and nothing of the friends service: every module gets them
 * before any service exists. Each takes the caller's transaction when it runs inside one.
 */
export function friendshipQueries(db: Db): SocialPort {
  return {
    friendIds: (userId, executor = db) => repo.friendIds(executor, userId),
    areFriends: (a, b, executor = db) => repo.areFriends(executor, a, b),
    friendsAmong: (userId, ids, executor = db) => repo.friendsAmong(executor, userId, ids),
    mayMessage: (a, b, executor = db) => repo.mayMessage(executor, a, b),
    mayMessageMany: (pairs, executor = db) => repo.mayMessageMany(executor, pairs),
  };
}
