import { LINK_FRAGMENT_KEY, type Role } from '@samskapa/shared';

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

/** Remembers the chosen display name. */
export function saveName(name: string): Identity {
  const identity = { ...loadIdentity(), name: name.trim() };
  localStorage.setItem(IDENTITY_KEY, JSON.stringify(identity));
  return identity;
}

/** The capability this browser holds for a workshop, if any. */
export function loadAccess(workshopId: string): Access | null {
  const stored = readJson(accessKey(workshopId)) as Partial<Access> | null;
  if (!stored || typeof stored.token !== 'string' || !stored.role || !(stored.role in ROLE_RANK)) return null;
  return { role: stored.role, token: stored.token };
}

/** Keeps a capability; a weaker one never replaces a stronger one already held. */
export function saveAccess(workshopId: string, access: Access): Access {
  const current = loadAccess(workshopId);
  if (current && ROLE_RANK[current.role] > ROLE_RANK[access.role]) return current;
  localStorage.setItem(accessKey(workshopId), JSON.stringify(access));
  return access;
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

/**
 * Takes the capability out of the address bar: stores it and replaces the URL without the fragment,
 * so the secret never stays in history, bookmarks or screenshots of the address bar.
 */
export function takeAccessFromLocation(workshopId: string): Access | null {
  const fromLink = parseFragment(window.location.hash);
  if (fromLink) {
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return saveAccess(workshopId, fromLink);
  }
  return loadAccess(workshopId);
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
