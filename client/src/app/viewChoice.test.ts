import { describe, expect, it } from 'vitest';
import { availableViews, defaultView } from './viewChoice';

describe('which view a person gets', () => {
  it('a participant on a phone lands on the phone view and may switch to the list board and the canvas', () => {
    expect(defaultView('participant', true, true)).toBe('phone');
    expect(availableViews('participant', true)).toEqual(['canvas', 'list', 'phone']);
  });

  it('without a licence on a production origin nobody gets the canvas: the list board is the board', () => {
    expect(defaultView('facilitator', false, false)).toBe('list');
    expect(defaultView('viewer', false, true)).toBe('list');
    expect(availableViews('participant', false)).toEqual(['list', 'phone']);
  });

  it('a viewer (projector) never gets the phone view, which is for writing', () => {
    expect(defaultView('viewer', true, true)).toBe('canvas');
    expect(availableViews('viewer', true)).toEqual(['canvas', 'list']);
  });
});
