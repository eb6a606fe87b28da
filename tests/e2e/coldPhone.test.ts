import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readBoardDoc, type CreateWorkshopResponse } from '@samskapa/shared';
import { connect, createWorkshop, synced, waitFor } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { chooseArea } from './helpers/board';
import {
  openBoardAs,
  personContext,
  startServerAndBrowser,
  stopServerAndBrowser,
  waitForConnected,
  waitInPage,
} from './helpers/browser';

// Issue 15: a phone on a slow network shows its note form from the first, small script, before the
// board's code and the board itself are here. Here the slowness is made exact: the board page's code is
// held back, and then every socket to /sync/ is refused, until the test lets them through.

/** Screenshots to be looked at by a person (not compared). */
const SHOTS = '/tmp/shots';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Samverkansplan Tierp', 'samverkansplan-hsvo');
});
afterAll(() => stopServerAndBrowser(server, browser));

/** A gate the test opens once; what waits on it goes on then. */
function gate(): { opened: Promise<void>; open: () => void; isOpen: () => boolean } {
  let open!: () => void;
  let isOpen = false;
  const opened = new Promise<void>((resolve) => {
    open = () => {
      isOpen = true;
      resolve();
    };
  });
  return { opened, open, isOpen: () => isOpen };
}

async function addNote(page: Page, area: string, text: string): Promise<void> {
  await chooseArea(page, area);
  await page.getByLabel('Din lapp').fill(text);
  await page.getByRole('button', { name: 'Lägg till' }).click();
  await waitInPage(
    page,
    `the phone says the note went to ${area}`,
    (expected) => document.querySelector('[data-testid=phone-added]')?.textContent === expected,
    `Lappen lades till i ${area}.`,
  );
}

const pendingTexts = (page: Page) =>
  page.getByTestId('phone-pending').locator('.phone-note-text').allInnerTexts();

describe('a cold phone on a slow network', () => {
  let context: BrowserContext;
  let page: Page;
  const code = gate();
  const sockets = gate();

  it('shows the note form with every open area and its count before the board code has arrived', async () => {
    ({ context } = await personContext(browser, server.http, 'Cia', PHONE));
    await context.addInitScript(() =>
      localStorage.setItem('samskapa.identity', JSON.stringify({ id: 'cold-phone-cia', name: 'Cia' })),
    );
    // Registered after personContext's route, so it runs first; it hands the request on when let through.
    await context.route('**/assets/WorkshopPage-*.js', async (route) => {
      await code.opened;
      await route.fallback();
    });
    page = await context.newPage();
    await page.routeWebSocket(/\/sync\//, (ws) => {
      if (sockets.isOpen()) ws.connectToServer();
      else ws.close({ code: 1011, reason: 'held by the test' });
    });
    await page.goto(workshop.participantUrl);
    await page.getByLabel('Din lapp').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('phone-quick').count()).resolves.toBe(1);
    await expect(page.locator('h1').innerText()).resolves.toBe('Samverkansplan Tierp');
    // The same options as the full phone view, counts included (the template's reference content).
    const options = await page.locator('#phone-area option').allTextContents();
    expect(options.map((o) => o.split(' ')[0])).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1', 'Inget']);
    expect(options.at(-1)).toBe('Inget område (0 lappar)');
    expect(options.every((o) => /\(\d+ (underlag|lappar)\)$/.test(o))).toBe(true);
    // What a person sees: the field is drawn with a readable size, not just present in the DOM.
    const box = await page.getByLabel('Din lapp').boundingBox();
    expect(box!.width).toBeGreaterThan(250);
    expect(box!.height).toBeGreaterThan(60);
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('keeps a note written then, says where it goes, and shows it as waiting for the board', async () => {
    await addNote(page, 'B1', 'Fler mötesplatser för unga');
    await expect(pendingTexts(page)).resolves.toEqual(['Fler mötesplatser för unga']);
    await expect(page.getByTestId('phone-pending').locator('h2').innerText()).resolves.toBe(
      'Väntar på tavlan (1)',
    );
    // Said where a person on a touch screen sees it, not only to screen readers.
    await expect(page.getByText('Lapparna läggs på tavlan i området du valde').isVisible()).resolves.toBe(
      true,
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/cold-phone-waiting.png`, fullPage: true });
  });

  it('hands over to the board page mid-sentence: the words, the caret and the focus stay', async () => {
    const field = page.getByLabel('Din lapp');
    await field.click();
    await page.keyboard.type('Gemensam');
    code.open();
    // The board page's code is here; its sockets are still refused, so it shows the same form.
    await waitInPage(
      page,
      'the board page has mounted',
      () => !!document.querySelector('.board-header .role-badge'),
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('phone-note');
    await page.keyboard.type(' journal');
    await expect(field.inputValue()).resolves.toBe('Gemensam journal');
    await expect(pendingTexts(page)).resolves.toEqual(['Fler mötesplatser för unga']);
    await addNote(page, 'C1', 'Gemensam journal');
    await expect(pendingTexts(page)).resolves.toEqual(['Fler mötesplatser för unga', 'Gemensam journal']);
  });

  it('loses nothing when the page is reloaded before the board has come', async () => {
    await page.reload();
    await page.getByTestId('phone-pending').waitFor({ timeout: 60_000 });
    await expect(pendingTexts(page)).resolves.toEqual(['Fler mötesplatser för unga', 'Gemensam journal']);
  });

  it('puts each note in its chosen area once the board is here, for everyone', async () => {
    sockets.open();
    await waitForConnected(page, "the phone's board is connected");
    await page.getByTestId('phone-mine').waitFor({ timeout: 60_000 });
    await waitInPage(
      page,
      'no note waits any more',
      () => !document.querySelector('[data-testid=phone-pending]'),
    );
    await expect(page.locator('[data-testid=phone-mine] h3').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^B1 /),
      expect.stringMatching(/^C1 /),
    ]);

    // The server has them, each in its area, once: an official client sees it.
    const facilitator = connect(server, workshop.id, 'board', workshop.facilitatorToken);
    await synced(facilitator);
    const where = () => {
      const board = readBoardDoc(facilitator.doc);
      const code = (areaId: string | null) => board.areas.find((a) => a.id === areaId)?.code ?? null;
      return board.notes.filter((n) => !n.reference).map((n) => [n.text, code(n.areaId)]);
    };
    await waitFor(() => where().length === 2, 'the server has both notes');
    expect(where().sort()).toEqual([
      ['Fler mötesplatser för unga', 'B1'],
      ['Gemensam journal', 'C1'],
    ]);
    facilitator.destroy();

    // A facilitator's list board shows them in those columns.
    const { context: desk } = await personContext(browser, server.http, 'Fia');
    const facilitatorPage = await desk.newPage();
    await openBoardAs(facilitatorPage, workshop.facilitatorUrl, 'Fia Facilitator');
    await facilitatorPage.getByTestId('view-list').click();
    const column = (areaCode: string) =>
      facilitatorPage.locator(`section[data-testid="outline-column"][data-area-code="${areaCode}"]`);
    await column('B1').getByText('Fler mötesplatser för unga').waitFor({ timeout: 30_000 });
    await column('C1').getByText('Gemensam journal').waitFor({ timeout: 30_000 });
    await desk.close();
    await context.close();
  });
});
