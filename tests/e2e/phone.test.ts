import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addNote, readBoardDoc, readControlField, writeControlField } from '@samskapa/shared';
import type { CreateWorkshopResponse } from '@samskapa/shared';
import { createWorkshop } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import {
  call,
  connectFacilitator,
  openVoting,
  serverControlShows,
  type Facilitator,
} from '../integration/helpers/voting';
import { seriousViolations } from './helpers/axe';
import { chooseArea, enterName, waitForBoard } from './helpers/board';
import {
  personContext,
  startServerAndBrowser,
  stopServerAndBrowser,
  waitInPage,
  type RequestLog,
} from './helpers/browser';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** Strings only tldraw's editor carries (its class names); tlschema and the other small packages do not. */
const TLDRAW_MARKERS = ['tl-container', 'tl-canvas'];
/** Where screenshots go when set (e.g. PHONE_SHOTS_DIR=/tmp/shots). */
const SHOTS_DIR = process.env.PHONE_SHOTS_DIR;

/** A script the page received: its path and whether its body carries tldraw's editor. */
interface ReceivedScript {
  path: string;
  tldraw: boolean;
}

/** The part of the live editor (exposed by the app for tests) these tests read. */
interface EditorWindow {
  samskapaEditor: {
    getCurrentPageShapes(): {
      id: string;
      type: string;
      parentId: string;
      meta: Record<string, unknown>;
      props: { richText?: unknown };
    }[];
  };
}

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
const contexts: BrowserContext[] = [];
let pia: Page;
let piaLog: RequestLog;
let piaScripts: ReceivedScript[] = [];
let facilitator: Page;
let facilitatorScripts: ReceivedScript[] = [];

/** Records every script a page receives, and whether its body is tldraw's editor. */
function recordScripts(page: Page): ReceivedScript[] {
  const scripts: ReceivedScript[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .text()
      .then((body) =>
        scripts.push({
          path: new URL(response.url()).pathname,
          tldraw: TLDRAW_MARKERS.some((marker) => body.includes(marker)),
        }),
      )
      .catch(() => undefined);
  });
  return scripts;
}

/**
 * A participant's phone: 360×740, touch, its own storage; requests that would leave the server are
 * recorded (and blocked) in `log`, page errors printed with the name.
 */
async function phone(name: string): Promise<{ page: Page; log: RequestLog }> {
  const { context, log } = await personContext(browser, server.http, name, PHONE);
  contexts.push(context);
  return { page: await context.newPage(), log };
}

/** Opens the participant link, gives a name and waits for the phone view's note form. */
async function joinOnPhone(page: Page, name: string): Promise<void> {
  await page.goto(workshop.participantUrl);
  await enterName(page, name);
  await page.getByLabel('Din lapp').waitFor({ timeout: 60_000 });
}

/** Waits for the phone view's confirmation to say `text`. */
async function confirmed(page: Page, text: string): Promise<void> {
  await waitInPage(
    page,
    `the phone view says "${text}"`,
    (expected) => document.querySelector('[data-testid=phone-added]')?.textContent === expected,
    text,
  );
}

/** One of the person's own notes in "Mina lappar", found by its text. */
function ownNote(page: Page, text: string): Locator {
  return page.getByTestId('phone-own-note').filter({ hasText: text });
}

/** Plain text of a tldraw rich-text document: one line per paragraph. */
function plainText(richText: unknown): string {
  const doc = richText as { content?: { content?: { text?: string }[] }[] } | undefined;
  return (doc?.content ?? []).map((p) => (p.content ?? []).map((n) => n.text ?? '').join('')).join('\n');
}

/** The texts of the participants' notes inside the focus area `code` as the facilitator's editor has them. */
async function notesInArea(page: Page, code: string | null): Promise<string[]> {
  const shapes = await page.evaluate(() =>
    (window as unknown as EditorWindow).samskapaEditor.getCurrentPageShapes().map((s) => ({
      id: s.id,
      type: s.type,
      parentId: s.parentId,
      meta: s.meta,
      richText: s.props.richText,
    })),
  );
  const frame = shapes.find((s) => s.type === 'frame' && s.meta.code === code);
  const pageId = shapes.find((s) => s.type === 'frame')?.parentId;
  const parent = code === null ? pageId : frame?.id;
  if (!parent) throw new Error(`no frame for area ${code}`);
  return (
    shapes
      // Reference content from the template (the strategy's text) is not a participant's note.
      .filter((s) => s.type === 'note' && s.parentId === parent && s.meta.reference !== true)
      .map((s) => plainText(s.richText))
      .sort()
  );
}

/** Waits until the facilitator's editor has exactly `expected` notes in area `code`. */
async function waitForAreaNotes(page: Page, code: string | null, expected: string[]): Promise<void> {
  await expect
    .poll(() => notesInArea(page, code), {
      message: `notes in ${code ?? 'no area'} on the facilitator's canvas`,
      timeout: 30_000,
      interval: 200,
    })
    .toEqual([...expected].sort());
}

/** Visible controls lower than 44 px (a thumb's target), described for a failure message. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, select, textarea'))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 - 0.5)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim()}" ${Math.round(box.height)} px`,
      ),
  );
}

/** Whether anything in the page is wider than the screen (sideways scrolling). */
function horizontalOverflow(page: Page): Promise<{ page: number; phone: number; width: number }> {
  return page.evaluate(() => {
    const phoneView = document.querySelector('.phone');
    return {
      page: document.documentElement.scrollWidth,
      phone: phoneView ? phoneView.scrollWidth - phoneView.clientWidth : 0,
      width: window.innerWidth,
    };
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.locator('.phone').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
  // The phone view scrolls inside the page; a second shot shows what is below the first screen.
  await page.locator('.phone').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.screenshot({ path: join(SHOTS_DIR, `${name}-scrolled.png`) });
  await page.locator('.phone').evaluate((el) => el.scrollTo(0, 0));
}

/** A screenshot of one part of the page (a note being edited, a confirmation). */
async function screenshotOf(locator: Locator, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await locator.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Samverkansplan Tierp', 'samverkansplan-hsvo');
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopServerAndBrowser(server, browser);
});

describe('the phone view: writing notes on a phone, without the canvas', () => {
  it('a participant on a phone lands on the note form without choosing a view, under a one-row header', async () => {
    ({ page: pia, log: piaLog } = await phone('Pia'));
    piaScripts = recordScripts(pia);
    await joinOnPhone(pia, 'Pia Deltagare');
    await expect(pia.locator('main').getAttribute('data-view')).resolves.toBe('phone');
    // Arriving does not throw the keyboard up: the note field is not focused.
    await expect(pia.evaluate(() => document.activeElement?.id)).resolves.not.toBe('phone-note');
    const header = await pia.locator('.board-header').boundingBox();
    expect(header!.height, 'header height at 360 px').toBeLessThanOrEqual(64);
    // Every area of the template is offered, with its note count (reference content apart), and "Inget område".
    const options = await pia.locator('#phone-area option').allTextContents();
    expect(options.map((o) => o.split(' ')[0])).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1', 'Inget']);
    expect(options.map((o) => o.slice(o.lastIndexOf('(')))).toEqual([
      '(3 underlag)',
      '(3 underlag)',
      '(3 underlag)',
      '(2 underlag)',
      '(4 underlag)',
      '(4 underlag)',
      '(0 lappar)',
    ]);
  });

  it('adds two notes to B1 (button, then Ctrl+Enter) and one to no area; the field empties and a message says where each went', async () => {
    await chooseArea(pia, 'B1');
    await expect(pia.getByTestId('phone-area-description').innerText()).resolves.not.toBe('');
    const field = pia.getByLabel('Din lapp');
    await field.fill('Fler mötesplatser för unga');
    await pia.getByRole('button', { name: 'Lägg till' }).click();
    await confirmed(pia, 'Lappen lades till i B1.');
    await expect(field.inputValue()).resolves.toBe('');

    // Enter starts a new line; Ctrl+Enter adds the note.
    await field.click();
    await pia.keyboard.type('Gemensam journal');
    await pia.keyboard.press('Enter');
    await pia.keyboard.type('för vård och omsorg');
    await expect(field.inputValue()).resolves.toBe('Gemensam journal\nför vård och omsorg');
    await pia.keyboard.press('Control+Enter');
    await waitInPage(pia, 'the field is empty again', () => {
      const el = document.getElementById('phone-note') as HTMLTextAreaElement | null;
      return el?.value === '';
    });
    await waitInPage(pia, 'B1 counts two notes', () =>
      Array.from(document.querySelectorAll('#phone-area option')).some((o) =>
        o.textContent?.match(/^B1 .*\(2 lappar · 3 underlag\)$/),
      ),
    );

    // The choice is remembered in this tab: after a reload the next note still goes to B1.
    await pia.reload();
    await pia.getByLabel('Din lapp').waitFor({ timeout: 60_000 });
    await expect(
      pia.locator('#phone-area').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
    ).resolves.toMatch(/^B1 /);

    await chooseArea(pia, '');
    await pia.getByLabel('Din lapp').fill('Vem äger frågan?');
    await pia.getByRole('button', { name: 'Lägg till' }).click();
    await confirmed(pia, 'Lappen lades till utan område.');
    await expect(pia.getByTestId('phone-own-note').count()).resolves.toBe(3);
  });

  it('a facilitator on the desktop canvas sees the two notes inside the B1 frame, and the third outside every area', async () => {
    const { context } = await personContext(browser, server.http, 'Fia');
    contexts.push(context);
    facilitator = await context.newPage();
    facilitatorScripts = recordScripts(facilitator);
    await facilitator.goto(workshop.facilitatorUrl);
    await enterName(facilitator, 'Fia Facilitator');
    await waitForBoard(facilitator);
    await expect(facilitator.locator('main').getAttribute('data-view')).resolves.toBe('canvas');
    await waitForAreaNotes(facilitator, 'B1', [
      'Fler mötesplatser för unga',
      'Gemensam journal\nför vård och omsorg',
    ]);
    await waitForAreaNotes(facilitator, null, ['Vem äger frågan?']);
  });

  it("the participant edits and deletes their own notes and moves one; someone else's note is only shown", async () => {
    // Another participant writes in B1: Pia sees the note among others' notes, with no way to change it.
    const { page: eva } = await phone('Eva');
    await joinOnPhone(eva, 'Eva Deltagare');
    await chooseArea(eva, 'B1');
    await eva.getByLabel('Din lapp').fill('Evas lapp om hemsjukvård');
    await eva.getByRole('button', { name: 'Lägg till' }).click();
    await confirmed(eva, 'Lappen lades till i B1.');

    await chooseArea(pia, 'B1');
    const others = pia.getByTestId('phone-others');
    const evasNote = others.getByTestId('phone-other-note').filter({ hasText: 'Evas lapp om hemsjukvård' });
    await evasNote.waitFor({ timeout: 30_000 });
    await expect(evasNote.innerText()).resolves.toContain('av Eva Deltagare');
    await expect(evasNote.getByRole('button').count()).resolves.toBe(0);
    await expect(ownNote(pia, 'Evas lapp').count()).resolves.toBe(0);

    // Edit inline.
    const first = ownNote(pia, 'Fler mötesplatser för unga');
    await first.getByRole('button', { name: 'Ändra' }).click();
    const editField = first.getByLabel('Lappens text');
    await expect(editField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await editField.fill('Fler mötesplatser för unga i hela länet');
    await screenshotOf(first, 'phone-sv-edit');
    await first.getByRole('button', { name: 'Spara' }).click();
    await ownNote(pia, 'i hela länet').waitFor();
    // The focus goes back to the note's "Ändra" button.
    await waitInPage(pia, 'the focus is back on the note', () =>
      (document.activeElement?.id ?? '').endsWith('-edit'),
    );

    // Delete, after a confirmation step in the page.
    const second = ownNote(pia, 'Gemensam journal');
    await second.getByRole('button', { name: 'Ta bort' }).click();
    const confirm = second.getByRole('group', { name: /Ta bort lappen/ });
    await confirm.waitFor();
    await screenshotOf(second, 'phone-sv-confirm-delete');
    await expect(smallTargets(pia)).resolves.toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, ta bort' }).click();
    await waitInPage(
      pia,
      'the deleted note is gone from "Mina lappar"',
      () => !document.querySelector('[data-testid=phone-mine]')?.textContent?.includes('Gemensam journal'),
    );

    // Move the note in no area to B2.
    const loose = ownNote(pia, 'Vem äger frågan?');
    await loose.getByRole('button', { name: 'Flytta' }).click();
    const target = loose.getByLabel('Flytta lappen till');
    const b2 = await target.evaluate(
      (el) => Array.from((el as HTMLSelectElement).options).find((o) => o.text.startsWith('B2 '))?.value,
    );
    await target.selectOption(b2!);
    await screenshotOf(loose, 'phone-sv-move');
    await loose.getByRole('button', { name: 'Flytta hit' }).click();
    await waitInPage(pia, 'the moved note is listed under B2', () =>
      Array.from(document.querySelectorAll('[data-testid=phone-mine] .phone-group')).some(
        (group) =>
          group.querySelector('h3')?.textContent?.startsWith('B2 ') &&
          group.textContent?.includes('Vem äger frågan?'),
      ),
    );

    await waitForAreaNotes(facilitator, 'B1', [
      'Fler mötesplatser för unga i hela länet',
      'Evas lapp om hemsjukvård',
    ]);
    await waitForAreaNotes(facilitator, 'B2', ['Vem äger frågan?']);
    await waitForAreaNotes(facilitator, null, []);
  });

  it('a note written offline is kept and reaches the board when the phone is back online', async () => {
    await pia.context().setOffline(true);
    try {
      await waitInPage(
        pia,
        'the page says it is offline',
        () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') !== 'connected',
      );
      await chooseArea(pia, 'B1');
      await pia.getByLabel('Din lapp').fill('Skriven utan nät');
      await pia.getByRole('button', { name: 'Lägg till' }).click();
      await confirmed(pia, 'Lappen lades till i B1.');
      await ownNote(pia, 'Skriven utan nät').waitFor();
    } finally {
      await pia.context().setOffline(false);
    }
    await waitForAreaNotes(facilitator, 'B1', [
      'Fler mötesplatser för unga i hela länet',
      'Evas lapp om hemsjukvård',
      'Skriven utan nät',
    ]);
  });

  it('the phone page never downloads tldraw, and no request leaves the server', async () => {
    expect(piaLog.foreign).toEqual([]);
    await expect(pia.locator('.tl-container').count()).resolves.toBe(0);
    const paths = piaScripts.map((s) => s.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => /CanvasView/.test(p))).toEqual([]);
    expect(piaScripts.filter((s) => s.tldraw).map((s) => s.path)).toEqual([]);
    // The same check finds tldraw where it is loaded: on the facilitator's canvas.
    expect(facilitatorScripts.some((s) => s.tldraw)).toBe(true);
  });

  it('at 360 px: 44 px targets, no sideways scrolling, no serious accessibility violations', async () => {
    await expect(smallTargets(pia)).resolves.toEqual([]);
    const overflow = await horizontalOverflow(pia);
    expect(overflow.page).toBeLessThanOrEqual(overflow.width);
    expect(overflow.phone).toBeLessThanOrEqual(0);
    await expect(seriousViolations(pia)).resolves.toEqual([]);
    // While a note is being edited too.
    const note = ownNote(pia, 'i hela länet');
    await note.getByRole('button', { name: 'Ändra' }).click();
    await expect(smallTargets(pia)).resolves.toEqual([]);
    await expect(seriousViolations(pia)).resolves.toEqual([]);
    await pia.keyboard.press('Escape');
    await note.getByRole('button', { name: 'Ändra' }).waitFor();
    await screenshot(pia, 'phone-sv');
  });

  it('at 200 % zoom (360 px shown as 180 CSS px) the phone view still fits the width', async () => {
    await pia.setViewportSize({ width: 180, height: 370 });
    try {
      await waitInPage(pia, 'the page has the zoomed width', () => window.innerWidth === 180);
      const overflow = await horizontalOverflow(pia);
      expect(overflow.phone, 'sideways overflow inside the phone view').toBeLessThanOrEqual(0);
      expect(overflow.page, 'page width').toBeLessThanOrEqual(overflow.width);
      await screenshot(pia, 'phone-sv-zoom200');
    } finally {
      await pia.setViewportSize(PHONE.viewport);
    }
  });

  it('the phone view speaks English after switching the language', async () => {
    await pia.getByRole('button', { name: 'Meny' }).click();
    await pia.getByLabel('Språk').selectOption('en');
    await pia.getByRole('button', { name: 'Menu' }).click();
    await pia.getByLabel('Your note').waitFor();
    await expect(pia.getByRole('heading', { name: /^My notes/ }).count()).resolves.toBe(1);
    await expect(pia.locator('#phone-area option').last().innerText()).resolves.toBe('No area (0 notes)');
    await chooseArea(pia, 'C1');
    await pia.getByLabel('Your note').fill('Gemensamma utbildningar');
    await pia.getByRole('button', { name: 'Add', exact: true }).click();
    await confirmed(pia, 'The note was added to C1.');
    await expect(smallTargets(pia)).resolves.toEqual([]);
    await expect(seriousViolations(pia)).resolves.toEqual([]);
    await screenshot(pia, 'phone-en');
  });
});

describe('the phone view while voting: every note by area, the dots left in sight, the result in the page', () => {
  let vera: Page;
  let control: Facilitator;
  /** Notes put on the board for the vote, by area code: enough that the list scrolls on a phone. */
  const seeded: Record<string, string[]> = {
    A1: ['Gemensam ingång för familjer', 'Samordnad individuell plan', 'Tidiga insatser i skolan'],
    A2: ['Mobil närvård', 'Digitala vårdmöten i hemmet', 'Trygg hemgång'],
    D1: ['Uppföljning varje kvartal', 'Gemensamma nyckeltal', 'Lärande nätverk'],
  };

  beforeAll(async () => {
    control = await connectFacilitator(server, workshop);
    const areas = readBoardDoc(control.board.doc).areas;
    for (const [code, texts] of Object.entries(seeded)) {
      const area = areas.find((a) => a.code === code)!;
      for (const text of texts) {
        addNote(control.board.doc, {
          text,
          areaId: area.id,
          authorId: 'seed',
          author: 'Sam Samordnare',
          now: Date.now(),
          pageName: 'Tavla',
        });
      }
    }
    await openVoting(server, workshop, control, { budget: 5, perNoteCap: 2 });
  });
  afterAll(() => control?.destroy());

  it('a participant gives dots to notes in two areas without touching the note form; the dots left stay in view at the last note', async () => {
    ({ page: vera } = await phone('Vera'));
    await joinOnPhone(vera, 'Vera Deltagare');
    // Anything that reaches the note form (the area choice, the text field) is recorded.
    await vera.evaluate(() => {
      const touched: string[] = [];
      (window as unknown as { formTouched: string[] }).formTouched = touched;
      for (const type of ['focusin', 'pointerdown', 'change'])
        document.addEventListener(type, (event) => {
          if ((event.target as Element).closest?.('.phone-form')) touched.push(type);
        });
    });
    const list = vera.getByTestId('phone-voting');
    await list.getByRole('heading', { name: 'Rösta med prickar' }).waitFor({ timeout: 30_000 });
    // The phone leads with the vote: the list comes before the form.
    const [listTop, formTop] = await Promise.all([
      list.evaluate((el) => el.getBoundingClientRect().top),
      vera.locator('.phone-form').evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(listTop).toBeLessThan(formTop);
    // Every area with notes is a heading of its own, in the board's order, with its notes under it.
    const groups = await list
      .locator('.phone-group')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-area-code')));
    expect(groups).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1']);
    // One area choice on the screen: the note form's.
    await expect(vera.locator('select:visible').count()).resolves.toBe(1);

    const dotsLeft = vera.getByTestId('dots-left');
    await dotsLeft.filter({ hasText: 'Du har 5 av 5 prickar kvar' }).waitFor();
    await list.getByRole('button', { name: 'Ge en prick till: Samordnad individuell plan' }).click();
    const last = list.getByRole('button', { name: 'Ge en prick till: Lärande nätverk' });
    await last.click();
    await last.click();
    await expect
      .poll(() => dotsLeft.innerText(), { timeout: 20_000 })
      .toContain('Du har 2 av 5 prickar kvar');
    await expect
      .poll(
        () =>
          list
            .locator('[data-testid=vote-control]')
            .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-mine'))).filter((n) => n > 0)),
        { timeout: 20_000 },
      )
      .toEqual([1, 2]);
    // The server counted them: one voter, three dots.
    await expect
      .poll(
        async () =>
          (
            await call<{ voters: number; dots: number }>(
              server,
              'GET',
              `/api/workshops/${workshop.id}/votes`,
              workshop.facilitatorToken,
            )
          ).body,
        { timeout: 20_000 },
      )
      .toMatchObject({ voters: 1, dots: 3 });

    // Scrolled to the very last note of the list, the dots left are still on the screen, uncovered.
    const lastNote = list.getByTestId('phone-vote-note').last();
    await lastNote.scrollIntoViewIfNeeded();
    await vera.locator('.phone').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const seen = await dotsLeft.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { top: box.top, bottom: box.bottom, height: window.innerHeight, uncovered: el.contains(hit) };
    });
    expect(seen.top).toBeGreaterThanOrEqual(0);
    expect(seen.bottom).toBeLessThanOrEqual(seen.height);
    expect(seen.uncovered).toBe(true);
    await expect(
      vera.locator('.phone').evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1),
    ).resolves.toBe(true);

    await expect(
      vera.evaluate(() => (window as unknown as { formTouched: string[] }).formTouched),
    ).resolves.toEqual([]);
    await expect(smallTargets(vera)).resolves.toEqual([]);
    await expect(seriousViolations(vera)).resolves.toEqual([]);
    await screenshot(vera, 'phone-sv-voting');
  });

  it('in silent brainstorming the phone shows one area choice (the private notes form), not two', async () => {
    writeControlField(control.control.doc, 'brainstorm', { phase: 'silent', round: 1 });
    try {
      await vera.getByTestId('drafts').waitFor({ timeout: 20_000 });
      await expect(vera.locator('select:visible').count()).resolves.toBe(1);
      await expect(vera.getByTestId('drafts').locator('select').count()).resolves.toBe(1);
    } finally {
      writeControlField(control.control.doc, 'brainstorm', { phase: 'revealed', round: 1 });
      await serverControlShows(
        server,
        workshop,
        (d) => readControlField(d, 'brainstorm').phase === 'revealed',
      );
    }
    await vera.getByTestId('drafts').waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('after the reveal the result is part of the page: shown once, whole, in no box that clips it', async () => {
    const revealed = await call(
      server,
      'POST',
      `/api/workshops/${workshop.id}/votes/reveal`,
      workshop.facilitatorToken,
    );
    expect(revealed.status).toBe(200);
    const results = vera.getByTestId('results');
    await results.waitFor({ timeout: 20_000 });
    await expect(results.count()).resolves.toBe(1);
    await expect(vera.getByTestId('phone-voting').count()).resolves.toBe(0);
    await expect(results.getByTestId('ranked-note').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Lärande nätverk'),
      expect.stringContaining('Samordnad individuell plan'),
    ]);
    // Shown in full: no disclosure to open on a phone.
    await expect(results.getByTestId('results-toggle').count()).resolves.toBe(0);
    // Nothing between the result and the phone's own column scrolls or clips: each box is as tall as
    // its content. The column is the page (everything below the header and the step), which scrolls.
    const boxes = await results.evaluate((el) => {
      const found: { name: string; overflow: string; scrollHeight: number; clientHeight: number }[] = [];
      for (
        let node: Element | null = el;
        node && !node.classList.contains('phone');
        node = node.parentElement
      ) {
        const style = getComputedStyle(node);
        found.push({
          name: `${node.tagName.toLowerCase()}.${Array.from(node.classList).join('.')}`,
          overflow: `${style.overflowX} ${style.overflowY}`,
          scrollHeight: node.scrollHeight,
          clientHeight: node.clientHeight,
        });
      }
      return found;
    });
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.scrollHeight, `${box.name} (overflow ${box.overflow})`).toBeLessThanOrEqual(
        box.clientHeight + 1,
      );
    }
    // Its last line can be scrolled into the screen, below the step bar, and read there.
    const lastLine = results.locator('li').last();
    await lastLine.scrollIntoViewIfNeeded();
    const shown = await lastLine.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 24, box.top + box.height / 2);
      return { bottom: box.bottom, height: window.innerHeight, readable: el.contains(hit) };
    });
    expect(shown.bottom).toBeLessThanOrEqual(shown.height);
    expect(shown.readable).toBe(true);
    await expect(seriousViolations(vera)).resolves.toEqual([]);
    await screenshot(vera, 'phone-sv-results');
  });
});
