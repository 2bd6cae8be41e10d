import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable } from '../lib/schemas.js';
import { UserSchema } from '../modules/users/users.schemas.js';
import { CloseCode } from './close-codes.js';
import { ClientFrameSchemas } from './frames.js';

// The WebSocket protocol as schemas: the frames besides durable events (whose `data` schemas are
// the event catalog, src/events/catalog.ts). The AsyncAPI document (asyncapi.ts) is generated from
// both, so it names the same objects as OpenAPI.

const frame = <T extends string>(type: T, data: TSchema | undefined, title: string, description: string) =>
  Type.Object(data ? { type: Type.Literal(type), data } : { type: Type.Literal(type) }, { title, description });

/** Frames the server sends that are not durable events. */
export const ServerFrameSchemas = {
  ready: frame(
    'ready',
    Type.Object({
      user: UserSchema,
      seq: Type.Integer({ minimum: 0, description: 'The latest durable seq at connect time' }),
      sessionId: IdSchema,
    }),
    'ReadyFrame',
    'Always the first frame after authentication',
  ),
  presence: frame(
    'presence.updated',
    Type.Object({ userId: IdSchema, online: Type.Boolean(), lastSeenAt: Nullable(DateTimeSchema) }),
    'PresenceFrame',
    'Ephemeral (never replayed): a friend came online or went offline (15 s after their last socket closed)',
  ),
  typing: frame(
    'typing',
    Type.Object({ userId: IdSchema, conversationId: IdSchema, groupId: Nullable(IdSchema) }),
    'TypingFrame',
    'Ephemeral: someone is typing; expires after 6 s unless repeated; not relayed in groups over 100 members',
  ),
  pong: frame('pong', undefined, 'PongFrame', 'Answers `ping`'),
  resync: frame(
    'resync_required',
    Type.Object({ seq: Type.Integer({ minimum: 0, description: 'Live events follow this seq' }) }),
    'ResyncRequiredFrame',
    '`since` is older than the retention window or above the latest seq: reload your state over REST',
  ),
  error: frame(
    'error',
    Type.Object({
      code: Type.String({
        examples: ['invalid_json', 'unknown_frame', 'validation_failed', 'payload_too_large', 'forbidden', 'not_found'],
      }),
      detail: Type.String(),
    }),
    'ErrorFrame',
    'Answers a bad client frame; the socket stays open',
  ),
};

export { ClientFrameSchemas, CloseCode };

/** What each close code means for a client (docs/realtime.md). */
export const CloseCodeMeanings: Record<number, string> = {
  [CloseCode.unauthorized]:
    'unauthorized: no or bad token, no `auth` frame within 10 s, token expired without a swap, or session revoked — refresh the token and reconnect, or sign in',
  [CloseCode.rateLimited]: 'rate limited: too many client frames — reconnect later with `since`',
  [CloseCode.tooSlow]: 'too slow: the client did not read fast enough — reconnect with `since`',
  [CloseCode.restarting]: 'server restarting — reconnect (to any node) with `since`',
  1009: 'a frame larger than 1 MiB',
};
