import { Type, type Static } from '@fastify/type-provider-typebox';
import { CursorSchema, DateTimeSchema, IdSchema, NextCursorSchema, Text } from '../../lib/schemas.js';
import { MessageSchema } from './messages.schemas.js';

export const SearchQuerySchema = Type.Object(
  {
    q: Text({
      minLength: 2,
      maxLength: 200,
      description:
        'Every word matches words starting with it (any script; case and accents ignored; no stemming); in scripts written without spaces any substring; `"quoted phrases"` match as written',
    }),
    conversationId: Type.Optional(IdSchema),
    senderId: Type.Optional(IdSchema),
    before: Type.Optional(DateTimeSchema),
    after: Type.Optional(DateTimeSchema),
    cursor: Type.Optional(CursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

export const HighlightSchema = Type.Object(
  {
    start: Type.Integer({ minimum: 0, description: 'UTF-16 offset into `message.text`' }),
    end: Type.Integer({ minimum: 0, description: 'UTF-16 offset just after the match' }),
  },
  { title: 'Highlight' },
);

export const SearchResultSchema = Type.Object(
  { message: MessageSchema, highlights: Type.Array(HighlightSchema, { description: 'Sorted, not overlapping' }) },
  { title: 'SearchResult' },
);
export type SearchResultDto = Static<typeof SearchResultSchema>;

export const SearchPageSchema = Type.Object(
  { results: Type.Array(SearchResultSchema, { description: 'Newest first' }), nextCursor: NextCursorSchema },
  { title: 'SearchPage' },
);
export type SearchPage = Static<typeof SearchPageSchema>;
