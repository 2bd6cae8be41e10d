import type { WebSocket } from 'ws';

/** Frames before `auth` succeeds: an auth frame is a few hundred bytes. Larger ones close with 1009. */
export const PRE_AUTH_MAX_PAYLOAD = 4 * 1024;

/**
 * Open sockets per client address on this node, counted from the upgrade (authenticated or not),
 * so one address cannot hold the node's memory and file descriptors with idle sockets.
 */
export class AddressCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a new socket from `ip`; false (nothing counted) when the address is at its cap. */
  admit(ip: string): boolean {
    const n = this.counts.get(ip) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(ip, n + 1);
    return true;
  }

  release(ip: string): void {
    const n = (this.counts.get(ip) ?? 0) - 1;
    if (n > 0) this.counts.set(ip, n);
    else this.counts.delete(ip);
  }
}

/**
 * Sets the largest frame this socket accepts from now on. `ws` has one `maxPayload` per server and
 * no public setter per socket, so this adjusts its receiver's limit (checked against each frame's
 * header before the payload is buffered). test/realtime/connection-limits.test.ts pins the effect.
 */
export function setMaxPayload(socket: WebSocket, bytes: number): void {
  const receiver = (socket as unknown as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}
