import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { boardRecords, readBoardDoc, type CreateWorkshopResponse, type StoredRecord } from '@samskapa/shared';
import { connect, createWorkshop, synced, waitFor } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import {
  openBoardAs,
  personContext,
  startServerAndBrowser,
  stopServerAndBrowser,
  waitForConnected,
} from './helpers/browser';

/** Screenshots to be looked at by a person (not compared). */
const SHOTS = '/tmp/shots';

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Nekad ändring', 'referensgrupp');
});
afterAll(() => stopServerAndBrowser(server, browser));

async function joinInList(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context } = await personContext(browser, server.http, name);
  const page = await context.newPage();
  await openBoardAs(page, workshop.participantUrl, name);
  await page.getByTestId('view-list').click();
  await page.getByTestId('outline-column').first().waitFor({ timeout: 30_000 });
  return { context, page };
}

describe('a change the server refuses', () => {
  it('the writer is told "Ändringen kunde inte sparas", its board shows what the server has, and it writes again', async () => {
    const { context, page } = await joinInList('Dan Deltagare');
    const note = page.getByTestId('outline-note').filter({ hasText: 'Tidig idé' });
    // A note of the participant's own, written while online.
    const unplaced = page.locator('section[data-testid="outline-column"][data-area-code=""]');
    await unplaced.getByLabel('Ny lapp utan område').fill('Tidig idé');
    await unplaced.getByRole('button', { name: 'Lägg till' }).click();
    await note.waitFor({ timeout: 30_000 });
    const noteId = (await note.getAttribute('data-note-id'))!;

    const facilitator = connect(server, workshop.id, 'board', workshop.facilitatorToken);
    await synced(facilitator);
    await waitFor(() => boardRecords(facilitator.doc).has(noteId), 'the facilitator has the note');

    // Offline, the participant rewrites it; meanwhile the facilitator makes it reference content.
    await context.setOffline(true);
    await note.getByRole('button', { name: 'Redigera' }).click();
    const box = page.getByLabel('Lappens text');
    await box.fill('Omskriven offline');
    await box.press('Control+Enter');
    await page.getByTestId('outline-note').filter({ hasText: 'Omskriven offline' }).waitFor();
    const record = boardRecords(facilitator.doc).get(noteId) as StoredRecord & { meta: object };
    boardRecords(facilitator.doc).set(noteId, {
      ...record,
      isLocked: true,
      meta: { ...record.meta, reference: true },
    });
    const check = connect(server, workshop.id, 'board', workshop.viewerToken);
    await synced(check);
    await waitFor(
      () => readBoardDoc(check.doc).notes.find((n) => n.id === noteId)?.reference === true,
      'stored',
    );
    check.destroy();

    // Back online: the edit of what is now reference content is refused, and the browser says so.
    await context.setOffline(false);
    const notice = page.getByTestId('notice');
    await expect
      .poll(() => notice.innerText().catch(() => ''), { timeout: 60_000 })
      .toContain('Ändringen kunde inte sparas');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/refused-change.png` });
    await waitForConnected(page);
    // The board shows what the server holds: the text as it was, for everyone.
    await expect
      .poll(() => page.getByTestId('outline-note').filter({ hasText: 'Tidig idé' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect(
      page.getByTestId('outline-note').filter({ hasText: 'Omskriven offline' }).count(),
    ).resolves.toBe(0);
    expect(readBoardDoc(facilitator.doc).notes.find((n) => n.id === noteId)?.text).toBe('Tidig idé');

    // And the participant goes on writing.
    const again = page.locator('section[data-testid="outline-column"][data-area-code=""]');
    await again.getByLabel('Ny lapp utan område').fill('Efter omstarten');
    await again.getByRole('button', { name: 'Lägg till' }).click();
    await waitFor(
      () => readBoardDoc(facilitator.doc).notes.some((n) => n.text === 'Efter omstarten'),
      'the next note arrives',
      30_000,
    );
    facilitator.destroy();
    await context.close();
  });
});
