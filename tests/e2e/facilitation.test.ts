import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '@samskapa/shared';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBoardDoc, writeControlField } from '@samskapa/shared';
import { connect, createWorkshop, synced, waitFor } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { enterName } from './helpers/board';
import { personContext, startServerAndBrowser, stopServerAndBrowser, waitInPage } from './helpers/browser';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** The phone's clock is this far behind: the countdowns must agree anyway. */
const PHONE_CLOCK_OFF_MS = -4 * 60_000;
const SHOTS_DIR = process.env.FACILITATION_SHOTS_DIR;

let server: RunningServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;
const contexts: BrowserContext[] = [];
let facilitator: Page;
let phone: Page;
let projector: Page;

/** Waits for what a person would see, with a generous deadline (vitest's default is one second). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, server.http);

async function open(
  name: string,
  url: string,
  options = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const { context } = await personContext(browser, server.http, name, options);
  contexts.push(context);
  return { page: await context.newPage(), context };
}

async function connected(page: Page): Promise<void> {
  await waitInPage(
    page,
    'the board says it is connected and the step bar is there',
    () =>
      document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected' &&
      document.querySelector('[data-testid=step-bar]') !== null,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}

/** What each page's countdown shows at one real instant (each read corrected for when it was taken). */
async function countdownsNow(pages: Page[]): Promise<number[]> {
  const t0 = Date.now();
  const reads = await Promise.all(
    pages.map(async (page) => {
      const value = Number(await page.getByTestId('countdown').getAttribute('data-remaining-ms'));
      return { value, at: Date.now() };
    }),
  );
  // A countdown read later has counted down further: add back the time since t0.
  return reads.map((r) => r.value + (r.at - t0));
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  workshop = await createWorkshop(server, 'Referensgruppsmöte', 'referensgrupp');

  const f = await open('facilitator', workshop.facilitatorUrl);
  facilitator = f.page;
  await facilitator.goto(local(workshop.facilitatorUrl));
  await enterName(facilitator, 'Fia Facilitator');
  await connected(facilitator);
  await facilitator.getByTestId('view-list').click();

  const p = await open('phone', workshop.participantUrl, PHONE);
  // The phone's clock is minutes off; it runs on (a paused clock would hold back animation frames).
  await p.context.clock.install({ time: Date.now() + PHONE_CLOCK_OFF_MS });
  phone = p.page;
  await phone.goto(local(workshop.participantUrl));
  await enterName(phone, 'Per Deltagare');
  await connected(phone);

  const v = await open('projector', workshop.viewerUrl, { viewport: { width: 1920, height: 1080 } });
  projector = v.page;
  await projector.goto(local(workshop.viewerUrl));
  await connected(projector);
  await projector.getByTestId('view-list').click();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopServerAndBrowser(server, browser);
});

describe('the referensgrupp workshop, run by a facilitator with a participant on a phone and a projector', () => {
  it('the agenda shows its three steps; starting "Gruppdiskussion" shows its question and a 10:00 countdown on every screen, in step although the phone’s clock is minutes off', async () => {
    await facilitator.getByTestId('facilitate-toggle').click();
    const agenda = facilitator.getByTestId('agenda');
    // The tools are a chunk of their own, fetched when the drawer first opens.
    await agenda.waitFor();
    await expect(agenda.locator('li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Sammanfattning av arbetet så här långt och framåt'),
      expect.stringContaining('Gruppdiskussion'),
      expect.stringContaining('Nästa steg'),
    ]);
    expect(await seriousViolations(facilitator)).toEqual([]);

    await facilitator.getByRole('button', { name: 'Starta steget Gruppdiskussion' }).click();
    for (const page of [facilitator, phone, projector]) {
      await page.getByTestId('step-title').filter({ hasText: 'Gruppdiskussion' }).waitFor();
      await expect(page.getByTestId('step-instruction').innerText()).resolves.toContain(
        'Hur bidrar jag och min verksamhet/enhet/avdelning till samskapandet? Diskutera under 10 min.',
      );
      await expect(page.getByRole('timer').innerText()).resolves.toBe('10:00');
    }

    await facilitator.getByRole('button', { name: 'Starta nedräkningen' }).click();
    for (const page of [facilitator, phone, projector]) {
      await waitInPage(
        page,
        'the countdown runs',
        () =>
          Number(document.querySelector('[data-testid=countdown]')?.getAttribute('data-remaining-ms')) <
          599_000,
      );
    }
    // Each page measured the server's clock; wait until the phone's estimate has settled.
    await phone.waitForTimeout(1500);
    const shown = await countdownsNow([facilitator, phone, projector]);
    expect(Math.max(...shown) - Math.min(...shown), `countdowns ${shown.join(', ')}`).toBeLessThan(1000);
    expect(Math.min(...shown)).toBeGreaterThan(9 * 60_000);
    await shot(projector, 'projector-countdown');
    await shot(phone, 'phone-countdown');
  });

  it('pausing, adding a minute and resetting reach every screen', async () => {
    await facilitator.getByRole('button', { name: 'Pausa' }).click();
    for (const page of [phone, projector]) await page.getByText('Pausad').waitFor();
    const paused = await countdownsNow([facilitator, phone, projector]);
    // Paused, the screens show the same value (no correction for read time applies, but it is small).
    expect(Math.max(...paused) - Math.min(...paused)).toBeLessThan(1000);
    await facilitator.getByRole('button', { name: '+1 minut' }).click();
    await waitInPage(
      phone,
      'the extra minute arrives',
      () =>
        Number(document.querySelector('[data-testid=countdown]')?.getAttribute('data-remaining-ms')) >
        600_000,
    );
    await facilitator.getByRole('button', { name: 'Återställ' }).click();
    await poll(() => projector.getByRole('timer').innerText()).toBe('10:00');
    await facilitator
      .getByRole('button', { name: 'Fortsätt' })
      .or(facilitator.getByRole('button', { name: 'Starta nedräkningen' }))
      .click();
  });

  it('the participant is put in Grupp 1 and sees it on the phone', async () => {
    await facilitator.getByTestId('make-groups').click();
    const select = facilitator.getByRole('combobox', { name: 'Grupp för Per Deltagare' });
    await select.waitFor({ timeout: 30_000 });
    await select.selectOption({ label: 'Grupp 1' });
    await poll(() => phone.getByTestId('my-group').innerText()).toBe('Din grupp: Grupp 1');
    // The phone shows the group's area: the next note goes there.
    await poll(() =>
      phone.getByLabel('Område').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text),
    ).toMatch(/^G1 Grupp 1/);
  });

  it('at one minute left and at zero the screen reader hears it; at zero the countdown changes', async () => {
    const control = connect(server, workshop.id, 'control', workshop.facilitatorToken);
    try {
      await synced(control);
      const timer = (leftMs: number) => ({
        status: 'running' as const,
        durationMs: 600_000,
        endsAt: Date.now() + leftMs,
      });
      writeControlField(control.doc, 'timer', timer(62_000));
      await phone
        .getByTestId('announcement')
        .filter({ hasText: 'En minut kvar.' })
        .waitFor({ timeout: 15_000 });
      writeControlField(control.doc, 'timer', timer(1_500));
      for (const page of [phone, projector]) {
        await page
          .getByTestId('announcement')
          .filter({ hasText: 'Tiden är ute.' })
          .waitFor({ timeout: 15_000 });
        await expect(page.getByTestId('countdown').getAttribute('data-status')).resolves.toBe('expired');
        await expect(page.getByRole('timer').innerText()).resolves.toBe('0:00');
      }
      await shot(projector, 'projector-expired');
    } finally {
      control.destroy();
    }
  });

  it('starting "Nästa steg", a step without groups, ends the groups on every screen: the phone no longer says "Din grupp"', async () => {
    await facilitator.getByRole('button', { name: 'Starta steget Nästa steg' }).click();
    for (const page of [facilitator, phone, projector]) {
      await page.getByTestId('step-title').filter({ hasText: 'Nästa steg' }).waitFor();
    }
    await poll(() => phone.getByTestId('my-group').count()).toBe(0);
    // The step's own question, not the group's from the step before.
    await expect(phone.getByTestId('step-instruction').innerText()).resolves.toContain(
      'Skriv dina svar på de tre frågorna',
    );
    await expect(facilitator.getByTestId('group-section').innerText()).resolves.toContain(
      'Inga grupper i det här steget.',
    );
  });

  it('in silent brainstorming nobody sees a participant’s notes until the facilitator reveals them all at once', async () => {
    await facilitator.getByTestId('start-silent').click();
    const drafts = phone.getByTestId('drafts');
    await drafts.waitFor();
    const f1 = await drafts
      .locator('select')
      .evaluate(
        (select) =>
          Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith('F1'))!.value,
      );
    for (const text of ['Bra att träffas på plats', 'Tydliga protokoll']) {
      await drafts.getByLabel('Ny lapp').fill(text);
      await drafts.locator('select').selectOption(f1);
      await drafts.getByRole('button', { name: 'Spara privat' }).click();
    }
    await expect(drafts.getByTestId('draft').count()).resolves.toBe(2);
    await poll(() => facilitator.getByTestId('draft-count').innerText()).toBe('2 privata lappar hittills.');
    await shot(phone, 'phone-drafts');
    // Private means not sent: nobody else has the text, and neither has the server (its files included).
    for (const page of [facilitator, projector]) {
      await expect(page.getByText('Bra att träffas på plats').count()).resolves.toBe(0);
    }
    for (const file of readdirSync(server.dataDir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const bytes = readFileSync(join(file.parentPath, file.name));
      expect(bytes.includes(Buffer.from('Bra att träffas på plats')), file.name).toBe(false);
    }

    await facilitator.getByTestId('reveal-drafts').click();
    for (const page of [facilitator, projector]) {
      const column = page.locator('[data-testid=outline-column][data-area-code=F1]');
      await column.getByText('Bra att träffas på plats').waitFor({ timeout: 30_000 });
      await column.getByText('Tydliga protokoll').waitFor();
    }
    await expect(phone.getByTestId('drafts').count()).resolves.toBe(0);
  });

  it('each participant has 5 dots, at most 2 on one note; they see only their own dots until the reveal, then notes and areas are ranked', async () => {
    await facilitator.getByTestId('open-vote').click();
    await phone.getByTestId('dots-left').filter({ hasText: 'Du har 5 av 5 prickar kvar' }).waitFor();
    const add = phone.getByRole('button', { name: 'Ge en prick till: Bra att träffas på plats' });
    await add.click();
    await add.click();
    await poll(() => add.isDisabled()).toBe(true);
    await phone.getByRole('button', { name: 'Ge en prick till: Tydliga protokoll' }).click();
    await poll(() => phone.getByTestId('dots-left').innerText()).toContain('Du har 2 av 5 prickar kvar');
    expect(await seriousViolations(phone)).toEqual([]);
    await shot(phone, 'phone-vote');
    // Before the reveal the projector and the facilitator show no totals; the facilitator sees who voted
    // against who is here, in the drawer and, with the drawer closed, above the board.
    await poll(() => facilitator.getByTestId('vote-progress').innerText()).toBe(
      '1 har röstat, 1 här. 3 prickar hittills.',
    );
    await expect(projector.getByTestId('vote-total').count()).resolves.toBe(0);
    await facilitator.getByTestId('facilitate-toggle').click();
    await poll(() => facilitator.locator('#facilitator-panel').isHidden()).toBe(true);
    await poll(() => facilitator.getByTestId('vote-turnout').innerText()).toBe('1 har röstat, 1 här');
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.getByTestId('facilitate-toggle').click();

    await facilitator.getByRole('button', { name: 'Visa resultatet' }).click();
    const ranked = projector.getByTestId('ranked-note');
    await ranked.first().waitFor();
    await expect(ranked.allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Bra att träffas på plats'),
      expect.stringContaining('Tydliga protokoll'),
    ]);
    await expect(
      ranked.evaluateAll((items) => items.map((i) => i.getAttribute('data-votes'))),
    ).resolves.toEqual(['2', '1']);
    await expect(projector.getByTestId('ranked-area').first().innerText()).resolves.toContain('F1');
    // Everyone's result says how many voted and how many were here when it was shown.
    for (const page of [facilitator, projector]) {
      await poll(() => page.getByTestId('results').locator('h2').innerText()).toContain(
        'Resultat (1 har röstat, 1 här)',
      );
    }
    await poll(() => facilitator.getByTestId('vote-turnout').count()).toBe(0);
    await poll(() => phone.getByTestId('vote-total').first().innerText()).toMatch(/prick/);
    expect(await seriousViolations(projector)).toEqual([]);
    await shot(projector, 'projector-results');
  });

  it('the projector shows how to join: the join code in large type and a QR code', async () => {
    const join = projector.getByTestId('projector-join');
    await expect(join.getByTestId('projector-code').innerText()).resolves.toBe(workshop.joinCode);
    await expect(join.getByRole('img').count()).resolves.toBe(1);
  });

  it('when the facilitator locks the board, the phone says so and cannot write; unlocked, it writes again', async () => {
    await facilitator.getByTestId('lock-board').click();
    await phone.getByTestId('locked-notice').waitFor();
    await expect(phone.getByRole('button', { name: 'Lägg till' }).count()).resolves.toBe(0);
    await facilitator.getByTestId('lock-board').click();
    await poll(() => phone.getByTestId('locked-notice').count()).toBe(0);
    await phone.getByRole('button', { name: 'Lägg till' }).waitFor();
  });

  it('the facilitator brings everyone to an area: the phone chooses it, the projector’s list board shows it', async () => {
    const panel = facilitator.getByTestId('facilitator-panel');
    const summon = panel.getByLabel('Ta alla till området');
    const f2 = await summon.evaluate(
      (select) =>
        Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith('F2'))!.value,
    );
    await summon.selectOption(f2);
    await panel.getByRole('button', { name: 'Ta alla dit' }).click();
    // The area picker of the note form (the first "Område" on the phone; each own note's move menu has one too).
    await poll(() =>
      phone
        .getByRole('combobox', { name: 'Område' })
        .first()
        .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text),
    ).toMatch(/^F2 /);
    await poll(() =>
      projector.evaluate(() =>
        document.activeElement?.closest('[data-testid=outline-column]')?.getAttribute('data-area-code'),
      ),
    ).toBe('F2');
  });

  it('a step added during the session appears on the agenda', async () => {
    const panel = facilitator.getByTestId('facilitator-panel');
    await panel.getByText('Lägg till ett steg').click();
    await panel.getByLabel('Stegets namn').fill('Paus');
    await panel.getByLabel('Minuter').fill('15');
    await panel.getByRole('button', { name: 'Lägg till steget' }).click();
    await panel.getByRole('button', { name: 'Starta steget Paus' }).click();
    await poll(() => projector.getByTestId('step-title').innerText()).toBe('Paus');
    await expect(projector.getByRole('timer').innerText()).resolves.toBe('15:00');
    await expect(projector.getByText('Steg 4 av 4').count()).resolves.toBe(1);
  });

  it('going back to "Gruppdiskussion" brings its groups back: the phone says "Din grupp: Grupp 1" again', async () => {
    await facilitator.getByRole('button', { name: 'Starta steget Gruppdiskussion' }).click();
    await poll(() => phone.getByTestId('my-group').innerText()).toBe('Din grupp: Grupp 1');
    await expect(projector.getByTestId('step-title').innerText()).resolves.toBe('Gruppdiskussion');
    expect(await seriousViolations(facilitator)).toEqual([]);
  });
});

describe('three phones revealing their drafts into one area at the same moment', () => {
  it('every note lands in a slot of its own: no two notes’ rectangles overlap', async () => {
    const room = await createWorkshop(server, 'Tre telefoner', 'referensgrupp');
    const control = connect(server, room.id, 'control', room.facilitatorToken);
    const reader = connect(server, room.id, 'board', room.viewerToken);
    try {
      await Promise.all([synced(control), synced(reader)]);
      writeControlField(control.doc, 'brainstorm', { phase: 'silent', round: 1 });
      const phones: Page[] = [];
      for (const name of ['Anna', 'Bo', 'Cia']) {
        const p = await open(name, room.participantUrl, PHONE);
        await p.page.goto(local(room.participantUrl));
        await enterName(p.page, name);
        await connected(p.page);
        const drafts = p.page.getByTestId('drafts');
        await drafts.waitFor();
        for (const k of [1, 2]) {
          await drafts.getByLabel('Ny lapp').fill(`${name}s idé ${k}`);
          const f1 = await drafts
            .locator('select')
            .evaluate(
              (select) =>
                Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith('F1'))!.value,
            );
          await drafts.locator('select').selectOption(f1);
          await drafts.getByRole('button', { name: 'Spara privat' }).click();
        }
        await expect(drafts.getByTestId('draft').count()).resolves.toBe(2);
        phones.push(p.page);
      }

      // The reveal reaches the three phones at once; each publishes before it has seen the others'.
      writeControlField(control.doc, 'brainstorm', { phase: 'revealed', round: 1 });
      const f1 = readBoardDoc(reader.doc).areas.find((a) => a.code === 'F1')!.id;
      const inF1 = () => readBoardDoc(reader.doc).notes.filter((n) => n.areaId === f1 && !n.reference);
      const overlapping = () =>
        inF1().flatMap((a, i) =>
          inF1()
            .slice(i + 1)
            .filter((b) => Math.abs(a.x - b.x) < 200 && Math.abs(a.y - b.y) < 200)
            .map((b) => `${a.text} / ${b.text}`),
        );
      await waitFor(
        () => inF1().length === 6 && overlapping().length === 0,
        'six notes in F1, none covering another',
        30_000,
      );
      for (const page of phones) await expect(page.getByTestId('drafts').count()).resolves.toBe(0);
    } finally {
      control.destroy();
      reader.destroy();
    }
  });
});
