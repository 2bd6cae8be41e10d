import { Type, type Static } from '@fastify/type-provider-typebox';
import { IdSchema, NextCursorSchema } from '../../lib/schemas.js';
import { MessageSchema } from './messages.schemas.js';

export const MessageParamsSchema = Type.Object({ messageId: IdSchema }, { additionalProperties: false });

export const PinnedPageSchema = Type.Object(
  {
    messages: Type.Array(MessageSchema, { description: 'Most recently pinned first' }),
    nextCursor: NextCursorSchema,
  },
  { title: 'PinnedMessagePage' },
);
export type PinnedPage = Static<typeof PinnedPageSchema>;
