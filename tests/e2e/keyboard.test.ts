import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { noteTexts, waitForBoard } from './helpers/board';
import { startServerAndBrowser, stopServerAndBrowser, personContext } from './helpers/browser';

const WORKSHOP = 'Tangentbordsworkshop';
const PHONE = { width: 390, height: 844 };

/** The part of the live editor (exposed by the app for tests) these tests read. */
interface EditorWindow {
  samskapaEditor: {
    getCurrentPageShapes(): { type: string; x: number; y: number }[];
    getPages(): { name: string }[];
  };
}

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let participantUrl = '';
let facilitator: Page;
let dan: Page;
let eva: Page;

async function newPage(name: string, viewport?: { width: number; height: number }): Promise<Page> {
  const { context } = await personContext(browser, server.http, name);
  contexts.push(context);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

/** What has the focus: its test id, id, or tag, and whether it sits inside a note on the board. */
function focused(page: Page): Promise<{ testId: string | null; id: string; tag: string; inNote: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      id: el?.id ?? '',
      tag: el?.tagName ?? '',
      inNote: !!el?.closest('.tl-shape[data-shape-type="note"]'),
    };
  });
}

/** Presses Tab until `matches` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, what: string, matches: () => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(matches)) return;
    await page.keyboard.press('Tab');
  }
  if (await page.evaluate(matches)) return;
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

/** Opens the participant link and gives a name with the keyboard alone. */
async function joinByKeyboard(page: Page, name: string): Promise<void> {
  await page.goto(participantUrl);
  await page.locator('#display-name').waitFor();
  await tabTo(page, 'the name field', () => document.activeElement?.id === 'display-name');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await waitForBoard(page);
}

beforeAll(async () => ({ server, browser } = await startServerAndBrowser()));
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopServerAndBrowser(server, browser);
});

describe('keyboard only, with a page title and focus that say where you are', () => {
  it('creating a workshop moves the focus to the heading that says it is created; each page has its own title', async () => {
    facilitator = await newPage('Fia');
    await facilitator.goto(`${server.http}/`);
    await facilitator.locator('#workshop-title').waitFor();
    await expect(facilitator.title()).resolves.toBe('Skapa eller gå med i en workshop – Samskapa');

    await tabTo(
      facilitator,
      'the workshop name field',
      () => document.activeElement?.id === 'workshop-title',
    );
    await facilitator.keyboard.type(WORKSHOP);
    await facilitator.keyboard.press('Enter');
    await facilitator.getByTestId('created-workshop').waitFor();
    await expect.poll(() => focused(facilitator)).toMatchObject({ testId: 'created-heading' });
    await expect(facilitator.title()).resolves.toBe(`Workshopen ”${WORKSHOP}” är skapad – Samskapa`);
    participantUrl = await facilitator.getByTestId('participant-link').inputValue();

    // "Öppna tavlan som facilitator" by keyboard: the name page's heading takes the focus.
    await tabTo(
      facilitator,
      'the open-board button',
      () => document.activeElement?.textContent === 'Öppna tavlan som facilitator',
    );
    await facilitator.keyboard.press('Enter');
    await facilitator.locator('#display-name').waitFor();
    await expect.poll(() => focused(facilitator)).toMatchObject({ tag: 'H1' });
    await expect(facilitator.title()).resolves.toBe('Gå med i workshopen – Samskapa');

    await facilitator.keyboard.press('Tab');
    await facilitator.keyboard.type('Fia');
    await facilitator.keyboard.press('Enter');
    await waitForBoard(facilitator);
    await expect.poll(() => facilitator.title()).toBe(`${WORKSHOP} – Samskapa`);
    await expect(facilitator.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(WORKSHOP);
  });

  it('a participant adds a note with text using only Tab, Enter and typing; another participant sees it', async () => {
    dan = await newPage('Dan');
    eva = await newPage('Eva');
    await joinByKeyboard(dan, 'Dan');
    await joinByKeyboard(eva, 'Eva');

    await tabTo(
      dan,
      'the new-note button',
      () => document.activeElement?.textContent?.startsWith('Ny lapp') ?? false,
    );
    await dan.keyboard.press('Enter');
    await expect.poll(() => focused(dan)).toMatchObject({ inNote: true });
    await expect.poll(() => dan.getByTestId('announcement').innerText()).toContain('Ny lapp');
    const text = 'Skrivet utan mus';
    await dan.keyboard.type(text);
    await dan.keyboard.press('Escape');

    await expect.poll(() => noteTexts(eva), { timeout: 30_000 }).toContain(text);
    await expect.poll(() => noteTexts(facilitator), { timeout: 30_000 }).toContain(text);
  });

  it('Alt+N adds a note wherever the focus is, and the next one does not hide the first', async () => {
    const text = 'Med kortkommando';
    await eva.getByRole('button', { name: 'Fler val' }).focus();
    await eva.keyboard.press('Alt+KeyN');
    await expect.poll(() => focused(eva)).toMatchObject({ inNote: true });
    await eva.keyboard.type(text);
    await eva.keyboard.press('Escape');
    await expect.poll(() => noteTexts(dan), { timeout: 30_000 }).toContain(text);

    const corners = await dan.evaluate(() =>
      (window as unknown as EditorWindow).samskapaEditor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'note')
        .map((s) => `${Math.round(s.x)},${Math.round(s.y)}`),
    );
    expect(new Set(corners).size).toBe(corners.length);
  });

  it('letters typed before the note is ready to edit stay in the order they were typed', async () => {
    // The note's text editor gets ready a moment after Alt+N (a timer, then tldraw's own 100 ms timer);
    // on a slow phone or under a fast typist letters arrive before that. The page clock is held still
    // so those moments happen exactly between the letters typed here.
    const page = await newPage('Snabb');
    await page.clock.install();
    await joinByKeyboard(page, 'Snabb');
    await page.getByRole('button', { name: 'Fler val' }).focus();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.keyboard.press('Alt+KeyN');
    await expect.poll(() => focused(page)).toMatchObject({ inNote: true });
    await page.keyboard.type('Snabbt ');
    await page.clock.runFor(50);
    await page.keyboard.type('skrivet ');
    await page.clock.runFor(300);
    await page.keyboard.type('ord');
    await page.clock.resume();
    await page.keyboard.press('Escape');
    await expect.poll(() => noteTexts(dan), { timeout: 30_000 }).toContain('Snabbt skrivet ord');
  });

  it('tldraw calls the note tool "Lapp", and no English page name is on the board', async () => {
    const tool = dan.locator('[data-testid="tools.note"]');
    const label = async () =>
      `${(await tool.getAttribute('aria-label')) ?? ''} ${(await tool.getAttribute('title')) ?? ''}`;
    await expect.poll(label, { timeout: 30_000 }).toContain('Lapp');
    expect(await label()).not.toContain('Anmärkning');
    const pages = await dan.evaluate(() =>
      (window as unknown as EditorWindow).samskapaEditor.getPages().map((p) => p.name),
    );
    expect(pages).toEqual(['Tavla']);
    const body = await dan.evaluate(() => document.body.innerText);
    expect(body).not.toMatch(/Page 1|Sida 1|Anmärkning/);
  });

  it('a viewer gets no new-note button', async () => {
    const response = await fetch(`${server.http}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Visning' }),
    });
    const created = (await response.json()) as { viewerUrl: string };
    const projector = await newPage('Projektor');
    const link = new URL(created.viewerUrl);
    // A viewer link (the projector) opens the board without asking a name.
    await projector.goto(`${server.http}${link.pathname}${link.hash}`);
    await waitForBoard(projector);
    await expect(projector.getByRole('button', { name: /Ny lapp/ }).count()).resolves.toBe(0);
  });
});

describe('accessibility (axe-core) and touch targets on the changed pages', () => {
  it('no serious or critical violations on the board at desktop size', async () => {
    expect(await seriousViolations(dan)).toEqual([]);
  });

  it.each([
    ['desktop', undefined],
    ['phone 390×844', PHONE],
  ] as const)(
    'no serious or critical violations on the start, created and join pages (%s)',
    async (_, viewport) => {
      const page = await newPage('Axe', viewport);
      await page.goto(`${server.http}/`);
      await page.locator('#workshop-title').fill('Axe');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await page.getByTestId('created-workshop').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
      await page.locator('#display-name').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('on a phone the board has no serious violations and every field, button and select of ours is at least 44 px high', async () => {
    const phone = await newPage('Telefon', PHONE);
    await phone.goto(participantUrl);
    await phone.locator('#display-name').waitFor();
    const tooSmall = () =>
      phone.evaluate(() =>
        Array.from(document.querySelectorAll('button, input, select'))
          .filter((el) => !el.closest('.tl-container'))
          .map((el) => ({ what: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
          .filter(({ height }) => height > 0 && height < 44),
      );
    await expect(tooSmall()).resolves.toEqual([]);
    await phone.locator('#display-name').fill('Telefon');
    await phone.keyboard.press('Enter');
    // A participant on a phone lands on the phone view, under a header of one row.
    await phone.locator('main[data-view="phone"]').waitFor({ timeout: 60_000 });
    const header = await phone.locator('.board-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await expect(tooSmall()).resolves.toEqual([]);
    expect(await seriousViolations(phone)).toEqual([]);
    // The canvas is one choice away, under "Meny".
    await phone.getByRole('button', { name: 'Meny' }).click();
    await phone.getByRole('button', { name: 'Rityta' }).click();
    await waitForBoard(phone);
    await phone.getByRole('button', { name: /Ny lapp/ }).waitFor();
    await expect(tooSmall()).resolves.toEqual([]);
    expect(await seriousViolations(phone)).toEqual([]);
  });
});
