import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readBoardSchema, writeBoardSchema } from '@samskapa/shared';
import { connect, createWorkshop, waitFor } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { startServerAndBrowser, stopServerAndBrowser, personContext, waitInPage } from './helpers/browser';

/** As much of the page's tldraw editor (`(window as unknown as PageWindow).samskapaEditor`) as these tests use. */
interface PageWindow {
  samskapaEditor?: {
    getIsReadonly(): boolean;
    getCurrentPageShapes(): { type: string }[];
    createShape(shape: { type: string; x: number; y: number }): void;
  };
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await startServerAndBrowser()));
afterAll(() => stopServerAndBrowser(server, browser));

/** A browser of its own (another person's device, or another browser profile). */
async function newBrowser(name: string): Promise<BrowserContext> {
  const { context } = await personContext(browser, server.http, name);
  return context;
}

function connectionState(page: Page): Promise<string | null> {
  return page.getByTestId('connection').getAttribute('data-state');
}

async function waitForConnection(page: Page, state: 'connected' | 'rejected'): Promise<void> {
  await waitInPage(
    page,
    `the board says ${state}`,
    (expected) => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === expected,
    state,
    60_000,
  );
}

/** Opens a URL in a page; enters the name when the page asks for one; waits for the board's verdict. */
async function openBoard(
  page: Page,
  url: string,
  name: string,
  expect: 'connected' | 'rejected' = 'connected',
): Promise<void> {
  await page.goto(url);
  const nameField = page.getByLabel(/Ditt namn/);
  const board = page.getByTestId('connection');
  await nameField.or(board).first().waitFor({ timeout: 60_000 });
  if (await nameField.isVisible()) {
    await nameField.fill(name);
    await page.getByRole('button', { name: 'Gå till tavlan' }).click();
  }
  await waitForConnection(page, expect);
  // The canvas is its own chunk: it mounts a moment after the board's connection says how it went.
  await page.waitForFunction(() => (window as unknown as PageWindow).samskapaEditor !== undefined, null, {
    timeout: 60_000,
  });
}

function isReadOnly(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => (window as unknown as PageWindow).samskapaEditor?.getIsReadonly());
}

function noteCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as PageWindow).samskapaEditor
        ?.getCurrentPageShapes()
        .filter((shape) => shape.type === 'note').length ?? 0,
  );
}

function indexedDbNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

describe('capability links in one browser', () => {
  it('a facilitator link cut short in an email is refused, and the right participant link then gets in', async () => {
    const w = await createWorkshop(server, 'Trasig länk');
    const context = await newBrowser('Per');
    const page = await context.newPage();

    await openBoard(page, w.facilitatorUrl.slice(0, -5), 'Per', 'rejected');
    await expect(page.getByTestId('connection').innerText()).resolves.toContain('länken gäller inte längre');
    // Nothing typed now could ever be sent.
    await expect.poll(() => isReadOnly(page), { timeout: 30_000 }).toBe(true);

    await openBoard(page, w.participantUrl, 'Per');
    await expect(page.getByTestId('role').innerText()).resolves.toBe('Deltagare');
    expect(await isReadOnly(page)).toBe(false);

    // Reopened later from the same browser, without the link, it is still the participant's board.
    const later = await context.newPage();
    await openBoard(later, `${server.http}/w/${w.id}`, 'Per');
    await expect(later.getByTestId('role').innerText()).resolves.toBe('Deltagare');
    await context.close();
  });

  it('after a truncated facilitator link, the join code gets in too', async () => {
    const w = await createWorkshop(server, 'Trasig länk, sedan kod');
    const context = await newBrowser('Lo');
    const page = await context.newPage();
    await openBoard(page, w.facilitatorUrl.slice(0, -5), 'Lo', 'rejected');

    await page.goto(`${server.http}/`);
    await page.getByLabel('Kod', { exact: true }).fill(w.joinCode);
    await page.getByRole('button', { name: 'Gå med', exact: true }).click();
    await waitForConnection(page, 'connected');
    await expect(page.getByTestId('role').innerText()).resolves.toBe('Deltagare');
    await context.close();
  });

  it("a viewer link opened in the facilitator's browser is read-only in that tab, while the facilitator tab still edits", async () => {
    const w = await createWorkshop(server, 'Projektor på samma dator');
    const context = await newBrowser('Fia');
    const facilitatorTab = await context.newPage();
    await openBoard(facilitatorTab, w.facilitatorUrl, 'Fia');
    await expect(facilitatorTab.getByTestId('role').innerText()).resolves.toBe('Facilitator');

    const projectorTab = await context.newPage();
    await openBoard(projectorTab, w.viewerUrl, 'Fia');
    await expect(projectorTab.getByTestId('role').innerText()).resolves.toBe('Visning');
    expect(await isReadOnly(projectorTab)).toBe(true);
    await expect(projectorTab.getByRole('button', { name: 'Facilitatorlänk' }).count()).resolves.toBe(0);

    expect(await isReadOnly(facilitatorTab)).toBe(false);
    await facilitatorTab.evaluate(
      () =>
        void (window as unknown as PageWindow).samskapaEditor!.createShape({ type: 'note', x: 200, y: 200 }),
    );
    await expect.poll(() => noteCount(projectorTab), { timeout: 30_000 }).toBe(1);

    // The facilitator can still reopen the board later from this browser, with full rights.
    const reopened = await context.newPage();
    await openBoard(reopened, `${server.http}/w/${w.id}`, 'Fia');
    await expect(reopened.getByTestId('role').innerText()).resolves.toBe('Facilitator');
    expect(await isReadOnly(reopened)).toBe(false);
    // And the projector tab stays a projector when it is reloaded.
    await projectorTab.reload();
    await waitForConnection(projectorTab, 'connected');
    await expect(projectorTab.getByTestId('role').innerText()).resolves.toBe('Visning');
    await context.close();
  });
});

describe('a deleted workshop', () => {
  it('leaves nothing behind: a participant who comes back sees that it no longer exists, and its offline copy is gone', async () => {
    const w = await createWorkshop(server, 'Ska raderas');
    const dbName = `samskapa:${w.id}/board`;
    // The agenda, the timer and the vote are in a document of their own, kept offline too.
    const controlDbName = `samskapa:${w.id}/control`;
    const dan = await newBrowser('Dan');
    const danPage = await dan.newPage();
    await openBoard(danPage, w.participantUrl, 'Dan');
    await danPage.evaluate(
      () =>
        void (window as unknown as PageWindow).samskapaEditor!.createShape({ type: 'note', x: 100, y: 100 }),
    );
    await expect.poll(() => indexedDbNames(danPage), { timeout: 30_000 }).toContain(dbName);
    await expect.poll(() => indexedDbNames(danPage), { timeout: 30_000 }).toContain(controlDbName);
    // Dan leaves the board before the workshop is deleted; Eva stays on it.
    await danPage.goto(`${server.http}/`);
    const eva = await newBrowser('Eva');
    const evaPage = await eva.newPage();
    await openBoard(evaPage, w.participantUrl, 'Eva');
    await expect.poll(() => noteCount(evaPage), { timeout: 30_000 }).toBe(1);

    const deleted = await fetch(`${server.http}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(deleted.status).toBeLessThan(300);

    // Eva, on the board, is told at once; after a reload she is still told, not asked for a link.
    await evaPage.getByRole('heading', { name: 'Workshopen finns inte längre' }).waitFor({ timeout: 30_000 });
    await evaPage.reload();
    await evaPage.getByRole('heading', { name: 'Workshopen finns inte längre' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(evaPage)).toEqual([]);

    // Dan comes back: the cached board may flash, then the page says the workshop is gone.
    await danPage.goto(`${server.http}/w/${w.id}`);
    await danPage.getByRole('heading', { name: 'Workshopen finns inte längre' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => indexedDbNames(danPage), { timeout: 30_000 }).not.toContain(dbName);
    await expect.poll(() => indexedDbNames(danPage), { timeout: 30_000 }).not.toContain(controlDbName);
    const stored = await danPage.evaluate(() => Object.keys(localStorage));
    expect(stored.filter((key) => key.startsWith('samskapa.access.'))).toEqual([]);
    await dan.close();
    await eva.close();
  });
});

describe('the facilitator link', () => {
  it('is shown with a warning after creating a workshop, and opens the board as facilitator in a fresh browser', async () => {
    const fia = await newBrowser('Fia');
    const page = await fia.newPage();
    await page.goto(`${server.http}/`);
    await page.getByLabel('Workshopens namn').fill('Länken till mig själv');
    await page.getByRole('button', { name: 'Skapa workshop' }).click();
    await page.getByTestId('created-workshop').waitFor();

    const field = page.getByTestId('facilitator-link');
    const facilitatorUrl = await field.inputValue();
    expect(facilitatorUrl).toMatch(new RegExp(`^${server.http}/w/[A-Za-z0-9_-]{16}#f=`));
    // The warning is read with the field, not only shown near it.
    await expect(page.getByLabel(/Facilitatorlänk/).getAttribute('aria-describedby')).resolves.toBeTruthy();
    await expect(page.getByText(/ger full kontroll över workshopen/).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const laptop = await newBrowser('Fia på en annan dator');
    const elsewhere = await laptop.newPage();
    await openBoard(elsewhere, facilitatorUrl, 'Fia');
    await expect(elsewhere.getByTestId('role').innerText()).resolves.toBe('Facilitator');
    expect(await isReadOnly(elsewhere)).toBe(false);

    // On the board the facilitator finds the same link again, to copy (under "Mer" in the header).
    await elsewhere.getByRole('button', { name: 'Fler val' }).click();
    await elsewhere.getByRole('button', { name: 'Facilitatorlänk' }).click();
    await expect(elsewhere.getByTestId('facilitator-link').inputValue()).resolves.toBe(facilitatorUrl);
    await elsewhere.getByRole('button', { name: 'Kopiera' }).click();
    await expect
      .poll(() => elsewhere.locator('.copy-field-status').innerText())
      .toMatch(/Kopierat|Markerat – kopiera med Ctrl\+C/);
    expect(await seriousViolations(elsewhere)).toEqual([]);
    await fia.close();
    await laptop.close();
  });

  it('a participant sees no facilitator link on the board', async () => {
    const w = await createWorkshop(server, 'Bara deltagare');
    const context = await newBrowser('Dan');
    const page = await context.newPage();
    await openBoard(page, w.participantUrl, 'Dan');
    await expect(page.getByRole('button', { name: 'Facilitatorlänk' }).count()).resolves.toBe(0);
    expect(await connectionState(page)).toBe('connected');
    await context.close();
  });
});

describe('a tab left open while the server is upgraded', () => {
  it('says the page must be reloaded and stops editing once the board is written by a newer version', async () => {
    const w = await createWorkshop(server, 'Uppgradering');
    const page = await (await newBrowser('Ulla')).newPage();
    await openBoard(page, w.participantUrl, 'Ulla');

    // A newer Samskapa (another tab, after the upgrade) records its newer tldraw schema in the board.
    const newer = connect(server, w.id, 'board', w.facilitatorToken);
    try {
      await waitFor(() => readBoardSchema(newer.doc) !== undefined, 'the board has a schema');
      const schema = readBoardSchema(newer.doc) as { sequences: Record<string, number> };
      writeBoardSchema(newer.doc, {
        ...schema,
        sequences: { ...schema.sequences, 'com.tldraw.shape.note': 999 },
      });

      const alert = page.getByTestId('outdated');
      await alert.waitFor({ timeout: 30_000 });
      await expect(alert.innerText()).resolves.toContain('Ladda om sidan för att arbeta vidare');
      await expect.poll(() => isReadOnly(page), { timeout: 30_000 }).toBe(true);
      await expect(page.getByRole('button', { name: /Ny lapp/ }).count()).resolves.toBe(0);
      await page.keyboard.press('Alt+KeyN');
      await page.waitForTimeout(500);
      expect(await noteCount(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      // This server still serves the older page, so after a reload it says the same again.
      await alert.getByRole('button', { name: 'Ladda om sidan' }).press('Enter');
      await waitForConnection(page, 'connected');
      await page.getByTestId('outdated').waitFor({ timeout: 30_000 });
    } finally {
      newer.destroy();
    }
  });
});

/** The WCAG contrast ratio of two computed CSS colours (`rgb(…)`). */
function contrast(foreground: string, background: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('creating a workshop on the start page', () => {
  it('the name typed when creating goes with the facilitator to their board: no "Gå med i workshopen" first', async () => {
    const fia = await newBrowser('Fia');
    const page = await fia.newPage();
    await page.goto(`${server.http}/`);
    await page.getByLabel('Workshopens namn').fill('Mitt namn följer med');
    await page.getByLabel(/Ditt namn/).fill('Fia Facilitator');
    await page.getByRole('button', { name: 'Skapa workshop' }).click();
    await page.getByTestId('created-workshop').waitFor();

    // On localhost the links do not reach any phone: a warning box says so, not grey small print.
    const warning = page.getByRole('note', { name: /Telefonerna kan inte öppna de här länkarna/ });
    await expect(warning.isVisible()).resolves.toBe(true);
    await expect(warning.getAttribute('data-testid')).resolves.toBe('loopback-warning');
    await expect(warning.innerText()).resolves.toContain('localhost');
    const look = await warning.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        color: style.color,
        background: style.backgroundColor,
        border: parseFloat(style.borderLeftWidth),
        fontSize: parseFloat(getComputedStyle(el.querySelector('p:last-child')!).fontSize),
      };
    });
    expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.border).toBeGreaterThanOrEqual(4);
    expect(look.fontSize).toBeGreaterThanOrEqual(16);
    expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(7);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
    // The board comes straight away: the page that asks for a name never shows.
    await page
      .getByTestId('connection')
      .or(page.locator('#display-name'))
      .first()
      .waitFor({ timeout: 60_000 });
    await expect(page.locator('#display-name').count()).resolves.toBe(0);
    await waitForConnection(page, 'connected');
    await expect(page.getByTestId('role').innerText()).resolves.toBe('Facilitator');
    await expect(page.locator('.your-name').first().textContent()).resolves.toContain('Du: Fia Facilitator');

    // The next workshop from this browser offers the same name.
    await page.goto(`${server.http}/`);
    await expect(page.getByLabel(/Ditt namn/).inputValue()).resolves.toBe('Fia Facilitator');
    await fia.close();
  });
});
