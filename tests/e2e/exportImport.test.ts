import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { addNote, readBoardDoc, WorkshopExport, type CreateWorkshopResponse } from '@samskapa/shared';
import { readXlsx, values } from '../fixtures/readXlsx';
import { connect, createWorkshop, synced, waitFor } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { enterName } from './helpers/board';
import { personContext, startServerAndBrowser, stopServerAndBrowser, waitInPage } from './helpers/browser';

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
const contexts: BrowserContext[] = [];
let facilitator: Page;
const NOTE = 'Öppna mottagningar för unga, "drop-in", kvällstid';

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()])) as [
    Download,
    void,
  ];
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Samverkansplan Östhammar', 'samverkansplan-hsvo');
  const writer = connect(server, workshop.id, 'board', workshop.facilitatorToken);
  await synced(writer);
  const b1 = readBoardDoc(writer.doc).areas.find((a) => a.code === 'B1')!;
  addNote(writer.doc, {
    text: NOTE,
    areaId: b1.id,
    authorId: 'a',
    author: 'Åsa',
    now: Date.now(),
    pageName: 'Tavla',
  });
  const fresh = connect(server, workshop.id, 'board', workshop.facilitatorToken);
  await synced(fresh);
  await waitFor(() => readBoardDoc(fresh.doc).notes.some((n) => n.text === NOTE), 'the note is stored');
  writer.destroy();
  fresh.destroy();

  const { context } = await personContext(browser, server.http, 'facilitator', { acceptDownloads: true });
  contexts.push(context);
  facilitator = await context.newPage();
  await facilitator.goto(workshop.facilitatorUrl.replace(/^https?:\/\/[^/]+/, server.http));
  await enterName(facilitator, 'Fia Facilitator');
  await waitInPage(
    facilitator,
    'the board is connected',
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
  );
  // The list board: what a facilitator without a tldraw licence has (tldraw's own style panel is not ours to fix).
  await facilitator.getByTestId('view-list').click();
  await facilitator.getByTestId('facilitate-toggle').click();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopServerAndBrowser(server, browser);
});

describe('the facilitator takes the målbild home, and starts a new workshop from it', () => {
  it('downloads one area as CSV that Excel reads (BOM, quoting, å ä ö), as XLSX and as a poster PNG', async () => {
    const section = facilitator.getByTestId('export-section');
    await section.scrollIntoViewIfNeeded();
    // The drawer has loaded what it shows (the areas to choose from, the snapshots, the deletion date).
    await waitInPage(
      facilitator,
      'the export section lists the areas',
      () => document.querySelectorAll('[data-testid=export-area] option').length > 1,
    );
    await facilitator.waitForLoadState('networkidle');
    expect(await seriousViolations(facilitator)).toEqual([]);
    await section.getByTestId('export-area').selectOption('B1');
    const csv = await saved(facilitator, () => section.getByTestId('export-csv').click());
    // Named after the workshop's real title, the area and the day.
    expect(csv.name).toMatch(/^Samverkansplan Östhammar-B1-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('"Öppna mottagningar för unga, ""drop-in"", kvällstid"');
    expect(text).not.toContain('C1');

    const xlsx = await saved(facilitator, () => section.getByTestId('export-xlsx').click());
    expect(xlsx.name).toMatch(/^Samverkansplan Östhammar-B1-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = readXlsx(xlsx.bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(['Lappar', 'B1 Nära vård', 'Agenda']);
    expect(values(book.sheets[0]!).map((r) => r[3])).toContain(
      'Öppna mottagningar för unga, "drop-in", kvällstid',
    );

    const excelCsv = await saved(facilitator, () => section.getByTestId('export-csv-excel').click());
    expect(excelCsv.name).toBe(csv.name);
    expect(excelCsv.bytes.toString('utf8')).toContain('\uFEFFOmrådeskod;Område;');

    const png = await saved(facilitator, () => section.getByTestId('export-png').click());
    const image = PNG.sync.read(png.bytes);
    expect(image.width).toBeGreaterThan(500);
    expect(image.height).toBeGreaterThan(300);
  });

  it('the whole board as JSON creates a new workshop from the start page with the same areas and notes', async () => {
    const section = facilitator.getByTestId('export-section');
    await section.getByTestId('export-area').selectOption('');
    const json = await saved(facilitator, () => section.getByTestId('export-json').click());
    const data = WorkshopExport.parse(JSON.parse(json.bytes.toString('utf8')));
    expect(data.areas.map((a) => a.code)).toEqual(
      expect.arrayContaining(['A1', 'A2', 'B1', 'B2', 'C1', 'D1']),
    );
    expect(data.areas.find((a) => a.code === 'B1')!.notes.map((n) => n.text)).toContain(NOTE);

    const { context } = await personContext(browser, server.http, 'importer');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.http);
    await page.getByText('Importera en export').click();
    await page.getByTestId('import-file').setInputFiles({
      name: json.name,
      mimeType: 'application/json',
      buffer: json.bytes,
    });
    await page.getByTestId('created-heading').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('created-heading').innerText()).resolves.toContain(
      'Samverkansplan Östhammar',
    );

    // A broken file says what is wrong and creates nothing.
    await page.goto(server.http);
    await page.getByText('Importera en export').click();
    const broken = { ...data, version: 2 };
    await page.getByTestId('import-file').setInputFiles({
      name: 'trasig.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect(page.getByTestId('import-problem').innerText()).resolves.toContain('version');
  });
});
