/** WebSocket close codes of the protocol (docs/realtime.md). */
export const CloseCode = {
  /** Unauthorized: no or bad token, token expired without an `auth` swap, or session revoked. */
  unauthorized: 4001,
  /** Too many client frames. */
  rateLimited: 4008,
  /** The client reads too slowly; it should reconnect and resume with `since`. */
  tooSlow: 4009,
  /**
   * Too many open connections for this user (WS_MAX_CONNECTIONS_PER_USER) or from this address
   * (WS_MAX_CONNECTIONS_PER_IP): close another one first; reconnecting at once will not help.
   */
  tooManyConnections: 4029,
  /** A frame above the size limit (4 KiB before authentication, 1 MiB after); set by `ws`. */
  messageTooBig: 1009,
  /** The server is shutting down or restarting; reconnect (to another node) and resume. */
  restarting: 1012,
} as const;
