import type { Fanout } from './types';

/** One server process: nobody else to tell. */
export const localFanout: Fanout = {
  async subscribe() {},
  async unsubscribe() {},
  publish() {},
  onResync() {},
  async close() {},
};
