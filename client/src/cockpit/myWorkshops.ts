import { useSyncExternalStore } from 'react';
import type { CreateWorkshopResponse } from '@samskapa/shared';
import { z } from 'zod';
import { chooseAccess } from '../session/identity';

/** A workshop this browser facilitates, as "Mina workshoppar" on the start page lists it. */
export const MyWorkshop = z.object({
  id: z.string(),
  title: z.string(),
  /** The facilitator secret, to open the board as facilitator again. */
  token: z.string(),
  /** When the workshop was created (ISO 8601), or when this browser first opened it as facilitator. */
  createdAt: z.string(),
});
export type MyWorkshop = z.infer<typeof MyWorkshop>;

// The facilitator secret is kept in this browser's localStorage, like the capabilities in identity.ts:
// it is the same browser that created or opened the workshop, and it never leaves it.
const STORAGE_KEY = 'samskapa.myWorkshops';
const CHANGE_EVENT = 'samskapa:myWorkshops';

function readRaw(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '[]';
  } catch {
    return '[]';
  }
}

function parse(raw: string): MyWorkshop[] {
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  // An entry this version cannot read is skipped, not allowed to hide the others.
  return stored.flatMap((entry) => {
    const parsed = MyWorkshop.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

function write(list: MyWorkshop[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    return; // storage unavailable (private mode): the list is simply not kept
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** The workshops this browser facilitates, newest first. */
export function listMyWorkshops(): MyWorkshop[] {
  return parse(readRaw()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Adds a workshop to the list, or updates its title and secret; the time it was first added stays. */
export function rememberMyWorkshop(entry: Omit<MyWorkshop, 'createdAt'> & { createdAt?: string }): void {
  const list = parse(readRaw());
  const existing = list.find((w) => w.id === entry.id);
  if (existing && existing.title === entry.title && existing.token === entry.token) return;
  const next: MyWorkshop = {
    id: entry.id,
    title: entry.title,
    token: entry.token,
    createdAt: existing?.createdAt ?? entry.createdAt ?? new Date().toISOString(),
  };
  write([...list.filter((w) => w.id !== entry.id), next]);
}

/** Removes a workshop from the list (the workshop itself stays). */
export function forgetMyWorkshop(workshopId: string): void {
  const list = parse(readRaw());
  if (list.some((w) => w.id === workshopId)) write(list.filter((w) => w.id !== workshopId));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  // Another tab of this browser created or forgot one.
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

let cached: { raw: string; list: MyWorkshop[] } | null = null;

function snapshot(): MyWorkshop[] {
  const raw = readRaw();
  if (cached?.raw !== raw) cached = { raw, list: listMyWorkshops() };
  return cached.list;
}

/** The list, re-rendering when it changes in this tab or another. */
export function useMyWorkshops(): MyWorkshop[] {
  return useSyncExternalStore(subscribe, snapshot);
}

/** A workshop this browser has just created (or imported, or restored as new): it facilitates it from now on. */
export function adoptCreatedWorkshop(workshop: CreateWorkshopResponse): void {
  // The facilitator secret goes straight into this browser; it never has to sit in the address bar.
  chooseAccess(workshop.id, { role: 'facilitator', token: workshop.facilitatorToken }, { verified: true });
  rememberMyWorkshop({ id: workshop.id, title: workshop.title, token: workshop.facilitatorToken });
}
