import type { FilesPort, SystemMessagesPort } from '../ports.js';
import { appendMessage } from './message-writer.js';

/**
 * The `SystemMessagesPort` the groups module writes through: a `system` message (no text; the
 * `system` field says what happened) appended with the same core as user messages.
 */
export function createSystemMessages(deps: { files: FilesPort }): SystemMessagesPort {
  return {
    async write(trx, emit, input) {
      await appendMessage(trx, emit, deps.files, {
        conversationId: input.conversationId,
        groupId: input.groupId,
        senderId: input.actorId,
        recipientId: null,
        type: 'system',
        text: null,
        systemData: { ...input.data },
        ...(input.alsoNotify ? { alsoNotify: input.alsoNotify } : {}),
      });
    },
  };
}
