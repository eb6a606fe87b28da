import type { Page } from 'playwright-core';
import { waitInPage } from './browser';

/** Waits for the canvas and for the board to say it is connected. */
export async function waitForBoard(page: Page): Promise<void> {
  await page.locator('.tl-canvas').waitFor({ timeout: 60_000 });
  await waitInPage(
    page,
    'the board says it is connected',
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
  );
}

/** Gives the display name on the join page and goes to the board (without waiting for it). */
export async function enterName(page: Page, name: string): Promise<void> {
  await page.getByLabel(/Ditt namn/).fill(name);
  await page.getByRole('button', { name: 'Gå till tavlan' }).click();
}

/** The text of every note the page shows (the note's label, without the author line tldraw adds). */
export function noteTexts(page: Page): Promise<string[]> {
  return page
    .locator('.tl-shape[data-shape-type="note"] .tl-rich-text')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText.trim()));
}

/** Chooses the area whose code is `code` ("" for none) in the phone view's area choice. */
export async function chooseArea(page: Page, code: string): Promise<void> {
  const select = page.locator('#phone-area');
  const value = await select.evaluate(
    (el, wanted) =>
      Array.from((el as HTMLSelectElement).options).find((o) =>
        wanted ? o.text.startsWith(`${wanted} `) : o.value === '',
      )?.value,
    code,
  );
  if (value === undefined) throw new Error(`no area ${code} to choose`);
  await select.selectOption(value);
}
