import type { CreateWorkshopResponse } from '@samskapa/shared';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { enterName, waitForBoard } from './helpers/board';
import { personContext, startServerAndBrowser, stopServerAndBrowser } from './helpers/browser';

const AREA = { code: 'B1', title: 'Nära vård' };

/** As much of the page's tldraw editor (`window.samskapaEditor`) as these tests use. */
interface PageWindow {
  samskapaEditor?: {
    getCurrentPageShapes(): { id: string; type: string; meta: Record<string, unknown> }[];
    getShapePageBounds(id: string): { w: number; h: number } | undefined;
    selectNone(): unknown;
  };
}

/**
 * Decode a PNG as far as its pixels: every chunk's layout, the header, and the inflated image data of
 * exactly the size the header states (8-bit RGB or RGBA, not interlaced, as browsers write them).
 */
function decodePng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  expect(header).toBeDefined();
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const [depth, colour, , , interlace] = header!.subarray(8, 13);
  expect({ depth, interlace }).toEqual({ depth: 8, interlace: 0 });
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
  expect(channels).toBeGreaterThan(0);
  expect(inflateSync(Buffer.concat(data)).length).toBe(height * (1 + width * channels));
  return { width, height };
}

/** `YYYY-MM-DD` today here (the browser runs on this machine, in its time zone). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let workshop: CreateWorkshopResponse;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Målbild HSVO', 'samverkansplan-hsvo');
  ({ context } = await personContext(browser, server.http, 'facilitator'));
  page = await context.newPage();
  await page.goto(workshop.facilitatorUrl.replace(/^https?:\/\/[^/]+/, server.http));
  await enterName(page, 'Fia Facilitator');
  await waitForBoard(page);
});
afterAll(async () => {
  await context?.close();
  await stopServerAndBrowser(server, browser);
});

/** Choose what and how in the open menu, download, and return the file's name and bytes. */
async function exportImage(target: string, format: 'png' | 'svg'): Promise<{ name: string; bytes: Buffer }> {
  await page.getByLabel('Vad').selectOption({ label: target });
  await page.getByTestId(`image-export-${format}`).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Ladda ner' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

describe('"Exportera bild" on the canvas', () => {
  it('downloads one focus area as a print-quality PNG and as an SVG with its title, from a menu axe finds no fault in', async () => {
    const area = await page.evaluate((code) => {
      const editor = (window as unknown as PageWindow).samskapaEditor!;
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.code === code);
      const bounds = frame && editor.getShapePageBounds(frame.id);
      return bounds ? { width: bounds.w, height: bounds.h } : null;
    }, AREA.code);
    expect(area).not.toBeNull();

    const toggle = page.getByRole('button', { name: 'Exportera bild' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('true');
    // The first choice has the focus, so the menu is used from the keyboard as it opens.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), {
        timeout: 20_000,
      })
      .toBe('image-export-target');
    expect(await seriousViolations(page)).toEqual([]);

    const label = `Fokusområde ${AREA.code} – ${AREA.title}`;
    const png = await exportImage(label, 'png');
    expect(png.name).toBe(`Målbild-HSVO-${AREA.code}-${today()}.png`);
    const size = decodePng(png.bytes);
    expect(size.width).toBeGreaterThanOrEqual(area!.width);
    expect(size.height).toBeGreaterThanOrEqual(area!.height);
    await expect
      .poll(() => page.getByTestId('image-export-status').innerText(), { timeout: 20_000 })
      .toBe(`Bilden ${png.name} är nedladdad.`);

    const svg = await exportImage(label, 'svg');
    expect(svg.name).toBe(`Målbild-HSVO-${AREA.code}-${today()}.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        root: doc.documentElement.nodeName,
        error: doc.getElementsByTagName('parsererror').length,
        // A heading is one <text> of one <tspan> per word, as a reader of the file sees it.
        texts: Array.from(doc.querySelectorAll('text')).map((text) =>
          Array.from(text.querySelectorAll('tspan'))
            // tldraw ends a frame's name with a zero-width space.
            .map((span) => (span.textContent ?? '').replace(/\u200b/g, '').trim())
            .filter(Boolean)
            .join(' '),
        ),
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.root).toBe('svg');
    expect(parsed.error).toBe(0);
    expect(parsed.texts).toContain(`${AREA.code} ${AREA.title}`);

    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('false');
  });

  it('an empty selection is explained instead of downloading nothing', async () => {
    await page.evaluate(() => {
      (window as unknown as PageWindow).samskapaEditor!.selectNone();
    });
    await page.getByRole('button', { name: 'Exportera bild' }).click();
    await page.getByLabel('Vad').selectOption({ label: 'Det markerade' });
    await page.getByRole('button', { name: 'Ladda ner' }).click();
    await expect
      .poll(() => page.getByTestId('image-export-problem').innerText(), { timeout: 20_000 })
      .toContain('Inget är markerat');
  });
});

// Shares this file's board: the facilitator's drawer is on the same page as the canvas.
describe('"Radering" in the facilitator\'s drawer', () => {
  it('shows the deletion date in words and saves another day chosen in the date field', async () => {
    await page.getByTestId('facilitate-toggle').click();
    const section = page.getByTestId('retention-section');
    const deletion = new Date(Date.now() + 90 * 86_400_000);
    const inWords = new Intl.DateTimeFormat('sv', { dateStyle: 'long' });
    await expect
      .poll(() => section.getByTestId('retention-date').innerText(), { timeout: 20_000 })
      .toBe(`Workshoppen raderas den ${inWords.format(deletion)}.`);

    const field = section.getByLabel('Nytt raderingsdatum');
    // Today is refused by the server (and said next to the field); a later day is saved.
    const pad = (n: number) => String(n).padStart(2, '0');
    const asInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    await field.fill(asInput(new Date()));
    await section.getByRole('button', { name: 'Spara datum' }).click();
    await expect
      .poll(() => section.getByTestId('retention-error').innerText(), { timeout: 20_000 })
      .toMatch(/^Välj ett datum från i morgon till och med den /);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    const chosen = new Date(2027, 11, 4);
    chosen.setFullYear(new Date().getFullYear() + 1);
    await field.fill(asInput(chosen));
    await field.press('Enter');
    await expect
      .poll(() => section.getByTestId('retention-date').innerText(), { timeout: 20_000 })
      .toBe(`Raderingsdatumet är ändrat till den ${inWords.format(chosen)}.`);
    const summary = await fetch(`${server.http}/api/workshops/${workshop.id}`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(new Date(((await summary.json()) as { retainUntil: string }).retainUntil).getTime()).toBe(
      chosen.getTime(),
    );
  });
});
