export { conversationsRoutes } from './conversations.routes.js';
export { createConversationsService } from './conversations.service.js';
export type { ConversationDto } from './conversations.schemas.js';
