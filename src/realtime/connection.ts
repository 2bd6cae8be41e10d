import type { WebSocket } from 'ws';
import { newId } from '../lib/ids.js';
import { CloseCode } from './close-codes.js';

/** A socket whose unsent bytes exceed this is closed with 4009 (it resumes with `since`). */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Client frames: a burst of this many, refilled at FLOOD_RATE per second; beyond → 4008. */
const FLOOD_BURST = 60;
const FLOOD_RATE = 20;

export interface ConnectionInfo {
  userId: string;
  sessionId: string;
  /** Milliseconds since the epoch when the access token expires. */
  expiresAt: number;
}

/**
 * One authenticated socket. `sentSeq` is the last durable seq written to it; `live` turns true
 * once its replay position is known, from then on the user's pump feeds it.
 */
export class Connection {
  readonly id = newId();
  sentSeq = 0;
  live = false;
  /** Cleared by each ping, set by the pong; a socket still false at the next ping is dead. */
  alive = true;
  /** The highest seq the client acknowledged, and whether its delivery update is running. */
  ackedSeq = 0;
  acking = false;
  private expiryTimer: NodeJS.Timeout | undefined;
  private tokens = FLOOD_BURST;
  private refilledAt = Date.now();

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly sessionId: string,
    private expiresAt: number,
    private readonly onSent: (kind: 'event' | 'ephemeral') => void,
  ) {
    this.armExpiry();
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends a frame; a consumer that cannot keep up is closed with 4009 instead of growing memory. */
  send(frame: object, kind: 'event' | 'ephemeral' | 'control' = 'control'): void {
    this.write(JSON.stringify(frame), kind);
  }

  /** A durable event, already serialised (the same text goes to every recipient but its seq). */
  sendFrame(seq: number, text: string): void {
    if (this.write(text, 'event')) this.sentSeq = seq;
  }

  private write(text: string, kind: 'event' | 'ephemeral' | 'control'): boolean {
    if (!this.open) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.tooSlow, 'too slow to keep up; reconnect with since');
      return false;
    }
    this.socket.send(text);
    if (kind !== 'control') this.onSent(kind);
    return true;
  }

  sendError(code: string, detail: string): void {
    this.send({ type: 'error', data: { code, detail } });
  }

  close(code: number, reason: string): void {
    clearTimeout(this.expiryTimer);
    this.live = false;
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** A fresh token for the same session moves the expiry. */
  renew(expiresAt: number): void {
    this.expiresAt = expiresAt;
    this.armExpiry();
  }

  /** Takes `cost` tokens for a client frame; false when the client floods. */
  takeToken(cost = 1, now = Date.now()): boolean {
    this.tokens = Math.min(FLOOD_BURST, this.tokens + ((now - this.refilledAt) / 1000) * FLOOD_RATE);
    this.refilledAt = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    const delay = Math.max(0, Math.min(this.expiresAt - Date.now(), 2 ** 31 - 1));
    this.expiryTimer = setTimeout(() => this.close(CloseCode.unauthorized, 'token_expired'), delay);
    this.expiryTimer.unref();
  }
}
