/**
 * WebSocket close codes the server uses. Codes 4400–4499 make the y-websocket client stop
 * reconnecting, so each one is a final answer the UI can explain.
 */
export const CloseCode = {
  /** A message could not be decoded as the y-websocket protocol. */
  badMessage: 4400,
  /** The token is missing or is not a token of this workshop. */
  unauthorized: 4401,
  /** The role may not do what the message asked. */
  forbidden: 4403,
  /** The workshop does not exist (or was deleted). */
  notFound: 4404,
  /**
   * The server refused a change (a participant changing what only the facilitator owns, an invalid
   * record): nothing of it was stored or sent on. The client starts again from the server's state.
   */
  refused: 4409,
  /** A message, or the document it would produce, is larger than allowed. */
  tooLarge: 4413,
  /** Too many connections for this workshop or from this address. */
  tooManyConnections: 4429,
  /** The server could not store the change; nothing was lost, reconnect later. */
  storeFailed: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** i18n key that explains a close code to a person. */
export function closeReasonKey(code: number): string {
  switch (code) {
    case CloseCode.badMessage:
      return 'connection.closed.badMessage';
    case CloseCode.unauthorized:
      return 'connection.closed.unauthorized';
    case CloseCode.forbidden:
      return 'connection.closed.forbidden';
    case CloseCode.notFound:
      return 'connection.closed.notFound';
    case CloseCode.tooLarge:
      return 'connection.closed.tooLarge';
    case CloseCode.refused:
      return 'connection.closed.refused';
    case CloseCode.tooManyConnections:
      return 'connection.closed.tooManyConnections';
    default:
      return 'connection.closed.other';
  }
}
