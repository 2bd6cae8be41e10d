/**
 * The conversation store: direct conversations (get-or-create by `direct_key`), memberships,
 * receipt watermarks and the per-user list. The messages module serves it over HTTP.
 */
export {
  advanceWatermark,
  advanceWatermarks,
  deliveredBehind,
  directKey,
  findDirectConversationId,
  findMembership,
  getOrCreateDirectConversation,
  listMemberships,
  lockConversation,
  memberIds,
  memberStates,
  mutedMembers,
  otherMembersOf,
  receiptsFor,
  recordLastMessage,
  setMuted,
} from './conversations.repository.js';
export type { ConversationListRow, MembershipRow, WatermarkKind } from './conversations.repository.js';
