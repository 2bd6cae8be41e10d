import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { extractNamedSchemas } from '../plugins/openapi-components.js';
import { durableEvents } from '../events/catalog.js';
import { ClientFrameSchemas, CloseCodeMeanings, ServerFrameSchemas } from './protocol.js';

// The AsyncAPI 3 description of `GET /ws`, built from the schemas the server uses, so it cannot
// drift from the code. Served at /asyncapi.json and /asyncapi.yaml; docs/asyncapi.yaml is the same
// document (`npm run openapi` writes it, `npm run openapi:check` checks it).

type Json = Parameters<typeof extractNamedSchemas>[0];

const clientFrames = {
  auth: {
    title: 'AuthFrame',
    summary: 'First frame (within 10 s) when the upgrade carried no token, or later a fresh access token of the same session',
  },
  ack: { title: 'AckFrame', summary: 'Everything up to this durable `seq` was received (drives delivery receipts)' },
  ping: { title: 'PingFrame', summary: 'Answered by `pong`' },
  typing: {
    title: 'TypingStartFrame',
    summary: 'You are typing to `recipientId` or in `groupId` (relayed at most once per 3 s)',
  },
} as const;

const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

function durableMessage(type: string, description: { payload: unknown; to: string }): Json {
  return {
    name: type,
    title: type,
    summary: `Durable event, to ${description.to}`,
    payload: {
      type: 'object',
      title: `${pascal(type)}Event`,
      required: ['seq', 'type', 'data'],
      additionalProperties: false,
      properties: {
        seq: { type: 'integer', minimum: 1, description: 'Per user, gapless, the same on every connection and node' },
        type: { const: type, type: 'string' },
        data: description.payload as Json,
      },
    },
  };
}

export function asyncApiDocument(opts: { version: string; publicUrl: string }): Record<string, unknown> {
  const url = new URL(opts.publicUrl);
  const messages: Record<string, Json> = {};
  for (const [type, description] of Object.entries(durableEvents)) messages[type] = durableMessage(type, description);
  for (const schema of Object.values(ServerFrameSchemas)) {
    const type = (schema.properties.type as { const: string }).const;
    messages[type] = {
      name: type,
      title: type,
      summary: (schema as { description?: string }).description ?? '',
      payload: schema as unknown as Json,
    };
  }
  const clientMessages: Record<string, Json> = {};
  for (const [type, meta] of Object.entries(clientFrames)) {
    const schema = ClientFrameSchemas[type as keyof typeof ClientFrameSchemas];
    clientMessages[`client.${type}`] = {
      name: type,
      title: type,
      summary: meta.summary,
      payload: { ...(schema as object), title: meta.title } as Json,
    };
  }
  const schemas: Record<string, Json> = {};
  const named = extractNamedSchemas({ ...messages, ...clientMessages }, schemas, '#/components/schemas/') as Record<string, Json>;
  const sortedSchemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  const ref = (key: string) => ({ $ref: `#/channels/ws/messages/${key}` });
  const closeCodes = Object.entries(CloseCodeMeanings)
    .map(([code, meaning]) => `- **${code}** ${meaning}`)
    .join('\n');
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Chat API real-time protocol',
      version: opts.version,
      description:
        'One WebSocket per device at `GET /ws` carries every durable event of the signed-in user (with a per-user ' +
        '`seq`, replayed on resume with `?since=`) and ephemeral frames (`presence.updated`, `typing`). The first ' +
        'server frame is always `ready`. Object schemas are the same as in the OpenAPI document (`/openapi.json`).\n\n' +
        `Close codes:\n${closeCodes}`,
    },
    servers: {
      default: {
        host: url.host,
        protocol: url.protocol === 'https:' ? 'wss' : 'ws',
        description: 'This server',
      },
    },
    defaultContentType: 'application/json',
    channels: {
      ws: {
        address: '/ws',
        title: 'The signed-in user’s real-time stream',
        messages: Object.fromEntries(Object.keys(named).map((k) => [k, { $ref: `#/components/messages/${k}` }])),
        bindings: {
          ws: {
            method: 'GET',
            query: {
              type: 'object',
              additionalProperties: false,
              properties: {
                token: { type: 'string', description: 'Access token (non-browser clients; browsers send an `auth` frame)' },
                since: { type: 'integer', minimum: 0, description: 'The last durable seq received; later events are replayed' },
              },
            },
            headers: {
              type: 'object',
              properties: { Authorization: { type: 'string', description: 'Bearer <accessToken> (non-browser clients)' } },
            },
          },
        },
      },
    },
    operations: {
      receive: {
        action: 'receive',
        channel: { $ref: '#/channels/ws' },
        summary: 'Frames the server sends; `ready` is always first',
        messages: Object.keys(named)
          .filter((k) => !k.startsWith('client.'))
          .map(ref),
      },
      send: {
        action: 'send',
        channel: { $ref: '#/channels/ws' },
        summary: 'Frames the client sends; a bad one is answered by an `error` frame',
        messages: Object.keys(clientMessages).map(ref),
      },
    },
    components: { messages: named, schemas: sortedSchemas },
  };
}

/** The document as YAML (docs/asyncapi.yaml and `/asyncapi.yaml`). */
export function asyncApiYaml(document: Record<string, unknown>): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** `GET /asyncapi.json` and `GET /asyncapi.yaml`. */
export function registerAsyncApi(app: FastifyInstance, opts: { version: string; publicUrl: string }): void {
  const document = asyncApiDocument(opts);
  const yaml = asyncApiYaml(document);
  app.get('/asyncapi.json', { schema: { hide: true } }, async () => document);
  app.get('/asyncapi.yaml', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(yaml),
  );
}
