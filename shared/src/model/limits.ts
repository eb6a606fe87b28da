/** Default limits; a deployment can change each one through the environment. */
export const DEFAULT_LIMITS = {
  /** Largest WebSocket message the server accepts (bytes). */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Largest encoded document (bytes). */
  maxDocBytes: 32 * 1024 * 1024,
  /** Open sockets per workshop (each client opens two: board and control). */
  maxConnectionsPerWorkshop: 1500,
  /** Open sockets per remote address; a whole venue often shares one address behind NAT. */
  maxConnectionsPerAddress: 1500,
} as const;
export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };
