import type { Message } from '@chat-api/client';
import { findMessage, nameOf } from './store.js';

type SystemData = { kind: string; name?: string; previousName?: string; userId?: string; role?: string; messageId?: string };

/** “the words…” of a message still on screen, else just “a message”. */
function quoted(messageId: string | undefined): string {
  const text = messageId ? findMessage(messageId)?.text : undefined;
  if (!text) return 'a message';
  const chars = [...text];
  return `“${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text}”`;
}

/** A sentence for a group's `system` message (the server sends what happened, not words). */
export function systemText(message: Message): string {
  const data = (message as { system?: SystemData | null }).system;
  const actor = nameOf(message.senderId);
  const user = nameOf(data?.userId);
  switch (data?.kind) {
    case 'group_created':
      return `${actor} created the group “${data.name ?? ''}”`;
    case 'group_renamed':
      return `${actor} renamed the group from “${data.previousName ?? ''}” to “${data.name ?? ''}”`;
    case 'group_description_changed':
      return `${actor} changed the description`;
    case 'group_picture_changed':
      return `${actor} changed the group picture`;
    case 'member_added':
      return `${actor} added ${user}`;
    case 'member_removed':
      return `${actor} removed ${user}`;
    case 'member_left':
      return `${user} left the group`;
    case 'role_changed':
      return `${actor} made ${user} ${data.role ?? 'member'}`;
    case 'message_pinned':
      return `${actor} pinned ${quoted(data.messageId)}`;
    case 'message_unpinned':
      return `${actor} unpinned ${quoted(data.messageId)}`;
    default:
      return message.text ?? 'Group updated';
  }
}
