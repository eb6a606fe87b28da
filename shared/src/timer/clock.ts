/** One round trip to the server's clock: when it was sent and received here, and what the server said. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/**
 * The server clock's offset from this one (add it to `Date.now()` to get server time): the median
 * of the samples' offsets, each taken at the middle of its round trip. The half of the samples with
 * the shortest round trips is used, since a slow answer says least about when the server read its
 * clock. Undefined without samples.
 */
export function estimateOffset(samples: readonly ClockSample[]): number | undefined {
  if (samples.length === 0) return undefined;
  const fastest = [...samples]
    .sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))
    .slice(0, Math.max(1, Math.ceil(samples.length / 2)));
  const offsets = fastest.map((s) => s.serverNow - (s.sentAt + s.receivedAt) / 2).sort((a, b) => a - b);
  const mid = offsets.length >> 1;
  return offsets.length % 2 === 1 ? offsets[mid]! : (offsets[mid - 1]! + offsets[mid]!) / 2;
}
