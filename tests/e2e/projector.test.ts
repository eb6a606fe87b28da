import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  addNote,
  readBoardDoc,
  readControlField,
  startTimer,
  writeControlField,
  type CreateWorkshopResponse,
} from '@samskapa/shared';
import { createWorkshop } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { call, connectFacilitator, openVoting, type Facilitator } from '../integration/helpers/voting';
import { seriousViolations } from './helpers/axe';
import { enterName } from './helpers/board';
import { personContext, startServerAndBrowser, stopServerAndBrowser, waitInPage } from './helpers/browser';

const PROJECTOR = { viewport: { width: 1920, height: 1080 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** Read from the back of the room: the smallest type for the step, the countdown and the result. */
const ROOM_TYPE_PX = 32;
/** Where screenshots go when set (e.g. PROJECTOR_SHOTS_DIR=/tmp/shots). */
const SHOTS_DIR = process.env.PROJECTOR_SHOTS_DIR;
/** What only a voter or an editor is offered: none of it belongs on the wall. */
const NOT_FOR_THE_ROOM =
  /^(Ny lapp|Lägg till|Ändra|Ta bort|Byt namn|Facilitera|Radera|Spara som mall)|^Flytta( hit)?$|Ge en prick|Ta tillbaka en prick|Markera en lapp/;
/** The canvas tools a read-only board may offer (looking around and pointing, never drawing). */
const LOOKING_TOOLS = ['tools.select', 'tools.hand', 'tools.laser'];

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
let control: Facilitator;
const contexts: BrowserContext[] = [];
let projector: Page;
let laptop: Page;
let phone: Page;
/** The board's height on the facilitator's laptop before the result was revealed. */
let boardHeightBefore = 0;

async function open(name: string, options: object): Promise<Page> {
  const { context } = await personContext(browser, server.http, name, options);
  contexts.push(context);
  return context.newPage();
}

async function connected(page: Page): Promise<void> {
  await waitInPage(
    page,
    'the board is connected and the step bar is there',
    () =>
      document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected' &&
      document.querySelector('[data-testid=step-bar]') !== null,
    '',
    60_000,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

/** Computed font size in px of the element a selector finds. */
function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** What the page offers to press, by accessible name, and the canvas tools shown. */
function controls(page: Page): Promise<{ buttons: string[]; tools: string[] }> {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
    return {
      buttons: Array.from(document.querySelectorAll('button, [role=button]'))
        .filter(visible)
        .map((el) =>
          (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim(),
        ),
      tools: Array.from(document.querySelectorAll('[data-testid^="tools."]'))
        .filter(visible)
        .map((el) => el.getAttribute('data-testid') ?? ''),
    };
  });
}

/** The projector says nothing to voters and offers nothing to edit, in the view it shows now. */
async function expectOnlyTheRoomsThings(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Markera en lapp för att ge den prickar|prickar kvar/);
  for (const testId of ['canvas-vote', 'dots-left', 'vote-control', 'drafts'])
    await expect(page.getByTestId(testId).count(), testId).resolves.toBe(0);
  const { buttons, tools } = await controls(page);
  expect(buttons.filter((name) => NOT_FOR_THE_ROOM.test(name))).toEqual([]);
  expect(tools.filter((tool) => !LOOKING_TOOLS.includes(tool))).toEqual([]);
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Referensgruppsmöte', 'referensgrupp');
  control = await connectFacilitator(server, workshop);
  const areas = readBoardDoc(control.board.doc).areas;
  const notes: Record<string, string[]> = {
    F1: ['Bra att träffas på plats', 'Tydliga protokoll'],
    F2: ['För lite tid för frågor'],
  };
  for (const [code, texts] of Object.entries(notes)) {
    const area = areas.find((a) => a.code === code)!;
    for (const text of texts)
      addNote(control.board.doc, {
        text,
        areaId: area.id,
        authorId: 'seed',
        author: 'Eva',
        now: Date.now(),
        pageName: 'Tavla',
      });
  }
  const step = readControlField(control.control.doc, 'agenda').at(-1)!;
  writeControlField(control.control.doc, 'currentStepId', step.id);
  writeControlField(
    control.control.doc,
    'timer',
    startTimer({ status: 'idle', durationMs: 10 * 60_000 }, Date.now()),
  );

  projector = await open('projector', PROJECTOR);
  await projector.goto(workshop.viewerUrl);
  await connected(projector);
  laptop = await open('facilitator', {});
  await laptop.goto(workshop.facilitatorUrl);
  await enterName(laptop, 'Fia Facilitator');
  await connected(laptop);
  phone = await open('phone', PHONE);
  await phone.goto(workshop.participantUrl);
  await enterName(phone, 'Per Deltagare');
  await connected(phone);
}, 180_000);

afterAll(async () => {
  control?.destroy();
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopServerAndBrowser(server, browser);
});

describe('the projector shows the room’s things only, legible from the back of the room', () => {
  it('while the vote is open the projector asks nothing of voters and offers nothing to edit, on the canvas and on the list board', async () => {
    await openVoting(server, workshop, control, { budget: 5, perNoteCap: 2 });
    const list = phone.getByTestId('phone-voting');
    await list.waitFor({ timeout: 30_000 });
    const add = list.getByRole('button', { name: 'Ge en prick till: Bra att träffas på plats' });
    await add.click();
    await add.click();
    await list.getByRole('button', { name: 'Ge en prick till: För lite tid för frågor' }).click();
    await expect
      .poll(() => phone.getByTestId('dots-left').innerText(), { timeout: 20_000 })
      .toContain('Du har 2 av 5 prickar kvar');

    await expect(projector.locator('main').getAttribute('data-view')).resolves.toBe('canvas');
    await projector.locator('.tl-canvas').waitFor({ timeout: 60_000 });
    await expectOnlyTheRoomsThings(projector);
    await shot(projector, 'projector-voting-canvas');
    await projector.getByTestId('view-list').click();
    await projector.getByTestId('outline-column').first().waitFor();
    await expectOnlyTheRoomsThings(projector);
    boardHeightBefore = await laptop.locator('main').evaluate((el) => el.getBoundingClientRect().height);
  });

  it('after the reveal the step, the countdown and every result line are at least 32 px at 1920×1080, the result whole', async () => {
    const revealed = await call(
      server,
      'POST',
      `/api/workshops/${workshop.id}/votes/reveal`,
      workshop.facilitatorToken,
    );
    expect(revealed.status).toBe(200);
    const results = projector.getByTestId('results');
    await results.getByTestId('ranked-note').first().waitFor({ timeout: 20_000 });
    await expect(results.getAttribute('data-open')).resolves.toBe('true');
    await expect(results.getByTestId('results-toggle').count()).resolves.toBe(0);
    await expect(results.getByTestId('ranked-note').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Bra att träffas på plats'),
      expect.stringContaining('För lite tid för frågor'),
    ]);

    expect(await fontSize(projector, '[data-testid=step-title]')).toBeGreaterThanOrEqual(ROOM_TYPE_PX);
    expect(await fontSize(projector, '[data-testid=countdown] [role=timer]')).toBeGreaterThanOrEqual(
      ROOM_TYPE_PX,
    );
    const lines = await results
      .locator('li')
      .evaluateAll((items) => items.map((li) => parseFloat(getComputedStyle(li).fontSize)));
    expect(lines.length).toBe(4);
    for (const size of lines) expect(size).toBeGreaterThanOrEqual(ROOM_TYPE_PX);
    // The result is on the screen, not pushed below its edge.
    const box = (await results.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);

    await expectOnlyTheRoomsThings(projector);
    expect(await seriousViolations(projector)).toEqual([]);
    await shot(projector, 'projector-results-list');
    await projector.getByTestId('view-canvas').click();
    await projector.locator('.tl-canvas').waitFor({ timeout: 60_000 });
    // A canvas with nothing selected after the reveal asks nothing either.
    await expectOnlyTheRoomsThings(projector);
    await shot(projector, 'projector-results-canvas');
  });
});

describe('the revealed result on the facilitator’s laptop', () => {
  it('takes one line until opened with the keyboard (a disclosure with aria-expanded), so the board keeps its height', async () => {
    const results = laptop.getByTestId('results');
    const toggle = results.getByTestId('results-toggle');
    await toggle.waitFor({ timeout: 20_000 });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(results.getByTestId('results-lead').innerText()).resolves.toContain(
      'Bra att träffas på plats',
    );
    await expect(results.getByTestId('ranked-notes').isVisible()).resolves.toBe(false);
    const line = (await results.boundingBox())!;
    expect(line.height, 'the folded result is one line').toBeLessThanOrEqual(52);
    const boardHeight = await laptop.locator('main').evaluate((el) => el.getBoundingClientRect().height);
    expect(
      boardHeightBefore - boardHeight,
      'the board gives the result one line at most',
    ).toBeLessThanOrEqual(line.height + 1);
    expect(await seriousViolations(laptop)).toEqual([]);
    await shot(laptop, 'laptop-results-folded');

    // A button in the tab order: Enter opens it, Space closes it.
    await toggle.focus();
    await expect(toggle.evaluate((el) => el === document.activeElement && el.tabIndex >= 0)).resolves.toBe(
      true,
    );
    await laptop.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(results.getByTestId('ranked-notes').isVisible()).resolves.toBe(true);
    await expect(results.getByTestId('ranked-note').count()).resolves.toBe(2);
    expect(await seriousViolations(laptop)).toEqual([]);
    await shot(laptop, 'laptop-results-open');
    await laptop.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(results.getByTestId('ranked-notes').isVisible()).resolves.toBe(false);
  });
});
