import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateFile } from '@samskapa/shared';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { waitForBoard } from './helpers/board';
import { personContext, startServerAndBrowser, stopServerAndBrowser } from './helpers/browser';

/** The part of the live editor these tests read. */
interface EditorWindow {
  samskapaEditor: {
    getViewportPageBounds(): { x: number; y: number; w: number; h: number };
    getCurrentPageBounds(): { x: number; y: number; w: number; h: number } | undefined;
    getCurrentPageShapes(): {
      type: string;
      meta: { kind?: string; code?: string; author?: string; reference?: boolean };
    }[];
  };
}

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  const { context } = await personContext(browser, server.http, 'Facilitator', { acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await stopServerAndBrowser(server, browser);
});

const areaCodesOnCanvas = (p: Page) =>
  p.evaluate(() =>
    (window as unknown as EditorWindow).samskapaEditor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'frame' && s.meta.kind === 'focusArea')
      .map((s) => s.meta.code)
      .sort(),
  );

describe('a facilitator starts from a template', () => {
  it('picks "Samverkansplan HSVO 2024–2026", sees its areas in the preview, and lands on a board with A1 A2 B1 B2 C1 D1', async () => {
    await page.goto(`${server.http}/`);
    await page.getByRole('radio', { name: /Samverkansplan HSVO 2024–2026/ }).check();
    const preview = page.getByTestId('template-preview');
    for (const code of ['A1', 'A2', 'B1', 'B2', 'C1', 'D1'])
      await preview.getByText(code, { exact: true }).waitFor();
    // Choosing the template named the workshop after it; the facilitator may still change it.
    await expect(page.getByLabel('Workshopens namn').inputValue()).resolves.toBe(
      'Samverkansplan HSVO 2024–2026',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Skapa workshop' }).click();
    await page.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
    await page.getByLabel(/Ditt namn/).fill('Fia');
    await page.getByRole('button', { name: 'Gå till tavlan' }).click();
    await waitForBoard(page);
    await page.waitForFunction(() => (window as unknown as EditorWindow).samskapaEditor !== undefined);
    const codes = await areaCodesOnCanvas(page);
    expect(codes).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1', 'SK']);
    // The badge counts participants' notes and the template's reference content apart.
    await expect(page.getByTestId('area-badge-B1').innerText()).resolves.toBe('3 underlag');
    // The canvas opens on the content, zoomed to fit: every area is in view, not an empty corner.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const editor = (window as unknown as EditorWindow).samskapaEditor;
          const view = editor.getViewportPageBounds();
          const content = editor.getCurrentPageBounds()!;
          return (
            view.x <= content.x + 1 &&
            view.y <= content.y + 1 &&
            view.x + view.w >= content.x + content.w - 1 &&
            view.y + view.h >= content.y + content.h - 1
          );
        }),
      )
      .toBe(true);

    // A note made on the canvas says who wrote it, as notes from the list board and the phone do.
    await page.keyboard.press('Alt+KeyN');
    await page.keyboard.type('Egen lapp');
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as EditorWindow).samskapaEditor
            .getCurrentPageShapes()
            .filter((s) => s.type === 'note' && !s.meta.reference)
            .map((s) => s.meta.author),
        ),
      )
      .toEqual(['Fia']);
  });

  it('saves the board as a template file and starts a new workshop from it', async () => {
    const download = page.waitForEvent('download');
    // "Spara som mall" is used once a session: it is under "Fler val" in the header.
    await page.getByRole('button', { name: 'Fler val' }).click();
    await page.getByTestId('save-template').click();
    const file = join(tmpdir(), `samskapa-${Date.now()}.mall.json`);
    await (await download).saveAs(file);
    const saved = TemplateFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(saved.areas.map((a) => a.code).filter((c) => c !== 'SK')).toEqual([
      'A1',
      'A2',
      'B1',
      'B2',
      'C1',
      'D1',
    ]);

    await page.goto(`${server.http}/`);
    await page.getByText('Använd en sparad mallfil').click();
    await page.getByLabel('Mallfil (.json)').setInputFiles(file);
    await page.getByTestId('template-file-chosen').waitFor();
    await page.getByLabel('Workshopens namn').fill('Andra omgången');
    await page.getByRole('button', { name: 'Skapa workshop' }).click();
    await page.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
    await waitForBoard(page);
    await page.waitForFunction(() => (window as unknown as EditorWindow).samskapaEditor !== undefined);
    await expect(areaCodesOnCanvas(page)).resolves.toEqual(saved.areas.map((a) => a.code).sort());
  });

  it('a broken template file says which field is wrong, and no workshop is created', async () => {
    const broken = join(tmpdir(), `samskapa-broken-${Date.now()}.json`);
    writeFileSync(
      broken,
      JSON.stringify({
        format: 'samskapa-template',
        version: 1,
        title: 'Trasig',
        columns: 3,
        areas: [{ code: 'A 1' }],
        agenda: [],
      }),
    );
    await page.goto(`${server.http}/`);
    await page.getByText('Använd en sparad mallfil').click();
    await page.getByLabel('Mallfil (.json)').setInputFiles(broken);
    await expect(page.getByTestId('template-file-problem').innerText()).resolves.toMatch(/areas\.0\.code/);
    await expect(page.getByTestId('template-file-chosen').count()).resolves.toBe(0);
  });
});
