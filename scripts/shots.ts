// `pnpm shots [folder]`: renders the referensgrupp session at 360×740, 1280×800 and 1920×1080, in Swedish
// and English, into a folder of PNGs for people to look at before a release (not part of `pnpm test`).
// It starts its own server on a free port with a temporary data directory, and Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CreateWorkshopResponse, Locale } from '@samskapa/shared';
import { startServer, type RunningServer } from '../tests/integration/helpers/server';
import { launchChromium, personContext, waitInPage } from '../tests/e2e/helpers/browser';

const out = resolve(process.argv[2] ?? 'shots');
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
const WALL = { viewport: { width: 1920, height: 1080 } };
const NAME_LABEL: Record<Locale, RegExp> = { sv: /Ditt namn/, en: /Your name/ };
const GO_BUTTON: Record<Locale, string> = { sv: 'Gå till tavlan', en: 'Go to the board' };

const notes: Record<Locale, string[]> = {
  sv: [
    'Vi behöver en gemensam bild av vårdens flöden',
    'Fler träffar på plats',
    'Tydligare roller mellan region och kommun',
    'Dela dokumentation tidigare',
  ],
  en: [
    'We need a shared picture of the care pathways',
    'More meetings in person',
    'Clearer roles between region and municipality',
    'Share documentation earlier',
  ],
};

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const taken: string[] = [];

const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, server.http);

async function person(locale: Locale, name: string, options: object): Promise<Page> {
  const { context } = await personContext(browser, server.http, name, options);
  contexts.push(context);
  await context.addInitScript((l) => localStorage.setItem('samskapa.locale', l), locale);
  return context.newPage();
}

async function join(page: Page, url: string, locale: Locale, name: string | null): Promise<void> {
  await page.goto(local(url));
  if (name) {
    const field = page.getByLabel(NAME_LABEL[locale]);
    // The facilitator's name may carry over from the start page: then no name is asked.
    if (await field.isVisible({ timeout: 5_000 }).catch(() => false)) {
      await field.fill(name);
      await page.getByRole('button', { name: GO_BUTTON[locale] }).click();
    }
  }
  await waitInPage(
    page,
    'the board is connected',
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
    '',
    60_000,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  const path = `${out}/${name}.png`;
  await page.screenshot({ path });
  taken.push(path);
}

/** One step of the walk; a step that fails is reported and the walk goes on with the next. */
async function step(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    console.error(`shots: ${what} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function session(locale: Locale): Promise<void> {
  const res = await fetch(`${server.http}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: locale === 'sv' ? 'Referensgruppsmöte' : 'Reference group meeting',
      template: 'referensgrupp',
      locale,
    }),
  });
  const w = (await res.json()) as CreateWorkshopResponse;

  const facilitator = await person(locale, 'facilitator', LAPTOP);
  await join(facilitator, w.facilitatorUrl, locale, 'Fia');
  await facilitator.locator('.tl-canvas').waitFor({ timeout: 60_000 });
  const phones = [await person(locale, 'phone-1', PHONE), await person(locale, 'phone-2', PHONE)];
  await join(phones[0]!, w.participantUrl, locale, 'Per');
  await join(phones[1]!, w.participantUrl, locale, 'Pia');
  const projector = await person(locale, 'projector', WALL);
  await join(projector, w.viewerUrl, locale, null);
  const prefix = `${locale}-`;

  await step('notes from the phones', async () => {
    for (const [i, text] of notes[locale].entries()) {
      const phone = phones[i % 2]!;
      await phone.locator('textarea').first().fill(text);
      await phone.locator('form button[type=submit]').first().click();
    }
    await phone1Settled(phones[0]!);
  });
  await shot(facilitator, `${prefix}1280-canvas`);
  await shot(projector, `${prefix}1920-projector-canvas`);
  await shot(phones[0]!, `${prefix}360-phone`);

  await step('the drawer and a running step', async () => {
    await facilitator.getByTestId('facilitate-toggle').click();
    await facilitator.getByTestId('agenda').waitFor();
    await facilitator.getByTestId('agenda').locator('li').nth(1).getByRole('button').click();
    await facilitator.getByTestId('step-title').waitFor();
  });
  await shot(facilitator, `${prefix}1280-drawer-step`);
  await step('groups', async () => {
    await facilitator.getByTestId('make-groups').click();
    await phones[0]!.getByTestId('my-group').waitFor({ timeout: 20_000 });
  });
  await shot(facilitator, `${prefix}1280-drawer-groups`);
  await shot(phones[0]!, `${prefix}360-phone-group`);
  await shot(projector, `${prefix}1920-projector-step`);

  await step('voting', async () => {
    await facilitator.getByTestId('open-vote').click();
    await phones[0]!.getByTestId('dots-left').first().waitFor({ timeout: 20_000 });
  });
  await shot(phones[0]!, `${prefix}360-phone-voting`);
  await shot(facilitator, `${prefix}1280-voting`);
  await step('votes and the reveal', async () => {
    for (const phone of phones) {
      // The second button of a note's vote control adds a dot.
      const add = phone.locator('[data-testid=vote-control] button:last-child');
      for (let i = 0; i < 3 && i < (await add.count()); i++) await add.nth(i).click();
    }
    await facilitator.getByTestId('vote-section').locator('button.primary').first().click();
    await projector.getByTestId('results').waitFor({ timeout: 20_000 });
  });
  await facilitator
    .getByTestId('facilitate-toggle')
    .click()
    .catch(() => undefined);
  await shot(facilitator, `${prefix}1280-results`);
  await shot(projector, `${prefix}1920-projector-results`);
  await shot(phones[0]!, `${prefix}360-phone-results`);
  await step('the list board on the laptop (the board without the canvas)', async () => {
    await facilitator.getByTestId('view-list').click();
    await facilitator.getByTestId('list-board').waitFor();
  });
  await shot(facilitator, `${prefix}1280-list`);
  await step('the list board on the wall', async () => {
    await projector.getByTestId('view-list').click();
    await projector.locator('.list-board, [data-view=list]').first().waitFor();
  });
  await shot(projector, `${prefix}1920-projector-list`);
}

async function phone1Settled(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  // The pictures show what users get: the production build of the current sources.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: resolve(import.meta.dirname, '../client'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('building the client failed');
  server = await startServer();
  browser = await launchChromium();
  try {
    // SHOTS_LOCALES=sv renders one language only (quicker while working on a screen).
    const locales = (process.env.SHOTS_LOCALES ?? 'sv,en').split(',') as Locale[];
    for (const locale of locales) await session(locale);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser.close();
    await server.stop();
  }
  console.log(`${taken.length} screenshots in ${out}:\n${taken.join('\n')}`);
  console.log('Reproduce: npx pnpm@10.34.8 shots [folder]');
}

await main();
