import { Type } from '@fastify/type-provider-typebox';
import { problems, Text } from '../lib/schemas.js';
import { CloseCodeMeanings } from './protocol.js';

// `GET /ws` in the OpenAPI document: the upgrade itself (frames are described by the AsyncAPI
// document at /asyncapi.json).

const WsQuery = Type.Object(
  {
    token: Type.Optional(
      Text({ maxLength: 4096, description: 'Access token (non-browser clients; browsers send an `auth` frame instead)' }),
    ),
    since: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Last durable seq received; the events after it are replayed' }),
    ),
  },
  { additionalProperties: false },
);

const closeCodes = Object.entries(CloseCodeMeanings)
  .map(([code, meaning]) => `- \`${code}\` ${meaning}`)
  .join('\n');

export const WsRouteSchema = {
  summary: 'Open the real-time WebSocket',
  tags: ['realtime'],
  description:
    'A WebSocket upgrade (`Connection: Upgrade`, `Upgrade: websocket`). Authenticate with `?token=`, an ' +
    '`Authorization: Bearer` header, or — from browsers, which cannot set headers — by sending ' +
    '`{"type":"auth","token":"<accessToken>"}` as the first frame within 10 s. The first server frame is ' +
    '`ready`; every frame and event is described in the AsyncAPI document (`/asyncapi.json`, `/asyncapi.yaml`).' +
    `\n\nClose codes:\n${closeCodes}`,
  security: [{ bearerAuth: [] }, {}],
  querystring: WsQuery,
  response: {
    101: { description: 'Switching Protocols: the socket is open; frames follow the AsyncAPI document', type: 'null' },
    ...problems(400, 426),
  },
} as const;
