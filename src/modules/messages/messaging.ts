import { createConversationsService } from './conversations.service.js';
import { createGatewayHooks } from './gateway-hooks.js';
import { createHistoryService } from './history.service.js';
import type { MessagingDeps } from './messaging.deps.js';
import { createMessagesService } from './messages.service.js';
import { createPinsService } from './pins.service.js';
import { createReactionsService } from './reactions.service.js';
import { createReceiptsService } from './receipts.service.js';
import { createSearchService } from './search.service.js';
import { createSendService } from './send.service.js';

/** Builds every messaging service; `close()` stops the read coalescer's timers. */
export function createMessaging(deps: MessagingDeps) {
  const receipts = createReceiptsService(deps);
  return {
    send: createSendService(deps),
    messages: createMessagesService(deps),
    history: createHistoryService(deps, receipts.markDelivered),
    receipts,
    reactions: createReactionsService(deps),
    pins: createPinsService(deps),
    search: createSearchService(deps),
    conversations: createConversationsService(deps),
    gatewayHooks: createGatewayHooks(deps, receipts.onAck),
    close: () => receipts.close(),
  };
}

export type Messaging = ReturnType<typeof createMessaging>;
