/**
 * The conversation store: direct conversations (get-or-create by `direct_key`), memberships,
 * receipt watermarks and the per-user list. The messages module serves it over HTTP.
 */
export {
  advanceWatermark,
  advanceWatermarks,
  advanceDeliveredMany,
  claimNextSeq,
  directKey,
  findDirectConversationId,
  findMembership,
  getOrCreateDirectConversation,
  listMemberships,
  markMessageNotificationsRead,
  memberIds,
  otherMembersOf,
  receiptsFor,
  setMuted,
  unreadConversations,
} from './conversations.repository.js';
export {
  claimNextSeqs,
  findDirectConversationIds,
  findGroupAudiences,
  lockWatermarks,
  writeWatermarks,
} from './batch.repository.js';
export type { WatermarkState } from './batch.repository.js';
export type {
  ConversationListRow,
  DeliveredMove,
  MembershipRow,
  UnreadConversationRow,
  WatermarkKind,
} from './conversations.repository.js';
