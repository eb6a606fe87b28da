import { describe, expect, it } from 'vitest';
import { CloseCode } from '@samskapa/shared';
import { connectionStateOf, type ConnectionFacts } from './connectionState';

const base: ConnectionFacts = {
  online: true,
  status: 'connecting',
  synced: false,
  everSynced: false,
  closed: null,
};

describe('visible connection state', () => {
  it('is connecting at first, connected once synced, reconnecting after a drop', () => {
    expect(connectionStateOf(base).kind).toBe('connecting');
    expect(connectionStateOf({ ...base, status: 'connected', synced: true, everSynced: true }).kind).toBe(
      'connected',
    );
    expect(connectionStateOf({ ...base, status: 'disconnected', everSynced: true }).kind).toBe(
      'reconnecting',
    );
  });

  it('is offline when the browser has no network', () => {
    expect(connectionStateOf({ ...base, online: false, everSynced: true }).kind).toBe('offline');
  });

  it('is rejected with the reason of the close code, whatever else holds', () => {
    expect(connectionStateOf({ ...base, online: false, closed: { code: CloseCode.unauthorized } })).toEqual({
      kind: 'rejected',
      code: 4401,
      reasonKey: 'connection.closed.unauthorized',
    });
  });
});
