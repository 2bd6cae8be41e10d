import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Table types as Kysely sees them through CamelCasePlugin (columns are snake_case in SQL).
// Timestamps come back as Date; int8 is parsed to number by both drivers (see database.ts):
// seqs and counters stay far below 2^53.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type BigCounter = ColumnType<number, number | undefined, number>;

export interface UsersTable {
  id: string;
  username: string;
  email: string | null;
  passwordHash: string | null;
  emailVerifiedAt: Timestamp | null;
  displayName: string | null;
  bio: string | null;
  avatarFileId: string | null;
  mfaSecret: string | null;
  mfaEnabled: Generated<boolean>;
  mfaLastStep: BigCounter | null;
  lastSeenAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
}

export interface RefreshTokensTable {
  tokenHash: string;
  sessionId: string;
  createdAt: CreatedAt;
  usedAt: Timestamp | null;
}

export type UserTokenPurpose = 'verify_email' | 'reset_password' | 'change_email' | 'mfa_login';

export interface UserTokensTable {
  tokenHash: string;
  userId: string;
  purpose: UserTokenPurpose;
  data: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export interface MfaRecoveryCodesTable {
  userId: string;
  codeHash: string;
  usedAt: Timestamp | null;
}

export interface FilesTable {
  id: string;
  ownerId: string;
  name: string;
  mimeType: string;
  size: BigCounter;
  storageKey: string;
  sha256: string;
  width: number | null;
  height: number | null;
  thumbnailKey: string | null;
  createdAt: CreatedAt;
}

export type FriendRequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export interface FriendRequestsTable {
  id: string;
  fromUserId: string;
  toUserId: string;
  status: FriendRequestStatus;
  hidden: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface FriendshipsTable {
  userId: string;
  friendId: string;
  createdAt: CreatedAt;
}

export interface BlocksTable {
  blockerId: string;
  blockedId: string;
  createdAt: CreatedAt;
}

export type ConversationType = 'direct' | 'group';

export interface ConversationsTable {
  id: string;
  type: ConversationType;
  directKey: string | null;
  lastSeq: BigCounter;
  lastMessageId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface GroupsTable {
  id: string;
  conversationId: string;
  name: string;
  description: Generated<string>;
  avatarFileId: string | null;
  ownerId: string | null;
  memberCount: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
}

export type MemberRole = 'owner' | 'admin' | 'member';

export interface ConversationMembersTable {
  conversationId: string;
  userId: string;
  role: MemberRole | null;
  joinedAt: CreatedAt;
  deliveredSeq: BigCounter;
  readSeq: BigCounter;
  muted: Generated<boolean>;
  /** The member's own activity (joining); the list orders by the later of it and the conversation's. */
  activityAt: Timestamp;
  /** Read watermark of the member's derived `message` notification (a conversation seq). */
  notificationReadSeq: BigCounter;
}

export interface MessagesTable {
  id: string;
  conversationId: string;
  seq: BigCounter;
  senderId: string | null;
  recipientId: string | null;
  type: Generated<'text' | 'system'>;
  text: string | null;
  replyToId: string | null;
  mentions: ColumnType<string[], string[] | undefined, string[]>;
  systemData: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  clientMessageId: string | null;
  createdAt: CreatedAt;
  editedAt: Timestamp | null;
  deletedAt: Timestamp | null;
}

export interface MessageAttachmentsTable {
  messageId: string;
  fileId: string;
  position: number;
}

export interface MessageReactionsTable {
  messageId: string;
  emoji: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface MessageReactionCountsTable {
  messageId: string;
  emoji: string;
  count: number;
  firstAt: CreatedAt;
}

export interface MessagePinsTable {
  messageId: string;
  conversationId: string;
  pinnedBy: string | null;
  pinnedAt: CreatedAt;
}

/** `document` is a `tsvector` written as its text form (see the messages search index). */
export interface MessageSearchTable {
  messageId: string;
  conversationId: string;
  senderId: string | null;
  createdAt: ColumnType<Date, Date | string, Date | string>;
  document: ColumnType<string, string, string>;
}

export interface ReceiptsTable {
  conversationId: string;
  userId: string;
  kind: 'delivered' | 'read';
  upToSeq: BigCounter;
  at: CreatedAt;
}

export type NotificationType = 'friend_request' | 'friend_accepted' | 'message' | 'mention' | 'group_added';

export interface NotificationsTable {
  id: string;
  userId: string;
  type: NotificationType;
  actorId: string | null;
  conversationId: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  read: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface EventsTable {
  id: BigCounter;
  type: string;
  data: ColumnType<unknown, string, string>;
  createdAt: CreatedAt;
}

export interface EventSeqsTable {
  userId: string;
  seq: BigCounter;
}

export interface EventLogTable {
  userId: string;
  seq: BigCounter;
  eventId: BigCounter;
  createdAt: CreatedAt;
}

export type PushSubscriptionType = 'webpush' | 'gateway';

export interface PushSubscriptionsTable {
  id: string;
  userId: string;
  type: PushSubscriptionType;
  /** The Web Push endpoint, or the gateway's pushkey. */
  target: string;
  p256dh: string | null;
  auth: string | null;
  gatewayUrl: string | null;
  appId: string | null;
  createdAt: CreatedAt;
  lastSuccessAt: Timestamp | null;
}

export interface PushPendingTable {
  userId: string;
  topic: string;
  seq: BigCounter;
  kind: string;
  data: unknown;
  count: Generated<number>;
  urgent: Generated<boolean>;
  dueAt: Timestamp;
  createdAt: CreatedAt;
}

export interface DeliveriesTable {
  id: string;
  kind: 'webhook' | 'push';
  subscriptionId: string | null;
  payload: string;
  topic: string | null;
  urgent: Generated<boolean>;
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  createdAt: CreatedAt;
  lastError: string | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  userTokens: UserTokensTable;
  mfaRecoveryCodes: MfaRecoveryCodesTable;
  files: FilesTable;
  friendRequests: FriendRequestsTable;
  friendships: FriendshipsTable;
  blocks: BlocksTable;
  conversations: ConversationsTable;
  groups: GroupsTable;
  conversationMembers: ConversationMembersTable;
  messages: MessagesTable;
  messageAttachments: MessageAttachmentsTable;
  messageReactions: MessageReactionsTable;
  messageReactionCounts: MessageReactionCountsTable;
  messagePins: MessagePinsTable;
  messageSearch: MessageSearchTable;
  receipts: ReceiptsTable;
  notifications: NotificationsTable;
  events: EventsTable;
  eventSeqs: EventSeqsTable;
  eventLog: EventLogTable;
  pushSubscriptions: PushSubscriptionsTable;
  pushPending: PushPendingTable;
  deliveries: DeliveriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type FileRow = Selectable<FilesTable>;
export type FriendRequestRow = Selectable<FriendRequestsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type GroupRow = Selectable<GroupsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
