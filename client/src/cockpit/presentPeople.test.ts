import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { AWARENESS_FIELDS } from '@samskapa/shared';
import { keepUserPublished, peoplePresent } from './presentPeople';

const USER = AWARENESS_FIELDS.user;
const user = (id: string, name: string, role?: string) => ({ [USER]: { id, name, color: '#1971c2', role } });

describe('who is here', () => {
  it('lists each participant once by name, counts facilitators apart, and leaves viewers and junk out', () => {
    const people = peoplePresent(
      [
        user('a', 'Öberg', 'participant'),
        user('b', 'Andersson', 'participant'),
        user('a', 'Öberg', 'participant'), // the same person in a second tab
        user('f', 'Facilitator', 'facilitator'),
        user('v', 'Projektor', 'viewer'),
        user('c', 'Utan roll'), // a client that publishes no role yet
        { [USER]: { id: 42, name: 'trasig' } },
        { presence: {} },
        null,
      ],
      'sv',
    );
    expect(people.participants.map((p) => p.name)).toEqual(['Andersson', 'Utan roll', 'Öberg']);
    expect(people.facilitators).toBe(1);
  });

  it('keeps the role in the published user when another part of the page rewrites it without one', () => {
    const awareness = new Awareness(new Y.Doc());
    const stop = keepUserPublished(awareness, { id: 'v', name: 'Visning', color: '#000', role: 'viewer' });
    expect(awareness.getLocalState()?.[USER]).toMatchObject({ role: 'viewer' });
    // What the canvas does: the same person, no role.
    awareness.setLocalStateField(USER, { id: 'v', name: 'Visning', color: '#000' });
    expect(awareness.getLocalState()?.[USER]).toMatchObject({ id: 'v', role: 'viewer' });
    stop();
    awareness.destroy();
  });
});
