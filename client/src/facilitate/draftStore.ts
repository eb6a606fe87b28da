import type { Draft } from '@samskapa/shared';
import { useEffect } from 'react';
import { z } from 'zod';
import { create } from 'zustand';

/**
 * Private drafts of silent brainstorming, per workshop, in this browser's storage only: private means
 * not sent. They survive a reload and a closed laptop; they leave the browser only when published.
 */
const key = (workshopId: string) => `samskapa.drafts.${workshopId}`;

const StoredDrafts = z.array(
  z.object({
    id: z.string(),
    text: z.string(),
    areaId: z.string().nullable(),
    round: z.int(),
    createdAt: z.number(),
  }),
);

function load(workshopId: string): Draft[] {
  try {
    return StoredDrafts.catch([]).parse(JSON.parse(localStorage.getItem(key(workshopId)) ?? '[]'));
  } catch {
    return [];
  }
}

function save(workshopId: string, drafts: Draft[]): void {
  try {
    if (drafts.length === 0) localStorage.removeItem(key(workshopId));
    else localStorage.setItem(key(workshopId), JSON.stringify(drafts));
  } catch {
    // Kept in memory for this tab only.
  }
}

interface DraftState {
  byWorkshop: Record<string, Draft[]>;
  drafts(workshopId: string): Draft[];
  add(workshopId: string, draft: Omit<Draft, 'id'>): void;
  remove(workshopId: string, ids: readonly string[]): void;
  /** Read this workshop's drafts from storage (once per page). */
  hydrate(workshopId: string): void;
}

export const useDraftStore = create<DraftState>((set, get) => ({
  byWorkshop: {},
  drafts: (workshopId) => get().byWorkshop[workshopId] ?? load(workshopId),
  add: (workshopId, draft) => {
    const next = [...get().drafts(workshopId), { ...draft, id: crypto.randomUUID() }];
    save(workshopId, next);
    set((s) => ({ byWorkshop: { ...s.byWorkshop, [workshopId]: next } }));
  },
  remove: (workshopId, ids) => {
    const next = get()
      .drafts(workshopId)
      .filter((d) => !ids.includes(d.id));
    save(workshopId, next);
    set((s) => ({ byWorkshop: { ...s.byWorkshop, [workshopId]: next } }));
  },
  hydrate: (workshopId) => {
    if (get().byWorkshop[workshopId]) return;
    set((s) => ({ byWorkshop: { ...s.byWorkshop, [workshopId]: load(workshopId) } }));
  },
}));

const none: Draft[] = [];

/** This workshop's drafts, live. */
export function useDrafts(workshopId: string): Draft[] {
  useEffect(() => useDraftStore.getState().hydrate(workshopId), [workshopId]);
  return useDraftStore((s) => s.byWorkshop[workshopId]) ?? none;
}
