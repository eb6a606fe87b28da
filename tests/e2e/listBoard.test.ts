import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '@samskapa/shared';
import { createWorkshop } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import {
  openBoardAs,
  personContext,
  startServerAndBrowser,
  stopServerAndBrowser,
  waitInPage,
  type RequestLog,
} from './helpers/browser';

/** Screenshots of the list board, to be looked at by a person (not compared). */
const SHOTS = '/tmp/shots';

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  log: RequestLog;
}

/** As much of the canvas's tldraw editor (`window.samskapaEditor`) as these tests read. */
interface PageWindow {
  samskapaEditor?: {
    getShape(id: string): { parentId: string; meta: Record<string, unknown> } | undefined;
  };
}

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
const people: Person[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Samverkansplan Uppsala', 'samverkansplan-hsvo');
});
afterAll(() => stopServerAndBrowser(server, browser));

async function newPerson(name: string, viewport = { width: 1280, height: 800 }): Promise<Person> {
  const { context, log } = await personContext(browser, server.http, name);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const person = { name, context, page, log };
  people.push(person);
  return person;
}

/** Opens a capability link, gives the name when asked, and waits until the board says it is connected. */
async function openBoard(person: Person, url: string): Promise<void> {
  await openBoardAs(person.page, url, person.name);
}

/** Chooses "Lista" in the header (behind "Meny" on a phone) and waits for the areas. */
async function openList(page: Page): Promise<void> {
  const viewButton = page.getByTestId('view-list');
  const menu = page.getByRole('button', { name: 'Meny' });
  const behindMenu = !(await viewButton.isVisible());
  if (behindMenu) await menu.click();
  await viewButton.click();
  if (behindMenu && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
  await page.getByTestId('list-board').waitFor({ timeout: 60_000 });
  await column(page, 'B1').waitFor({ timeout: 60_000 });
}

async function joinInList(name: string, url: string, viewport?: { width: number; height: number }) {
  const person = await newPerson(name, viewport);
  await openBoard(person, url);
  await openList(person.page);
  return person;
}

/** An area's column ("" for the unplaced notes). */
function column(page: Page, code: string): Locator {
  return page.locator(`section[data-testid="outline-column"][data-area-code="${code}"]`);
}

function noteIn(page: Page, code: string, text: string | RegExp): Locator {
  return column(page, code).getByTestId('outline-note').filter({ hasText: text });
}

async function countText(page: Page, code: string): Promise<string> {
  return (await column(page, code).getByTestId('outline-count').innerText()).trim();
}

/** Presses a key until the element with `id` has the focus (at most `max` presses). */
async function pressUntilFocused(page: Page, key: string, id: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} pressed ${max} times, and #${id} never got the focus`);
}

function activeText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? '');
}

/** The code of the focus area whose frame is a note's parent on the facilitator's canvas. */
function parentCodeOnCanvas(page: Page, noteId: string): Promise<unknown> {
  return page.evaluate((id) => {
    const editor = (window as unknown as PageWindow).samskapaEditor;
    const note = editor?.getShape(id);
    return note ? editor?.getShape(note.parentId)?.meta.code : undefined;
  }, noteId);
}

describe('the list board carries every note workflow', () => {
  let fia: Person;
  let dan: Person;
  let eva: Person;

  it('the areas of the template are columns with code, title, description and reference content', async () => {
    fia = await newPerson('Fia Facilitator');
    await openBoard(fia, workshop.facilitatorUrl);
    // The facilitator stays on the canvas for now; the participants take the list board.
    await fia.page.locator('.tl-canvas').waitFor({ timeout: 60_000 });
    dan = await joinInList('Dan Deltagare', workshop.participantUrl);
    eva = await joinInList('Eva Deltagare', workshop.participantUrl);

    const headings = await dan.page
      .getByTestId('list-board')
      .getByRole('heading', { level: 2 })
      .allInnerTexts();
    expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      'SK Målbild och samverkanskultur',
      'A1 Förebyggande och hälsofrämjande',
      expect.stringMatching(/^A2 /),
      expect.stringMatching(/^B1 /),
      expect.stringMatching(/^B2 /),
      expect.stringMatching(/^C1 /),
      expect.stringMatching(/^D1 /),
      'Ej placerade',
    ]);
    const a1 = column(dan.page, 'A1');
    await expect(a1.innerText()).resolves.toContain('Hälsosystemet stödjer och möjliggör hälsosamma val');
    // Reference content is shown as "Underlag", cannot be changed, and is counted apart from notes.
    const reference = a1.getByTestId('outline-note').filter({ hasText: 'Underlag' });
    await expect(reference.count()).resolves.toBeGreaterThan(0);
    await expect(reference.getByRole('button').count()).resolves.toBe(0);
    await expect(countText(dan.page, 'A1')).resolves.toBe('3 underlag');
    // The area is a section named by its heading, and its notes are a list.
    await expect(
      dan.page.getByRole('region', { name: 'A1 Förebyggande och hälsofrämjande' }).count(),
    ).resolves.toBe(1);
    await expect(a1.getByRole('list').first().getByRole('listitem').count()).resolves.toBeGreaterThan(0);
  });

  it("a participant adds a note to B1, and another participant's list board shows it under B1 with the count 1", async () => {
    const text = 'Fast vårdkontakt för alla äldre';
    const b1 = column(dan.page, 'B1');
    await b1.getByLabel('Ny lapp i B1').fill(text);
    await dan.page.keyboard.press('Control+Enter');
    await expect.poll(() => countText(eva.page, 'B1'), { timeout: 30_000 }).toBe('1 lapp · 3 underlag');
    const note = noteIn(eva.page, 'B1', text);
    await expect(note.innerText()).resolves.toContain('Skriven av Dan Deltagare');
    // The text box is empty again and keeps the focus, for the next note.
    await expect(b1.getByLabel('Ny lapp i B1').inputValue()).resolves.toBe('');
    await expect(dan.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await expect(dan.page.getByTestId('outline-status').innerText()).resolves.toContain(
      'Lappen lades till i B1',
    );
  });

  it('"Flytta till…" moves a note from B1 to C1 with only the keyboard, for the others and on the canvas', async () => {
    const text = 'Fast vårdkontakt för alla äldre';
    const noteId = (await noteIn(dan.page, 'B1', text).getAttribute('data-note-id'))!;
    await expect.poll(() => parentCodeOnCanvas(fia.page, noteId), { timeout: 30_000 }).toBe('B1');

    // From the B1 text box (where the focus still is) back to the note's "Flytta till…".
    await pressUntilFocused(dan.page, 'Shift+Tab', `outline-note-${noteId}-move`);
    await expect(activeText(dan.page)).resolves.toBe('Flytta till…');
    await dan.page.keyboard.press('Enter');
    // The list of areas opens with the focus on its first choice; the arrow keys go through it.
    await waitInPage(dan.page, 'the first destination has the focus', () =>
      Boolean(document.activeElement?.closest('.outline-move-list')),
    );
    for (let i = 0; i < 10 && !(await activeText(dan.page)).startsWith('C1'); i++) {
      await dan.page.keyboard.press('ArrowDown');
    }
    await expect(activeText(dan.page)).resolves.toMatch(/^C1 /);
    await dan.page.keyboard.press('Enter');

    await expect.poll(() => countText(eva.page, 'C1'), { timeout: 30_000 }).toBe('1 lapp · 4 underlag');
    await expect(countText(eva.page, 'B1')).resolves.toBe('3 underlag');
    await expect(noteIn(eva.page, 'C1', text).count()).resolves.toBe(1);
    await expect(dan.page.getByTestId('outline-status').innerText()).resolves.toMatch(/Flyttad till C1 /);
    // The focus did not fall to the page: it is on something in B1 (a reference note, or its heading).
    await expect
      .poll(() =>
        dan.page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('data-area-code')),
      )
      .toBe('B1');
    // On the facilitator's canvas the note now sits in C1's frame.
    await expect.poll(() => parentCodeOnCanvas(fia.page, noteId), { timeout: 30_000 }).toBe('C1');
  });

  it('a note is edited in place (Ctrl+Enter saves, Escape cancels) and deleted after a confirmation', async () => {
    const c1 = column(dan.page, 'C1');
    const note = c1.getByTestId('outline-note').filter({ hasText: 'Fast vårdkontakt' });
    const noteId = (await note.getAttribute('data-note-id'))!;

    await note.getByRole('button', { name: 'Redigera' }).click();
    const box = c1.getByLabel('Lappens text');
    // The caret starts at the end of the text.
    await box.pressSequentially(' och\nfler hembesök');
    await box.press('Control+Enter');
    await expect
      .poll(() => noteIn(eva.page, 'C1', 'fler hembesök').innerText(), { timeout: 30_000 })
      .toContain('Fast vårdkontakt för alla äldre och\nfler hembesök');
    await expect
      .poll(() => dan.page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
      .toBe(`outline-note-${noteId}-edit`);

    // Escape leaves the note as it was, and the focus on "Redigera".
    await dan.page.keyboard.press('Enter');
    await box.fill('Inte det här');
    await box.press('Escape');
    await expect
      .poll(() => dan.page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
      .toBe(`outline-note-${noteId}-edit`);
    await expect(note.innerText()).resolves.toContain('fler hembesök');

    // Deleting asks first (in the page, not a browser dialog); "Avbryt" keeps the note.
    // ("Ja, ta bort" also contains "ta bort": the buttons are named exactly.)
    const remove = note.getByRole('button', { name: 'Ta bort', exact: true });
    await remove.click();
    await expect(note.getByText('Ta bort lappen för alla?').isVisible()).resolves.toBe(true);
    // Escape at once, as a person changing their mind does: the question has the focus already.
    await dan.page.keyboard.press('Escape');
    await remove.waitFor({ timeout: 10_000 });
    await expect(note.getByRole('button', { name: 'Ja, ta bort' }).count()).resolves.toBe(0);
    await remove.click();
    await note.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect.poll(() => countText(eva.page, 'C1'), { timeout: 30_000 }).toBe('4 underlag');
    await expect(noteIn(eva.page, 'C1', 'fler hembesök').count()).resolves.toBe(0);
    await expect(dan.page.getByTestId('outline-status').innerText()).resolves.toContain('Lappen togs bort');
  });

  it('a note deleted by someone else while it is being edited keeps the text, which can be saved as a new note', async () => {
    const d1 = column(dan.page, 'D1');
    await d1.getByLabel('Ny lapp i D1').fill('Övning i krisledning');
    await d1.getByRole('button', { name: 'Lägg till' }).click();
    const evasCopy = noteIn(eva.page, 'D1', 'Övning i krisledning');
    await evasCopy.waitFor({ timeout: 30_000 });

    await noteIn(dan.page, 'D1', 'Övning i krisledning').getByRole('button', { name: 'Redigera' }).click();
    const box = d1.getByLabel('Lappens text');
    await box.fill('Övning i krisledning varje år, med kommunerna');

    await evasCopy.getByRole('button', { name: 'Ta bort' }).click();
    await evasCopy.getByRole('button', { name: 'Ja, ta bort' }).click();

    // Dan's text is still there, with a message that says what happened and what to do.
    await expect
      .poll(() => d1.getByRole('alert').innerText(), { timeout: 30_000 })
      .toContain('Någon annan har tagit bort lappen');
    await expect(box.inputValue()).resolves.toBe('Övning i krisledning varje år, med kommunerna');
    await d1.getByRole('button', { name: 'Spara som ny lapp' }).click();
    await expect
      .poll(() => noteIn(eva.page, 'D1', 'varje år, med kommunerna').count(), { timeout: 30_000 })
      .toBe(1);
    await expect(countText(eva.page, 'D1')).resolves.toBe('1 lapp · 4 underlag');
  });

  it('the filter shows one area, and the other columns are gone for everyone', async () => {
    await eva.page.getByTestId('outline-filter').selectOption({ label: 'B1 Nära vård' });
    await expect.poll(() => eva.page.getByTestId('outline-column').count(), { timeout: 10_000 }).toBe(1);
    await expect(column(eva.page, 'B1').count()).resolves.toBe(1);
    await expect(eva.page.getByRole('heading', { level: 2 }).count()).resolves.toBe(1);
    // A projector can leave the template's reference content out and show only the notes.
    const underlag = () =>
      column(eva.page, 'B1').getByTestId('outline-note').filter({ hasText: 'Underlag' }).count();
    await expect(underlag()).resolves.toBeGreaterThan(0);
    await eva.page.getByLabel('Visa underlag').uncheck();
    await expect.poll(underlag).toBe(0);
    await eva.page.getByLabel('Visa underlag').check();
    await expect.poll(underlag).toBeGreaterThan(0);
    await eva.page.getByTestId('outline-filter').selectOption({ label: 'Alla områden' });
    await expect.poll(() => eva.page.getByTestId('outline-column').count()).toBe(8);
  });

  it('a viewer sees the notes but no control that changes them', async () => {
    const projector = await joinInList('Projektor', workshop.viewerUrl);
    await noteIn(projector.page, 'D1', 'varje år, med kommunerna').waitFor({ timeout: 30_000 });
    const board = projector.page.getByTestId('list-board');
    for (const name of ['Redigera', 'Ta bort', 'Flytta till…', 'Lägg till', 'Byt namn', 'Föreslå kluster']) {
      await expect(board.getByRole('button', { name }).count()).resolves.toBe(0);
    }
    await expect(board.locator('textarea, input:not([type="checkbox"])').count()).resolves.toBe(0);
    await expect(board.locator('[draggable="true"]').count()).resolves.toBe(0);
  });

  it('the facilitator renames an area; a code with a space is refused next to the field and nothing is written', async () => {
    await openList(fia.page);
    const b2 = column(fia.page, 'B2');
    await b2.getByRole('button', { name: 'Byt namn' }).click();
    const code = b2.getByLabel('Kod');
    await code.fill('B 2');
    await b2.getByRole('button', { name: 'Spara' }).click();
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby'))!;
    await expect(fia.page.locator(`[id="${describedBy}"]`).innerText()).resolves.toContain(
      'Koden ska vara 1–12 bokstäver eller siffror',
    );
    await expect
      .poll(() => fia.page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
      .toBe('true');
    // Nothing was written: the others still see B2.
    await expect(column(eva.page, 'B2').count()).resolves.toBe(1);

    await code.fill('B3');
    await b2.getByLabel('Rubrik').fill('Nära vård i hemmet');
    await b2.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => column(eva.page, 'B3').getByRole('heading', { level: 2 }).innerText(), { timeout: 30_000 })
      .toMatch(/^B3\s+Nära vård i hemmet$/);
    await expect(column(eva.page, 'B2').count()).resolves.toBe(0);
    // A code another area has is refused too.
    const b3 = column(fia.page, 'B3');
    await b3.getByRole('button', { name: 'Byt namn' }).click();
    await b3.getByLabel('Kod').fill('a1');
    await b3.getByRole('button', { name: 'Spara' }).click();
    await expect(b3.innerText()).resolves.toContain('Koden a1 har redan ett annat område');
    await b3.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('"Föreslå kluster" proposes two near-duplicate notes, and "Samla" puts them in one area', async () => {
    const first = 'Gemensam journal mellan region och kommun';
    const second = 'Gemensamt journalsystem för kommun och region';
    await column(dan.page, 'A2').getByLabel('Ny lapp i A2').fill(first);
    await column(dan.page, 'A2').getByRole('button', { name: 'Lägg till' }).click();
    await column(dan.page, '').getByLabel('Ny lapp utan område').fill(second);
    await column(dan.page, '').getByRole('button', { name: 'Lägg till' }).click();
    await noteIn(fia.page, '', second).waitFor({ timeout: 30_000 });
    await noteIn(fia.page, 'A2', first).waitFor({ timeout: 30_000 });

    await fia.page.getByRole('button', { name: 'Föreslå kluster' }).click();
    const panel = fia.page.getByTestId('cluster-panel');
    await panel.waitFor();
    await expect
      .poll(() => fia.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Förslag på kluster');
    const suggestion = panel
      .getByTestId('cluster-suggestion')
      .filter({ hasText: first })
      .filter({ hasText: second });
    await expect(suggestion.count()).resolves.toBe(1);
    await expect(suggestion.innerText()).resolves.toContain('journal');
    await suggestion.getByRole('button', { name: 'Samla' }).click();

    // Both notes now sit in one area, side by side, for everyone.
    await expect
      .poll(
        async () =>
          (await noteIn(eva.page, 'A2', first).count()) + (await noteIn(eva.page, 'A2', second).count()),
        { timeout: 30_000 },
      )
      .toBe(2);
    await expect(countText(eva.page, '')).resolves.toBe('0 lappar');
    await expect(suggestion.count()).resolves.toBe(0);
    await expect(fia.page.getByTestId('outline-status').innerText()).resolves.toContain(
      '2 lappar samlade i A2',
    );
  });

  it('a note can also be dragged to another column with the mouse', async () => {
    const text = 'Gemensamt journalsystem för kommun och region';
    const note = noteIn(dan.page, 'A2', text);
    await note.scrollIntoViewIfNeeded();
    // A2 and B1 are side by side: the note goes right, to the same height in B1's column.
    const from = (await note.locator('p').first().boundingBox())!;
    const to = (await column(dan.page, 'B1').boundingBox())!;
    const y = Math.min(Math.max(from.y + 5, to.y + 10), to.y + to.height - 10);
    await dan.page.mouse.move(from.x + 5, from.y + 5);
    await dan.page.mouse.down();
    await dan.page.mouse.move(to.x + to.width / 2, y, { steps: 10 });
    await dan.page.mouse.up();
    await expect.poll(() => noteIn(eva.page, 'B1', text).count(), { timeout: 30_000 }).toBe(1);
  });
});

describe('the list board for everyone', () => {
  it('has no serious accessibility violations at 1920×1080, with every control shown', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const person = await joinInList('Fia på projektorn', workshop.facilitatorUrl, {
      width: 1920,
      height: 1080,
    });
    const { page } = person;
    await page.getByRole('button', { name: 'Föreslå kluster' }).click();
    await page.getByTestId('cluster-panel').waitFor();
    await page.screenshot({ path: `${SHOTS}/list-1920x1080-clusters.png` });
    await page.getByRole('button', { name: 'Stäng förslagen' }).click();
    // A move list and a delete confirmation open, so their markup is checked too.
    const note = noteIn(page, 'A2', 'Gemensam journal');
    await note.getByRole('button', { name: 'Flytta till…' }).click();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.keyboard.press('Escape');
    await note.getByRole('button', { name: 'Redigera' }).click();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('list-board').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/list-1920x1080.png` });
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('on a 1920×1080 wall shows every column of an eight-area template in rows, without sideways scrolling', async () => {
    const wall = await createWorkshop(server, 'Referensgruppsmöte på väggen', 'referensgrupp');
    const viewport = { width: 1920, height: 1080 };
    for (const url of [wall.facilitatorUrl, wall.viewerUrl]) {
      const person = await newPerson('Fia vid väggen', viewport);
      await openBoard(person, url);
      const { page } = person;
      await page.getByTestId('view-list').click();
      await column(page, 'R3').waitFor({ timeout: 60_000 });
      const boxes = await page
        .getByTestId('outline-column')
        .evaluateAll((sections) =>
          sections.map((s) => s.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width })),
        );
      // Eight areas and the unplaced notes, each wholly within the width of the screen.
      expect(boxes).toHaveLength(9);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w).toBeLessThanOrEqual(viewport.width);
        expect(box.w).toBeGreaterThanOrEqual(300);
      }
      // The wall wraps into rows, in the board's reading order.
      expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBeGreaterThan(1);
      await expect(
        page.getByTestId('list-board').evaluate((el) => el.scrollWidth <= el.clientWidth),
      ).resolves.toBe(true);
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
      // Tab and screen-reader order (the document's) is the order the eye reads: row by row, left to right.
      const seen = boxes
        .map((box, i) => ({ ...box, i }))
        .sort((a, b) => Math.round(a.y) - Math.round(b.y) || a.x - b.x)
        .map((box) => box.i);
      expect(seen).toEqual(boxes.map((_, i) => i));
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await page.screenshot({ path: `${SHOTS}/list-1920x1080-referensgrupp.png` });
    }
  });

  it('has no serious accessibility violations at 360×740, where the columns stack and touch targets are 44 px', async () => {
    const person = await joinInList('Mia Mobil', workshop.participantUrl, { width: 360, height: 740 });
    const { page } = person;
    const boxes = await page
      .getByTestId('outline-column')
      .evaluateAll((sections) =>
        sections.map((s) => s.getBoundingClientRect()).map((r) => ({ x: r.x, w: r.width })),
      );
    // One column under another, each as wide as the screen allows; nothing scrolls sideways.
    expect(new Set(boxes.map((b) => Math.round(b.x))).size).toBe(1);
    for (const box of boxes) expect(box.w).toBeLessThanOrEqual(360);
    await expect(
      page.getByTestId('list-board').evaluate((el) => el.scrollWidth <= el.clientWidth),
    ).resolves.toBe(true);
    const small = await page
      .getByTestId('list-board')
      .locator('button, select, textarea')
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => ({ text: (e as HTMLElement).innerText, h: e.getBoundingClientRect().height }))
          .filter((e) => e.h < 44),
      );
    expect(small).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/list-360x740.png` });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    // Adding a note on a phone: the message comes up at the bottom of the screen.
    const a1 = column(page, 'A1');
    await a1.getByLabel('Ny lapp i A1').fill('Skriven på mobilen');
    await a1.getByRole('button', { name: 'Lägg till' }).click();
    await noteIn(page, 'A1', 'Skriven på mobilen').waitFor();
    await expect(page.getByTestId('outline-status').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/list-360x740-added.png` });
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('every request the pages made went to their own origin', () => {
    for (const person of people) expect(person.log.foreign).toEqual([]);
  });
});
