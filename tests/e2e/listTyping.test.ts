import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addNote, readBoardDoc, type CreateWorkshopResponse } from '@samskapa/shared';
import { connect, createWorkshop, synced, waitFor, type Client } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { openBoardAs, personContext, startServerAndBrowser, stopServerAndBrowser } from './helpers/browser';

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Skriva medan andra skriver', 'referensgrupp');
});
afterAll(() => stopServerAndBrowser(server, browser));

describe('the list board while 30 others add notes', () => {
  it('typing in a note’s editor loses no key press, and the note is saved as typed', async () => {
    const { context } = await personContext(browser, server.http, 'Dan');
    const page = await context.newPage();
    await openBoardAs(page, workshop.participantUrl, 'Dan Deltagare');
    await page.getByTestId('view-list').click();
    const g1 = page.locator('section[data-testid="outline-column"][data-area-code="G1"]');
    await g1.getByLabel('Ny lapp i G1').fill('Start');
    await g1.getByRole('button', { name: 'Lägg till' }).click();
    const note = g1.getByTestId('outline-note').filter({ hasText: 'Start' });
    await note.waitFor({ timeout: 30_000 });
    const noteId = (await note.getAttribute('data-note-id'))!;

    // Thirty people add a note to the same area about once a second each, as in a brainstorm.
    const writers: Client[] = [];
    for (let i = 0; i < 30; i++)
      writers.push(connect(server, workshop.id, 'board', workshop.participantToken));
    await Promise.all(writers.map(synced));
    const g1Id = readBoardDoc(writers[0]!.doc).areas.find((a) => a.code === 'G1')!.id;
    let added = 0;
    const timers = writers.map((w, i) =>
      setInterval(
        () => {
          addNote(w.doc, {
            text: `Idé ${i}-${added++}`,
            areaId: g1Id,
            authorId: `w${i}`,
            author: `Skribent ${i}`,
            now: Date.now(),
            pageName: 'Tavla',
          });
        },
        900 + i * 7,
      ),
    );

    const typed =
      ' – vi behöver fler mötesplatser för äldre i länet, både på dagtid och på kvällar, och stöd till anhöriga.';
    try {
      await note.getByRole('button', { name: 'Redigera' }).click();
      const box = g1.getByLabel('Lappens text');
      await box.press('End');
      await box.pressSequentially(typed, { delay: 25 });
      await expect(box.inputValue()).resolves.toBe(`Start${typed}`);
      await box.press('Control+Enter');
    } finally {
      for (const t of timers) clearInterval(t);
    }
    expect(added).toBeGreaterThan(60);
    // Saved as typed, for everyone; the others' notes all arrived too.
    await waitFor(
      () => readBoardDoc(writers[0]!.doc).notes.find((n) => n.id === noteId)?.text === `Start${typed}`,
      'the note is saved as typed',
      30_000,
    );
    await expect.poll(() => g1.getByTestId('outline-note').count(), { timeout: 30_000 }).toBe(added + 1);
    for (const w of writers) w.destroy();
    await context.close();
  });
});
