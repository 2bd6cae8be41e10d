export { messagesRoutes } from './messages.routes.js';
export { reactionsRoutes } from './reactions.routes.js';
export { searchRoutes } from './search.routes.js';
export { createSystemMessages } from './system-messages.js';
export type { MessagingDeps } from './messaging.deps.js';
export type { MessageDto } from './messages.schemas.js';
export { conversationsRoutes } from './conversations.routes.js';
export { createMessaging, type Messaging } from './messaging.js';
export { createReceiptsService } from './receipts.service.js';
