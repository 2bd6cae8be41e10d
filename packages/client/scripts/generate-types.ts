import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

// `npm run client:types` writes the client's REST types from docs/openapi.json and its event types
// from docs/asyncapi.yaml (itself generated from the server's event catalog); `--check` fails when
// a committed file differs from what the documents generate (npm run check runs it).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Json = Record<string, unknown>;
type OpenApi = Parameters<typeof openapiTS>[0];

const header = (source: string) =>
  [`// Generated from ${source} by \`npm run client:types\`. Do not edit by hand.`, '/* eslint-disable */', ''].join('\n');

async function restTypes(): Promise<string> {
  const document = JSON.parse(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8')) as OpenApi;
  return `${header('docs/openapi.json')}${astToString(await openapiTS(document, { exportType: true, alphabetize: false }))}`;
}

/**
 * The AsyncAPI document's object schemas, plus one object per kind of server frame mapping each
 * frame type to its `data`: `DurableEvents` (frames with a `seq`) and `ServerFrames` (the rest).
 */
async function eventTypes(): Promise<string> {
  const asyncapi = parse(readFileSync(path.join(root, 'docs/asyncapi.yaml'), 'utf8')) as {
    components: { messages: Record<string, { payload: { $ref: string } }>; schemas: Record<string, Json> };
  };
  const { schemas } = asyncapi.components;
  const durable: Record<string, Json> = {};
  const frames: Record<string, Json> = {};
  for (const [type, message] of Object.entries(asyncapi.components.messages)) {
    if (type.startsWith('client.')) continue;
    const payload = schemas[message.payload.$ref.replace('#/components/schemas/', '')] as { properties: Json };
    const data = (payload.properties.data ?? { type: 'null' }) as Json;
    if (payload.properties.seq) durable[type] = data;
    else frames[type] = data;
  }
  const object = (properties: Record<string, Json>) => ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  });
  const document = {
    openapi: '3.1.0',
    info: { title: 'Chat API events', version: '0' },
    paths: {},
    components: { schemas: { ...schemas, DurableEvents: object(durable), ServerFrames: object(frames) } },
  } as unknown as OpenApi;
  const types = astToString(await openapiTS(document, { exportType: true, alphabetize: false }));
  return [
    `${header('docs/asyncapi.yaml')}${types}`,
    '/** The `data` of each durable event type. */',
    "export type DurableEvents = components['schemas']['DurableEvents'];",
    '/** The `data` of each server frame that is not a durable event (`ready`, ephemeral frames, `error`…). */',
    "export type ServerFrames = components['schemas']['ServerFrames'];",
    '/** Every durable event type, in the order of the server’s catalog. */',
    `export const durableEventTypes = ${JSON.stringify(Object.keys(durable))} as const;`,
    '',
  ].join('\n');
}

const outputs = {
  'packages/client/src/generated/openapi.ts': await restTypes(),
  'packages/client/src/generated/events.ts': await eventTypes(),
};
let drifted = false;
for (const [file, generated] of Object.entries(outputs)) {
  const target = path.join(root, file);
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // A missing file is drift too.
    }
    if (committed !== generated) {
      process.stderr.write(`${file} is out of date: run \`npm run client:types\` and commit it\n`);
      drifted = true;
    } else {
      process.stdout.write(`${file} is up to date\n`);
    }
  } else {
    writeFileSync(target, generated);
    process.stdout.write(`wrote ${target}\n`);
  }
}
if (drifted) process.exit(1);
