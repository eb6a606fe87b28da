import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  accessForTab,
  capabilityLink,
  chooseAccess,
  colourFor,
  forgetAccess,
  forgetDeletedWorkshop,
  isKnownDeleted,
  loadAccess,
  loadIdentity,
  parseFragment,
  personIdIn,
  rememberAccess,
  type Access,
} from './identity';

/** Web Storage kept in memory, as a browser keeps it for one tab. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const W = 'AAAAAAAAAAAAAAAA';
const facilitator: Access = { role: 'facilitator', token: 'f-good' };
const truncatedFacilitator: Access = { role: 'facilitator', token: 'f-go' };
const participant: Access = { role: 'participant', token: 'p-good' };
const viewer: Access = { role: 'viewer', token: 'v-good' };

let browserStorage: MemoryStorage;
/** A new tab in the same browser: same localStorage, its own sessionStorage. */
function openTab(): void {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
}

beforeEach(() => {
  browserStorage = new MemoryStorage();
  vi.stubGlobal('localStorage', browserStorage);
  openTab();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('who a person is in a workshop', () => {
  it('has an id of its own in each workshop, kept for it, so two workshops cannot be linked by it', () => {
    const browserId = loadIdentity().id;
    const first = personIdIn('w_one');
    const second = personIdIn('w_two');
    expect(personIdIn('w_one')).toBe(first);
    expect(second).not.toBe(first);
    expect([first, second]).not.toContain(browserId);
  });

  it('forgets that id with a deleted workshop', () => {
    const before = personIdIn('w_gone');
    forgetDeletedWorkshop('w_gone');
    expect(personIdIn('w_gone')).not.toBe(before);
  });
});

describe('capability links', () => {
  it('reads the role and token from a link fragment', () => {
    expect(parseFragment('#f=secret')).toEqual({ role: 'facilitator', token: 'secret' });
    expect(parseFragment('#p=abc')).toEqual({ role: 'participant', token: 'abc' });
    expect(parseFragment('#v=xyz')).toEqual({ role: 'viewer', token: 'xyz' });
    expect(parseFragment('')).toBeNull();
    expect(parseFragment('#other=1')).toBeNull();
  });

  it('builds a link that reads back as the same capability', () => {
    const link = capabilityLink('http://10.0.0.5:8080', W, facilitator);
    expect(link).toBe(`http://10.0.0.5:8080/w/${W}#f=f-good`);
    expect(parseFragment(new URL(link).hash)).toEqual(facilitator);
  });

  it('gives a person the same colour every time', () => {
    expect(colourFor('abc')).toBe(colourFor('abc'));
    expect(colourFor('abc')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('which capability a tab uses', () => {
  it('a link opened in a tab is used there, even when the browser holds a stronger one', () => {
    rememberAccess(W, facilitator, { verified: true });
    chooseAccess(W, viewer, { verified: false });
    expect(accessForTab(W)).toEqual(viewer);
    // The facilitator's other tabs, and the board reopened later, still use the facilitator link.
    openTab();
    expect(accessForTab(W)).toEqual(facilitator);
  });

  it('a weaker link never replaces the remembered stronger one, even once accepted', () => {
    rememberAccess(W, facilitator, { verified: true });
    chooseAccess(W, viewer, { verified: false });
    rememberAccess(W, viewer, { verified: true });
    expect(loadAccess(W)).toEqual(facilitator);
  });

  it('a stronger link replaces the remembered one only once the server accepted it', () => {
    rememberAccess(W, participant, { verified: true });
    chooseAccess(W, facilitator, { verified: false });
    expect(loadAccess(W)).toEqual(participant);
    rememberAccess(W, facilitator, { verified: true });
    expect(loadAccess(W)).toEqual(facilitator);
  });

  it('a link is remembered at once when the browser holds nothing for the workshop', () => {
    chooseAccess(W, participant, { verified: false });
    openTab();
    expect(accessForTab(W)).toEqual(participant);
  });

  it('a truncated facilitator link that is refused is forgotten, and the participant link then works', () => {
    chooseAccess(W, truncatedFacilitator, { verified: false });
    expect(accessForTab(W)).toEqual(truncatedFacilitator);
    forgetAccess(W, truncatedFacilitator.token);
    expect(accessForTab(W)).toBeNull();
    expect(loadAccess(W)).toBeNull();
    chooseAccess(W, participant, { verified: false });
    expect(accessForTab(W)).toEqual(participant);
    openTab();
    expect(accessForTab(W)).toEqual(participant);
  });

  it('a refused link in one tab leaves the remembered capability that still works', () => {
    rememberAccess(W, participant, { verified: true });
    chooseAccess(W, truncatedFacilitator, { verified: false });
    forgetAccess(W, truncatedFacilitator.token);
    expect(accessForTab(W)).toEqual(participant);
  });

  it('a deleted workshop is forgotten everywhere and remembered as deleted until a link is opened again', () => {
    rememberAccess(W, facilitator, { verified: true });
    chooseAccess(W, viewer, { verified: false });
    forgetDeletedWorkshop(W);
    expect(accessForTab(W)).toBeNull();
    expect(isKnownDeleted(W)).toBe(true);
    openTab();
    expect(accessForTab(W)).toBeNull();
    chooseAccess(W, participant, { verified: false });
    expect(isKnownDeleted(W)).toBe(false);
  });
});
