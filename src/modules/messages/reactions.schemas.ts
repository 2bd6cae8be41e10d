import { Type, type Static } from '@fastify/type-provider-typebox';
import { IdSchema, NextCursorSchema, Text } from '../../lib/schemas.js';
import { PublicUserSchema } from '../users/users.schemas.js';

export const ReactionParamsSchema = Type.Object(
  {
    messageId: IdSchema,
    emoji: Text({
      minLength: 1,
      maxLength: 64,
      description:
        'URL-encoded: one emoji grapheme of at most 32 bytes (skin tones, ZWJ sequences and flags included) or a `:shortcode:` of `[a-z0-9_+-]{1,32}`',
      examples: ['👍', ':party_parrot:'],
    }),
  },
  { additionalProperties: false },
);
export type ReactionParams = Static<typeof ReactionParamsSchema>;

export const ReactorsPageSchema = Type.Object(
  {
    users: Type.Array(PublicUserSchema, { description: 'Earliest first' }),
    nextCursor: NextCursorSchema,
  },
  { title: 'ReactorsPage' },
);
export type ReactorsPage = Static<typeof ReactorsPageSchema>;

export const ReactionEventSchema = Type.Object(
  {
    conversationId: IdSchema,
    messageId: IdSchema,
    emoji: Type.String(),
    userId: Type.String({ format: 'uuid', description: 'Who reacted or took the reaction back' }),
    action: Type.Union([Type.Literal('added'), Type.Literal('removed')]),
    count: Type.Integer({ minimum: 0, description: 'How many now reacted with this emoji' }),
  },
  { title: 'ReactionEvent', description: 'message.reaction' },
);
export type ReactionEvent = Static<typeof ReactionEventSchema>;
