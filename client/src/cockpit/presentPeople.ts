import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { Awareness } from 'y-protocols/awareness';
import { AWARENESS_FIELDS, ROLES, type Role } from '@samskapa/shared';

/** Who a client says it is, in its awareness field `user`. */
export const PresentUser = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  color: z.string().max(50).optional(),
  /** Missing from clients that publish only a name: counted as participants. */
  role: z.enum(ROLES).optional(),
});
export type PresentUser = z.infer<typeof PresentUser>;

/** The people present, as the facilitator's header shows them. */
export interface PeoplePresent {
  /** Participants, one per person (a person with two tabs is there once), sorted by name. */
  participants: { id: string; name: string }[];
  /** How many facilitators are there (this one included). */
  facilitators: number;
}

/**
 * Who is here, from every client's awareness state: viewers (the projector) are nobody, a malformed
 * state is skipped, and a person is counted once however many tabs they have open.
 */
export function peoplePresent(states: Iterable<unknown>, locale: string): PeoplePresent {
  const participants = new Map<string, string>();
  const facilitators = new Set<string>();
  for (const state of states) {
    const raw = (state as Record<string, unknown> | null | undefined)?.[AWARENESS_FIELDS.user];
    const user = PresentUser.safeParse(raw);
    if (!user.success) continue;
    const role: Role = user.data.role ?? 'participant';
    if (role === 'facilitator') facilitators.add(user.data.id);
    else if (role === 'participant') participants.set(user.data.id, user.data.name.trim());
  }
  const collator = new Intl.Collator(locale);
  return {
    participants: [...participants]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)),
    facilitators: facilitators.size,
  };
}

/** The people present in a doc's awareness, re-rendering when someone comes, goes or is renamed. */
export function usePeoplePresent(awareness: Awareness, locale: string): PeoplePresent {
  const read = () => peoplePresent(awareness.getStates().values(), locale);
  const [people, setPeople] = useState(read);
  useEffect(() => {
    let last = '';
    const update = () => {
      const next = peoplePresent(awareness.getStates().values(), locale);
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setPeople(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, locale]);
  return people;
}

/**
 * Publishes who this person is (`user`: id, name, colour, role) in a doc's awareness and keeps it so:
 * another writer of the field (the canvas publishes it without the role) is completed, so the projector
 * always says it is a viewer. Returns a function that stops keeping it.
 */
export function keepUserPublished(awareness: Awareness, user: Required<PresentUser>): () => void {
  const wanted = { id: user.id, name: user.name, color: user.color, role: user.role };
  const ensure = () => {
    const current = (awareness.getLocalState() as Record<string, unknown> | null)?.[AWARENESS_FIELDS.user];
    const same =
      current !== null &&
      typeof current === 'object' &&
      Object.entries(wanted).every(([key, value]) => (current as Record<string, unknown>)[key] === value);
    if (!same) awareness.setLocalStateField(AWARENESS_FIELDS.user, wanted);
  };
  ensure();
  awareness.on('change', ensure);
  return () => awareness.off('change', ensure);
}

/** Publishes this person in every view: the list board and the phone have no canvas that would. */
export function usePublishUser(awareness: Awareness, user: Required<PresentUser>): void {
  const { id, name, color, role } = user;
  useEffect(
    () => keepUserPublished(awareness, { id, name, color, role }),
    [awareness, id, name, color, role],
  );
}
