import type { WatermarkEvent } from './messages.schemas.js';

/** The `data` of `message.delivered` and `message.read`: `userId` received or read up to `upToSeq`. */
export function watermarkEvent(conversationId: string, userId: string, upToSeq: number, at: Date): WatermarkEvent {
  return { conversationId, userId, upToSeq, at: at.toISOString() };
}
