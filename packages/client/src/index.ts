export { ChatClient, createChatClient, type ChatClientOptions, type ClientEvents, type LoginResponse } from './client.js';
export { ApiError, NetworkError, isRetryable, type FieldError, type KnownErrorCode } from './errors.js';
export {
  durableEventTypes,
  type ConversationEventData,
  type DurableEvent,
  type DurableEvents,
  type DurableEventType,
  type EphemeralEvents,
  type GroupEventData,
  type ReadyData,
  type ReactionEventData,
  type ReceiptData,
} from './events.js';
export type { ApiClient, DataMethod } from './http.js';
export type { OutboxOptions, PendingMessage, SendInput } from './outbox.js';
export type { Disconnected, RealtimeOptions, WebSocketConstructor, WebSocketLike } from './realtime.js';
export type { Session } from './session.js';
export type { UploadOptions, XMLHttpRequestConstructor, XMLHttpRequestLike } from './upload.js';
export { localStorageAdapter, memoryStorage, type ClientStorage, type WebStorageLike } from './storage.js';
export { backoffDelay, type BackoffOptions } from './backoff.js';
export { applyReaction, keepMyReactions } from './reactions.js';
export { highlightParts, type TextPart } from './highlights.js';
export type * from './types.js';
export type { paths } from './generated/openapi.js';
