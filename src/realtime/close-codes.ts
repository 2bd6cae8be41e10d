/** WebSocket close codes of the protocol (docs/realtime.md). */
export const CloseCode = {
  /** Unauthorized: no or bad token, token expired without an `auth` swap, or session revoked. */
  unauthorized: 4001,
  /** Too many client frames. */
  rateLimited: 4008,
  /** The client reads too slowly; it should reconnect and resume with `since`. */
  tooSlow: 4009,
  /** The server is shutting down or restarting; reconnect (to another node) and resume. */
  restarting: 1012,
} as const;
