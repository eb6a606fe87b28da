import { describe, expect, it } from 'vitest';
import { routeOf } from './router';

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(routeOf('/')).toEqual({ page: 'start' });
    expect(routeOf('/j/k7m2qx')).toEqual({ page: 'joinCode', code: 'k7m2qx' });
    expect(routeOf('/w/abcdefgh12345678')).toEqual({ page: 'board', workshopId: 'abcdefgh12345678' });
    expect(routeOf('/w/short')).toEqual({ page: 'notFound' });
    expect(routeOf('/nope')).toEqual({ page: 'notFound' });
  });
});
