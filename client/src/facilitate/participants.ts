import { AWARENESS_FIELDS, ParticipantId } from '@samskapa/shared';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';

/** A participant present now, as their awareness state says. */
export interface PresentParticipant {
  participantId: string;
  name: string;
  /** Private drafts they hold in silent brainstorming (a count only). */
  drafts: number;
}

const ParticipantField = z.object({ id: ParticipantId, drafts: z.int().min(0).max(10_000).catch(0) });
const UserField = z.object({ name: z.string().max(100) });

/** Publishes this participant's id and draft count in awareness (never a draft's text). */
export function usePublishParticipant(
  awareness: Awareness | null,
  participantId: string | null,
  drafts: number,
): void {
  useEffect(() => {
    if (!awareness || !participantId) return;
    awareness.setLocalStateField(AWARENESS_FIELDS.participant, { id: participantId, drafts });
  }, [awareness, participantId, drafts]);
}

function read(awareness: Awareness): PresentParticipant[] {
  const byId = new Map<string, PresentParticipant>();
  for (const state of awareness.getStates().values()) {
    const participant = ParticipantField.safeParse(
      (state as Record<string, unknown>)[AWARENESS_FIELDS.participant],
    );
    if (!participant.success) continue;
    const user = UserField.safeParse((state as Record<string, unknown>)[AWARENESS_FIELDS.user]);
    // One person with two tabs is one participant; their larger draft count is the current one.
    const known = byId.get(participant.data.id);
    byId.set(participant.data.id, {
      participantId: participant.data.id,
      name: user.success ? user.data.name : (known?.name ?? ''),
      drafts: Math.max(known?.drafts ?? 0, participant.data.drafts),
    });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The participants present now (for the facilitator's groups and draft counts). */
export function usePresentParticipants(awareness: Awareness | null): PresentParticipant[] {
  const [people, setPeople] = useState<PresentParticipant[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setPeople(read(awareness));
    const timer = setTimeout(update, 0);
    awareness.on('change', update);
    return () => {
      clearTimeout(timer);
      awareness.off('change', update);
    };
  }, [awareness]);
  return people;
}
