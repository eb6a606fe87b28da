import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { boardRecords, readNote, type CreateWorkshopResponse } from '@samskapa/shared';
import { connect, createWorkshop, synced, waitFor, type Client } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import {
  openBoardAs,
  personContext,
  startServerAndBrowser,
  stopServerAndBrowser,
  waitInPage,
  type RequestLog,
} from './helpers/browser';
import { READABLE_FONT_PX } from './helpers/drawn';

// Issue 14: a participant's offline text edit in the list board and the facilitator's move of the same
// note on the canvas both survive, for every view and on the server.

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  log: RequestLog;
}

/** As much of the canvas's tldraw editor (`window.samskapaEditor`) as this test reads. */
interface PageWindow {
  samskapaEditor?: {
    getShape(id: string): { x: number; y: number; parentId: string } | undefined;
    getZoomLevel(): number;
    getCameraState(): 'idle' | 'moving';
  };
}

/** A note as one canvas draws it: its box and its text's box on the screen, and the text's font size. */
interface DrawnNote {
  text: string;
  left: number;
  top: number;
  fontSize: number;
  textWidth: number;
  textHeight: number;
}

const ORIGINAL = 'Fast vårdkontakt för alla äldre';
const EDITED = 'Fast vårdkontakt för alla äldre, också kvällar och helger';

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
const people: Person[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Samverkansplan Uppsala', 'samverkansplan-hsvo');
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await stopServerAndBrowser(server, browser);
});

async function newPerson(name: string): Promise<Person> {
  const { context, log } = await personContext(browser, server.http, name);
  const page = await context.newPage();
  const person = { name, context, page, log };
  people.push(person);
  return person;
}

function connectionState(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.querySelector('[data-testid=connection]')?.getAttribute('data-state'));
}

/** Opens a capability link, gives the name when asked, and waits until the board says it is connected. */
async function openBoard(person: Person, url: string): Promise<void> {
  await openBoardAs(person.page, url, person.name);
}

/** Chooses "Lista" in the header and waits for the areas. */
async function openList(page: Page): Promise<void> {
  await page.getByTestId('view-list').click();
  await page.getByTestId('list-board').waitFor({ timeout: 60_000 });
  await column(page, 'B1').waitFor({ timeout: 60_000 });
}

/** Waits until the canvas is drawn and its editor is there. */
async function waitForCanvas(page: Page): Promise<void> {
  await page.locator('.tl-canvas').waitFor({ timeout: 60_000 });
  await waitInPage(page, 'the canvas editor is there', () =>
    Boolean((window as unknown as PageWindow).samskapaEditor),
  );
}

/** An area's column in the list board. */
function column(page: Page, code: string): Locator {
  return page.locator(`section[data-testid="outline-column"][data-area-code="${code}"]`);
}

function noteIn(page: Page, code: string, text: string): Locator {
  return column(page, code).getByTestId('outline-note').filter({ hasText: text });
}

/** The note's shape on a canvas (not its background layer). */
function shapeOnCanvas(page: Page, id: string): Locator {
  return page.locator(`.tl-shape[data-shape-type="note"][data-shape-id="${id}"]:not(.tl-shape-background)`);
}

/** Where a canvas draws the note, and how its text is laid out, measured from the page's layout. */
function drawnNote(page: Page, id: string): Promise<DrawnNote | null> {
  return page.evaluate((noteId) => {
    const shape = document.querySelector<HTMLElement>(
      `.tl-shape[data-shape-type="note"][data-shape-id="${noteId}"]:not(.tl-shape-background)`,
    );
    const text = shape?.querySelector<HTMLElement>('.tl-rich-text');
    if (!shape || !text) return null;
    const box = shape.getBoundingClientRect();
    const textBox = text.getBoundingClientRect();
    return {
      text: text.innerText.trim(),
      left: box.left,
      top: box.top,
      fontSize: Number.parseFloat(getComputedStyle(text).fontSize),
      textWidth: textBox.width,
      textHeight: textBox.height,
    };
  }, id);
}

/** The element's box on the screen once it has stopped moving (the camera's animation is over). */
async function steadyBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const box = await locator.boundingBox();
    if (box && last && JSON.stringify(box) === JSON.stringify(last)) return box;
    last = box;
  }
  throw new Error(`the box never stopped moving: last ${JSON.stringify(last)}`);
}

/** The note's place in the canvas editor's store (relative to its parent, as stored). */
function placeOnCanvas(page: Page, id: string): Promise<{ x: number; y: number; parentId: string } | null> {
  return page.evaluate((noteId) => {
    const shape = (window as unknown as PageWindow).samskapaEditor?.getShape(noteId);
    return shape ? { x: shape.x, y: shape.y, parentId: shape.parentId } : null;
  }, id);
}

/** The note as the server stores it, read by an official y-websocket client with the viewer's link. */
function stored(client: Client, id: string) {
  return readNote(boardRecords(client.doc).get(id), null);
}

describe('a note edited offline in the list board and moved on the canvas keeps both changes', () => {
  let fia: Person;
  let dan: Person;
  let watcher: Client;
  let noteId = '';
  let moved = { x: 0, y: 0, parentId: '' };
  let movedOnScreen = { left: 0, top: 0 };

  it('a participant writes a note in B1 of the list board, and the facilitator’s canvas draws it', async () => {
    fia = await newPerson('Fia Facilitator');
    await openBoard(fia, workshop.facilitatorUrl);
    await waitForCanvas(fia.page);
    dan = await newPerson('Dan Deltagare');
    await openBoard(dan, workshop.participantUrl);
    await openList(dan.page);

    const b1 = column(dan.page, 'B1');
    await b1.getByLabel('Ny lapp i B1').fill(ORIGINAL);
    await b1.getByRole('button', { name: 'Lägg till' }).click();
    const note = noteIn(dan.page, 'B1', ORIGINAL);
    await note.waitFor({ timeout: 30_000 });
    noteId = (await note.getAttribute('data-note-id'))!;
    expect(noteId).toMatch(/^shape:/);

    await shapeOnCanvas(fia.page, noteId).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await drawnNote(fia.page, noteId))?.text, { timeout: 30_000 })
      .toBe(ORIGINAL);

    watcher = connect(server, workshop.id, 'board', workshop.viewerToken);
    clients.push(watcher);
    await synced(watcher);
    await waitFor(() => stored(watcher, noteId)?.text === ORIGINAL, 'the server stores the new note');
  });

  it('offline, the participant rewrites the note while the facilitator drags it; neither sees the other yet', async () => {
    const before = (await placeOnCanvas(fia.page, noteId))!;
    expect(before).not.toBeNull();

    await dan.context.setOffline(true);
    await waitInPage(
      dan.page,
      'Dan sees that he is offline',
      () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'offline',
    );
    const note = noteIn(dan.page, 'B1', ORIGINAL);
    await note.getByRole('button', { name: 'Redigera' }).click();
    const box = column(dan.page, 'B1').getByLabel('Lappens text');
    await box.fill(EDITED);
    await box.press('Control+Enter');
    await noteIn(dan.page, 'B1', EDITED).waitFor({ timeout: 30_000 });

    // The facilitator clicks the note and zooms to it (Shift+2), so the drag below stays inside B1.
    const shape = shapeOnCanvas(fia.page, noteId);
    const small = (await shape.boundingBox())!;
    await fia.page.mouse.click(small.x + small.width / 2, small.y + small.height / 2);
    await fia.page.keyboard.press('Shift+2');
    await waitInPage(fia.page, 'the canvas is zoomed to the note', () => {
      const editor = (window as unknown as PageWindow).samskapaEditor;
      return editor !== undefined && editor.getZoomLevel() > 0.9 && editor.getCameraState() === 'idle';
    });
    const from = await steadyBox(shape);
    // It drags the note by its middle, 60 px right and 40 px down on the screen.
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    await fia.page.mouse.move(start.x, start.y);
    await fia.page.mouse.down();
    await fia.page.mouse.move(start.x + 60, start.y + 40, { steps: 12 });
    await fia.page.mouse.up();
    await fia.page.keyboard.press('Escape');

    await expect
      .poll(async () => (await placeOnCanvas(fia.page, noteId))?.x, { timeout: 30_000 })
      .not.toBe(before.x);
    moved = (await placeOnCanvas(fia.page, noteId))!;
    expect(moved.y).toBeGreaterThan(before.y);
    expect(moved.x).toBeGreaterThan(before.x);
    // Still in B1's frame: only its x and y changed.
    expect(moved.parentId).toBe(before.parentId);
    const drawn = (await drawnNote(fia.page, noteId))!;
    expect(drawn.left).toBeCloseTo(from.x + 60, -1);
    expect(drawn.top).toBeCloseTo(from.y + 40, -1);
    movedOnScreen = { left: drawn.left, top: drawn.top };

    // The move reached the server, which still has the old text: the edit waits in Dan's browser.
    await waitFor(
      () => stored(watcher, noteId)?.x === moved.x && stored(watcher, noteId)?.y === moved.y,
      'the server stores the moved note',
    );
    expect(stored(watcher, noteId)?.text).toBe(ORIGINAL);
    expect(drawn.text).toBe(ORIGINAL);
    expect(await connectionState(dan.page)).toBe('offline');
  });

  it('back online, the facilitator’s canvas draws the new text at the new place', async () => {
    await dan.context.setOffline(false);
    await waitInPage(
      dan.page,
      'Dan is connected again',
      () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
      '',
      60_000,
    );
    await expect
      .poll(async () => (await drawnNote(fia.page, noteId))?.text, { timeout: 30_000 })
      .toBe(EDITED);
    const drawn = (await drawnNote(fia.page, noteId))!;
    // Where the facilitator left it, on the same screen, and readable (the canvas is at 100 %).
    expect(drawn.left).toBeCloseTo(movedOnScreen.left, 0);
    expect(drawn.top).toBeCloseTo(movedOnScreen.top, 0);
    expect(drawn.fontSize).toBeGreaterThanOrEqual(READABLE_FONT_PX);
    expect(drawn.textWidth).toBeGreaterThan(0);
    expect(drawn.textHeight).toBeGreaterThan(0);
    await expect(placeOnCanvas(fia.page, noteId)).resolves.toEqual(moved);
    // Dan's list board kept his text.
    await expect(noteIn(dan.page, 'B1', EDITED).count()).resolves.toBe(1);
  });

  it('the server, a fresh browser and the list board after a reload have both the new text and the new place', async () => {
    await waitFor(
      () => stored(watcher, noteId)?.text === EDITED,
      'the server stores the edited text',
      30_000,
    );
    expect(stored(watcher, noteId)).toMatchObject({
      text: EDITED,
      x: moved.x,
      y: moved.y,
      parentId: moved.parentId,
    });

    // A fresh official client, which has seen nothing before, reads the same.
    const fresh = connect(server, workshop.id, 'board', workshop.viewerToken);
    clients.push(fresh);
    await synced(fresh);
    await waitFor(() => stored(fresh, noteId) !== undefined, 'the fresh client has the note');
    expect(stored(fresh, noteId)).toMatchObject({
      text: EDITED,
      x: moved.x,
      y: moved.y,
      parentId: moved.parentId,
    });

    // A projector opened now draws the edited note where the facilitator put it.
    const projector = await newPerson('Projektor');
    await openBoard(projector, workshop.viewerUrl);
    await waitForCanvas(projector.page);
    await shapeOnCanvas(projector.page, noteId).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await drawnNote(projector.page, noteId))?.text, { timeout: 30_000 })
      .toBe(EDITED);
    const drawn = (await drawnNote(projector.page, noteId))!;
    expect(drawn.fontSize).toBeGreaterThan(0);
    expect(drawn.textWidth).toBeGreaterThan(0);
    expect(drawn.textHeight).toBeGreaterThan(0);
    await expect(placeOnCanvas(projector.page, noteId)).resolves.toEqual(moved);

    // Dan's list board, reloaded, shows his text.
    await dan.page.reload();
    await waitInPage(
      dan.page,
      'Dan is connected after the reload',
      () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
      '',
      60_000,
    );
    // The tab remembers that it chose the list board.
    await dan.page.getByTestId('list-board').waitFor({ timeout: 60_000 });
    await noteIn(dan.page, 'B1', EDITED).waitFor({ timeout: 30_000 });
    await expect(noteIn(dan.page, 'B1', EDITED).getAttribute('data-note-id')).resolves.toBe(noteId);
  });

  it('every request the pages made went to their own origin', () => {
    for (const person of people) expect(person.log.foreign).toEqual([]);
  });
});
