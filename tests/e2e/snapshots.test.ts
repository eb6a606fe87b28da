import { addNote, readBoardDoc, type CreateWorkshopResponse } from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { connect, createWorkshop, synced, waitFor } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { personContext, startServerAndBrowser, stopServerAndBrowser, waitInPage } from './helpers/browser';

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
const contexts: BrowserContext[] = [];
const TEXTS = ['Gemensam journal', 'Fler sjuksköterskor', 'Övning inför kris'];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Återställning', 'referensgrupp');
  // Three notes outside the areas, written as a participant's browser would.
  const writer = connect(server, workshop.id, 'board', workshop.participantToken);
  await synced(writer);
  for (const text of TEXTS) {
    addNote(writer.doc, {
      text,
      areaId: null,
      authorId: 'p_writer000001',
      author: 'Åsa',
      now: Date.now(),
      pageName: 'Tavla',
    });
  }
  await new Promise((r) => setTimeout(r, 500));
  const reader = connect(server, workshop.id, 'board', workshop.viewerToken);
  await synced(reader);
  await waitFor(() => readBoardDoc(reader.doc).notes.filter((n) => !n.reference).length === 3, 'stored');
  reader.destroy();
  writer.destroy();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopServerAndBrowser(server, browser);
});

/** Opens a link, gives a name when asked, chooses the list board and waits for it. */
async function openListBoard(name: string, url: string): Promise<Page> {
  const { context } = await personContext(browser, server.http, name);
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  const nameField = page.getByLabel(/Ditt namn/);
  const board = page.getByTestId('connection');
  await nameField.or(board).first().waitFor({ timeout: 60_000 });
  if (await nameField.isVisible()) {
    await nameField.fill(name);
    await page.getByRole('button', { name: 'Gå till tavlan' }).click();
  }
  await waitInPage(
    page,
    `${name}'s board is connected`,
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
    '',
    60_000,
  );
  const viewButton = page.getByTestId('view-list');
  const menu = page.getByRole('button', { name: 'Meny' });
  const behindMenu = !(await viewButton.isVisible());
  if (behindMenu) await menu.click();
  await viewButton.click();
  await page.getByTestId('list-board').waitFor({ timeout: 60_000 });
  return page;
}

const notesOn = (page: Page): Locator => page.getByTestId('outline-note');
const textsOn = async (page: Page) =>
  (await notesOn(page).allTextContents()).filter((text) => TEXTS.some((t) => text.includes(t)));

describe('restoring a snapshot in place', () => {
  it('brings notes a participant deleted back on the facilitator’s and the participant’s pages', async () => {
    const facilitator = await openListBoard('Fia Facilitator', workshop.facilitatorUrl);
    const participant = await openListBoard('Dan Deltagare', workshop.participantUrl);
    for (const page of [facilitator, participant]) {
      await expect.poll(() => textsOn(page), { timeout: 30_000 }).toHaveLength(3);
    }

    // The facilitator saves a snapshot from the drawer.
    await facilitator.getByTestId('facilitate-toggle').click();
    const section = facilitator.getByTestId('snapshot-section');
    await section.getByLabel('Namn på ögonblicksbilden').fill('Innan pausen');
    await section.getByRole('button', { name: 'Spara ögonblicksbild' }).click();
    await expect
      .poll(() => section.getByTestId('snapshot-item').allInnerTexts(), { timeout: 20_000 })
      .toEqual([expect.stringContaining('Innan pausen (3 lappar)')]);
    expect(await seriousViolations(facilitator)).toEqual([]);

    // The participant deletes two notes by mistake.
    for (const text of TEXTS.slice(0, 2)) {
      const note = notesOn(participant).filter({ hasText: text });
      await note.getByRole('button', { name: 'Ta bort' }).click();
      await note.getByRole('button', { name: 'Ja, ta bort' }).click();
      await note.waitFor({ state: 'detached', timeout: 20_000 });
    }
    await expect.poll(() => textsOn(facilitator), { timeout: 20_000 }).toHaveLength(1);

    // "Återställ här …" asks first, saying that everyone connected sees the board change.
    await section.getByRole('button', { name: 'Återställ här …' }).click();
    const confirm = section.getByTestId('snapshot-confirm');
    await expect(confirm.innerText()).resolves.toContain('Alla som är anslutna ser tavlan ändras direkt');
    expect(await seriousViolations(facilitator)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, återställ för alla' }).click();
    await expect
      .poll(() => section.getByTestId('snapshot-status').innerText(), { timeout: 20_000 })
      .toContain('är återställd');

    for (const page of [facilitator, participant]) {
      await expect.poll(async () => (await textsOn(page)).length, { timeout: 30_000 }).toBe(3);
      for (const text of TEXTS) {
        await expect(notesOn(page).filter({ hasText: text }).count()).resolves.toBe(1);
      }
    }
  });
});
