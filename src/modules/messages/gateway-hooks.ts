import { isId } from '../../lib/ids.js';
import { findDirectConversationId, getOrCreateDirectConversation, memberIds } from '../conversations/index.js';
import type { GatewayHooks } from '../ports.js';
import type { MessagingDeps } from './messaging.deps.js';

/** Typing frames are not relayed in groups larger than this. */
export const TYPING_MAX_GROUP = 100;

/**
 * What the WebSocket gateway asks the messaging side: `onAck` drives delivery receipts,
 * `typingTargets` says who sees a typing indicator (friends in direct chats, members of groups
 * of at most 100, nobody otherwise).
 */
export function createGatewayHooks(deps: MessagingDeps, onAck: (userId: string, seq: number) => Promise<void>): GatewayHooks {
  const { infra, social, groups } = deps;
  const db = infra.database.db;
  return {
    onAck,
    async typingTargets(userId, target) {
      if ([target.groupId, target.recipientId].some((id) => id !== undefined && !isId(id))) return null;
      if (target.groupId !== undefined) {
        const membership = await groups.membershipOf(userId, target.groupId).catch(() => undefined);
        if (!membership || membership.memberCount > TYPING_MAX_GROUP) return null;
        const members = await memberIds(db, membership.conversationId);
        return {
          conversationId: membership.conversationId,
          groupId: target.groupId,
          userIds: members.filter((id) => id !== userId),
        };
      }
      const peerId = target.recipientId;
      if (peerId === undefined || peerId === userId) return null;
      if (!(await social.mayMessage(userId, peerId))) return null;
      // A read finds the chat; only the first typing between two friends creates it (a write).
      const conversationId =
        (await findDirectConversationId(db, userId, peerId)) ??
        (await infra.transactor(async (trx) => getOrCreateDirectConversation(trx, userId, peerId)));
      return { conversationId, groupId: null, userIds: [peerId] };
    },
  };
}
