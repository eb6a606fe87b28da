import { boardRecords } from '@samskapa/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, synced } from '../integration/helpers/clients';
import { solidPng } from '../integration/helpers/png';
import { enterName, waitForBoard } from './helpers/board';
import type { RunningServer } from '../integration/helpers/server';
import {
  personContext,
  startServerAndBrowser,
  stopServerAndBrowser,
  type RequestLog,
} from './helpers/browser';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await startServerAndBrowser()));
afterAll(() => stopServerAndBrowser(server, browser));

/** Opens a capability link in a browser of its own, enters a name and waits for the connected board. */
async function openBoard(url: string, name: string): Promise<{ page: Page; log: RequestLog }> {
  const { context, log } = await personContext(browser, server.http, name);
  const page = await context.newPage();
  await page.goto(url);
  // A viewer link opens without a name step.
  if (!new URL(url).hash.startsWith('#v=')) await enterName(page, name);
  await waitForBoard(page);
  return { page, log };
}

/** Drops a file on the canvas the way a file dragged from the desktop arrives. */
async function dropFile(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.evaluate(
    ({ data, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      const canvas = document.querySelector('.tl-canvas')!;
      const at = { clientX: 500, clientY: 350, bubbles: true, cancelable: true, dataTransfer: transfer };
      canvas.dispatchEvent(new DragEvent('dragover', at));
      canvas.dispatchEvent(new DragEvent('drop', at));
    },
    { data: [...bytes], name, type },
  );
}

/** The image sources a page shows on its board. */
function imageSources(page: Page): Promise<string[]> {
  return page
    .locator('.tl-shape[data-shape-type="image"] img')
    .evaluateAll((nodes) =>
      nodes.filter((n) => (n as HTMLImageElement).naturalWidth > 0).map((n) => (n as HTMLImageElement).src),
    );
}

describe('images on the board', () => {
  it('a dropped PNG is uploaded to the own server and shows up for another participant', async () => {
    const w = await createWorkshop(server, 'Bilder på tavlan');
    const dan = await openBoard(w.participantUrl, 'Dan Deltagare');
    const eva = await openBoard(w.participantUrl, 'Eva Deltagare');

    await dropFile(dan.page, solidPng(120, 80, [30, 120, 200]), 'skiss.png', 'image/png');

    await expect.poll(() => imageSources(eva.page), { timeout: 30_000 }).toHaveLength(1);
    const [src] = await imageSources(eva.page);
    expect(src).toMatch(new RegExp(`^${server.http}/api/assets/[A-Za-z0-9_-]{43}$`));
    expect(eva.log.sameOrigin.filter((u) => u.includes('/api/assets/'))).toContain(src);
    expect(dan.log.sameOrigin.some((u) => u.endsWith(`/api/workshops/${w.id}/assets`))).toBe(true);
    expect([...dan.log.foreign, ...eva.log.foreign]).toEqual([]);

    // What the server stored: one image asset pointing at the server, and no inlined bytes anywhere.
    const reader = connect(server, w.id, 'board', w.viewerToken);
    await synced(reader);
    const records = boardRecords(reader.doc).all();
    reader.destroy();
    const assets = records.filter((r) => r.typeName === 'asset');
    expect(assets).toHaveLength(1);
    expect(assets[0]?.props).toMatchObject({
      src: expect.stringMatching(/^\/api\/assets\/[A-Za-z0-9_-]{43}$/),
    });
    expect(JSON.stringify(records)).not.toContain('data:');
  });

  it('an SVG is refused with a message, and a viewer cannot add images at all', async () => {
    const w = await createWorkshop(server, 'Inga skript');
    const dan = await openBoard(w.participantUrl, 'Dan Deltagare');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await dropFile(dan.page, svg, 'farlig.svg', 'image/svg+xml');
    await dan.page.getByText('Bara bilder i formaten PNG, JPEG, GIF och WebP kan läggas till.').waitFor();

    const projector = await openBoard(w.viewerUrl, 'Projektor');
    await dropFile(projector.page, solidPng(10, 10, [0, 0, 0]), 'bild.png', 'image/png');
    // The viewer's canvas is read-only: tldraw ignores the drop, nothing is uploaded or shown.
    await dan.page.waitForTimeout(1000);
    expect(await imageSources(dan.page)).toEqual([]);
    expect(projector.log.sameOrigin.some((u) => u.endsWith(`/api/workshops/${w.id}/assets`))).toBe(false);
  });
});
