import { LINK_FRAGMENT_KEY, type Role } from '@samskapa/shared';
import { forgetSessionKey } from '../sync/sessionKey';

/** A capability held by this browser for one workshop. */
export interface Access {
  role: Role;
  token: string;
}

/** The person behind this browser: a random id and a chosen pseudonym. */
export interface Identity {
  id: string;
  name: string;
}

const IDENTITY_KEY = 'samskapa.identity';
const accessKey = (workshopId: string) => `samskapa.access.${workshopId}`;
const personKey = (workshopId: string) => `samskapa.person.${workshopId}`;
const ROLE_RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

/** This browser's identity; the id is created once and kept, the name may still be empty. */
export function loadIdentity(): Identity {
  const stored = readJson(IDENTITY_KEY) as Partial<Identity> | null;
  const identity: Identity = {
    id: typeof stored?.id === 'string' && stored.id ? stored.id : randomId(),
    name: typeof stored?.name === 'string' ? stored.name : '',
  };
  localStorage.setItem(IDENTITY_KEY, JSON.stringify(identity));
  return identity;
}

/**
 * The id this browser's person has in one workshop (the author of their notes, their presence): random
 * for each workshop and kept for it, so the notes a person wrote in two workshops cannot be linked by it,
 * while "Mina lappar" finds this workshop's own. Forgotten with the workshop.
 */
export function personIdIn(workshopId: string): string {
  const stored = localStorage.getItem(personKey(workshopId));
  if (stored) return stored;
  const id = randomId();
  localStorage.setItem(personKey(workshopId), id);
  return id;
}

/** Remembers the chosen display name. */
export function saveName(name: string): Identity {
  const identity = { ...loadIdentity(), name: name.trim() };
  localStorage.setItem(IDENTITY_KEY, JSON.stringify(identity));
  return identity;
}

/*
 * Where capabilities live. A tab uses the link that was opened in it (sessionStorage), so a projector
 * link opened on the facilitator's laptop gives a read-only tab there. The browser remembers the
 * strongest capability the server has accepted (localStorage), so the facilitator can reopen the board
 * later without the link. A link never displaces a remembered capability before the server accepts it
 * (a link cut short in an email must not lock anyone out), and a rejected one is forgotten.
 */
const tabAccessKey = (workshopId: string) => `samskapa.tabAccess.${workshopId}`;
const deletedKey = (workshopId: string) => `samskapa.deleted.${workshopId}`;

function parseAccess(raw: string | null): Access | null {
  try {
    const stored = (raw ? JSON.parse(raw) : null) as Partial<Access> | null;
    if (!stored || typeof stored.token !== 'string' || !stored.role || !(stored.role in ROLE_RANK))
      return null;
    return { role: stored.role, token: stored.token };
  } catch {
    return null;
  }
}

/** The capability this browser remembers for a workshop (the strongest accepted one), if any. */
export function loadAccess(workshopId: string): Access | null {
  return parseAccess(localStorage.getItem(accessKey(workshopId)));
}

/**
 * Remembers a capability for reopening later. With nothing remembered any capability is kept; a
 * remembered one is replaced only by one the server has accepted (`verified`) and at least as strong.
 */
export function rememberAccess(
  workshopId: string,
  access: Access,
  { verified }: { verified: boolean },
): void {
  const current = loadAccess(workshopId);
  if (current && (!verified || ROLE_RANK[current.role] > ROLE_RANK[access.role])) return;
  localStorage.setItem(accessKey(workshopId), JSON.stringify(access));
}

/** Opens a workshop in this tab with a capability the person just chose (a link, a join code). */
export function chooseAccess(workshopId: string, access: Access, { verified }: { verified: boolean }): void {
  sessionStorage.setItem(tabAccessKey(workshopId), JSON.stringify(access));
  localStorage.removeItem(deletedKey(workshopId));
  rememberAccess(workshopId, access, { verified });
}

/** The capability this tab uses: the one opened in it, else the one the browser remembers. */
export function accessForTab(workshopId: string): Access | null {
  return parseAccess(sessionStorage.getItem(tabAccessKey(workshopId))) ?? loadAccess(workshopId);
}

/** Forgets a capability the server refused (4401), in this tab and in the browser's memory. */
export function forgetAccess(workshopId: string, token: string): void {
  if (parseAccess(sessionStorage.getItem(tabAccessKey(workshopId)))?.token === token) {
    sessionStorage.removeItem(tabAccessKey(workshopId));
  }
  if (loadAccess(workshopId)?.token === token) localStorage.removeItem(accessKey(workshopId));
}

/** Forgets every capability for a workshop the server says no longer exists, and remembers that it is gone. */
export function forgetDeletedWorkshop(workshopId: string): void {
  sessionStorage.removeItem(tabAccessKey(workshopId));
  localStorage.removeItem(accessKey(workshopId));
  localStorage.removeItem(personKey(workshopId));
  forgetSessionKey(workshopId);
  localStorage.setItem(deletedKey(workshopId), '1');
}

/** Whether this browser saw the server say the workshop was deleted. */
export function isKnownDeleted(workshopId: string): boolean {
  return localStorage.getItem(deletedKey(workshopId)) === '1';
}

/** Reads a capability from a link fragment (`#f=…`, `#p=…`, `#v=…`). */
export function parseFragment(hash: string): Access | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const role of ['facilitator', 'participant', 'viewer'] as const) {
    const token = params.get(LINK_FRAGMENT_KEY[role]);
    if (token) return { role, token };
  }
  return null;
}

/** The link (with its secret in the fragment) that opens a workshop with a capability. */
export function capabilityLink(origin: string, workshopId: string, access: Access): string {
  return `${origin}/w/${workshopId}#${LINK_FRAGMENT_KEY[access.role]}=${encodeURIComponent(access.token)}`;
}

/**
 * Takes the capability out of the address bar: the tab uses it, and the URL is replaced without the
 * fragment, so the secret never stays in history, bookmarks or screenshots of the address bar.
 */
export function takeAccessFromLocation(workshopId: string): Access | null {
  const fromLink = parseFragment(window.location.hash);
  if (fromLink) {
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    chooseAccess(workshopId, fromLink, { verified: false });
    return fromLink;
  }
  return accessForTab(workshopId);
}

const PRESENCE_COLOURS = [
  '#e03131',
  '#1971c2',
  '#2f9e44',
  '#e8590c',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#3b5bdb',
  '#a61e4d',
];

/** A stable colour for a person, so they keep it across reloads. */
export function colourFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}
