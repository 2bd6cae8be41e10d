import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../lib/errors.js';
import type { Connection } from './connection.js';

/** Client frames above this size get an error frame (larger ones than MAX_PAYLOAD close the socket). */
export const MAX_FRAME_BYTES = 64 * 1024;

const Id = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;

export const ClientFrameSchemas = {
  ack: Type.Object({ type: Type.Literal('ack'), seq: Type.Integer({ minimum: 0 }) }, strict),
  ping: Type.Object({ type: Type.Literal('ping') }, strict),
  typing: Type.Union([
    Type.Object({ type: Type.Literal('typing'), recipientId: Id }, strict),
    Type.Object({ type: Type.Literal('typing'), groupId: Id }, strict),
  ]),
  auth: Type.Object({ type: Type.Literal('auth'), token: Type.String({ minLength: 1, maxLength: 4096 }) }, strict),
};

type Schemas = typeof ClientFrameSchemas;
export type ClientFrame<K extends keyof Schemas> = Static<Schemas[K]>;

/** What handlers may do besides answering on their own connection. */
export interface FrameContext {
  ack(conn: Connection, seq: number): Promise<void>;
  typing(conn: Connection, target: { recipientId?: string; groupId?: string }): Promise<void>;
  swapToken(conn: Connection, token: string): Promise<void>;
}

type Handler<K extends keyof Schemas> = (conn: Connection, frame: ClientFrame<K>, ctx: FrameContext) => Promise<void>;

const handlers: { [K in keyof Schemas]: Handler<K> } = {
  ack: (conn, frame, ctx) => ctx.ack(conn, Math.min(frame.seq, conn.sentSeq)),
  ping: async (conn) => conn.send({ type: 'pong' }),
  typing: (conn, frame, ctx) => ctx.typing(conn, frame),
  auth: (conn, frame, ctx) => ctx.swapToken(conn, frame.token),
};

const validators = Object.fromEntries(
  Object.entries(ClientFrameSchemas).map(([type, schema]) => [type, Compile(schema as TSchema)]),
) as unknown as Record<keyof Schemas, { Check(value: unknown): boolean }>;

/** Parses and checks a client frame; throws an AppError that becomes an error frame. */
export function parseFrame(raw: Buffer, isBinary: boolean): { type: keyof Schemas; frame: unknown } {
  if (isBinary) throw new AppError('unsupported_media_type', 'Frames are JSON text');
  if (raw.length > MAX_FRAME_BYTES) throw new AppError('payload_too_large', `Frames are limited to ${MAX_FRAME_BYTES} bytes`);
  let frame: unknown;
  try {
    frame = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'The frame is not valid JSON');
  }
  const type = (frame as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
    throw new AppError('unknown_frame', `Unknown frame type; expected one of ${Object.keys(handlers).join(', ')}`);
  }
  if (!validators[type as keyof Schemas].Check(frame)) {
    throw new AppError('validation_failed', `Invalid ${type} frame`);
  }
  return { type: type as keyof Schemas, frame };
}

/** Runs the handler of an already parsed frame. */
export function dispatch(conn: Connection, parsed: { type: keyof Schemas; frame: unknown }, ctx: FrameContext): Promise<void> {
  const handler = handlers[parsed.type] as Handler<keyof Schemas>;
  return handler(conn, parsed.frame as never, ctx);
}
