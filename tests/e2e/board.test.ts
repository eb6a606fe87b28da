import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { enterName, noteTexts, waitForBoard } from './helpers/board';
import {
  startServerAndBrowser,
  stopServerAndBrowser,
  personContext,
  waitInPage,
  type RequestLog,
} from './helpers/browser';

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  log: RequestLog;
}

/** A plain GET that leaves the body as sent (fetch would undo the compression). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

let server: RunningServer;
let browser: Browser;
const people: Person[] = [];
let participantUrl = '';
let joinCode = '';
let viewerUrl = '';

async function newPerson(name: string): Promise<Person> {
  const { context, log } = await personContext(browser, server.http, name);
  const page = await context.newPage();
  const person = { name, context, page, log };
  people.push(person);
  return person;
}

/** Fills in the display name on the join page and waits for the connected board. */
async function joinWithName(person: Person): Promise<void> {
  await enterName(person.page, person.name);
  await waitForBoard(person.page);
}

beforeAll(async () => ({ server, browser } = await startServerAndBrowser()));
afterAll(() => stopServerAndBrowser(server, browser));

describe('a workshop on one live board', () => {
  it('a facilitator creates a workshop and gets a participant link, a join code and a QR code', async () => {
    const facilitator = await newPerson('Fia Facilitator');
    await facilitator.page.goto(`${server.http}/`);
    await facilitator.page.getByLabel('Workshopens namn').fill('Referensgruppsmöte');
    await facilitator.page.getByRole('button', { name: 'Skapa workshop' }).click();
    await facilitator.page.getByTestId('created-workshop').waitFor();

    participantUrl = await facilitator.page.getByTestId('participant-link').inputValue();
    joinCode = (await facilitator.page.getByTestId('join-code').innerText()).trim();
    // The facilitator is told when everything will be deleted (90 days by default).
    const deletionYear = new Date(Date.now() + 90 * 86_400_000).getFullYear();
    await expect(facilitator.page.getByTestId('retention').innerText()).resolves.toMatch(
      new RegExp(`raderas automatiskt den .*${deletionYear}`),
    );
    // The tests run on 127.0.0.1: the facilitator is warned that phones cannot open such links.
    await expect(facilitator.page.getByTestId('loopback-warning').innerText()).resolves.toContain(
      'localhost',
    );
    viewerUrl = await facilitator.page.getByTestId('viewer-link').inputValue();
    expect(participantUrl).toMatch(new RegExp(`^${server.http}/w/[A-Za-z0-9_-]{16}#p=`));
    expect(joinCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    // The QR code's encoder is loaded once the workshop exists.
    await facilitator.page.getByRole('img', { name: /QR-kod/ }).waitFor();
    await expect(facilitator.page.getByRole('img', { name: /QR-kod/ }).count()).resolves.toBe(1);

    await facilitator.page.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
    await joinWithName(facilitator);
    await expect(facilitator.page.getByTestId('role').innerText()).resolves.toBe('Facilitator');
  });

  it('a participant joins by the link, and the secret leaves the address bar at once', async () => {
    const dan = await newPerson('Dan Deltagare');
    await dan.page.goto(participantUrl);
    await dan.page.getByLabel(/Ditt namn/).waitFor();
    expect(dan.page.url()).not.toContain('#');
    await joinWithName(dan);
    await expect(dan.page.getByTestId('role').innerText()).resolves.toBe('Deltagare');
  });

  it('another participant joins by typing the join code on the start page', async () => {
    const eva = await newPerson('Eva Deltagare');
    await eva.page.goto(`${server.http}/`);
    await eva.page.getByLabel('Kod', { exact: true }).fill(joinCode.toLowerCase());
    await eva.page.getByRole('button', { name: 'Gå med', exact: true }).click();
    await joinWithName(eva);
    await expect(eva.page.getByTestId('role').innerText()).resolves.toBe('Deltagare');
  });

  it('a sticky note written by one participant shows up with its text for everyone', async () => {
    const [facilitator, dan, eva] = people as [Person, Person, Person];
    const text = 'Fler mötesplatser för unga';
    // Keyboard first: N picks the note tool, a click places the note, typing fills it, Escape ends editing.
    await dan.page.locator('.tl-canvas').click({ position: { x: 400, y: 300 } });
    await dan.page.keyboard.press('n');
    await dan.page.locator('.tl-canvas').click({ position: { x: 400, y: 300 } });
    await dan.page.keyboard.type(text);
    await dan.page.keyboard.press('Escape');

    for (const person of [facilitator, eva, dan]) {
      await waitInPage(
        person.page,
        `${person.name} sees the note with its text`,
        (expected) =>
          Array.from(document.querySelectorAll('.tl-shape[data-shape-type="note"]')).some((n) =>
            (n as HTMLElement).innerText.includes(expected),
          ),
        text,
      );
      await expect(noteTexts(person.page)).resolves.toContain(text);
    }
  });

  it("another person's cursor is visible with their name", async () => {
    const [facilitator, , eva] = people as [Person, Person, Person];
    const canvas = eva.page.locator('.tl-canvas');
    const box = (await canvas.boundingBox())!;
    const deadline = Date.now() + 30_000;
    let seen = false;
    // Keep moving, as a person does: tldraw hides collaborators who have been still for a while.
    for (let i = 0; !seen && Date.now() < deadline; i++) {
      await eva.page.mouse.move(box.x + 200 + (i % 20) * 10, box.y + 200 + (i % 7) * 10);
      seen = await facilitator.page
        .locator('.tl-collaborators__item, .tl-nametag')
        .filter({ hasText: 'Eva Deltagare' })
        .count()
        .then((n) => n > 0);
      if (!seen) await eva.page.waitForTimeout(150);
    }
    expect(seen).toBe(true);
  });

  it("tldraw's own menus speak Swedish, and English once English is chosen", async () => {
    const [, dan] = people as [Person, Person];
    const selectTool = dan.page.locator('[data-testid="tools.select"]');
    const label = async () =>
      `${(await selectTool.getAttribute('aria-label')) ?? ''} ${(await selectTool.getAttribute('title')) ?? ''}`;
    await expect.poll(label, { timeout: 30_000 }).toContain('Välj');
    await dan.page.getByLabel('Språk').selectOption('en');
    await expect.poll(label, { timeout: 30_000 }).toContain('Select');
    await dan.page.getByRole('button', { name: 'More options' }).click();
    await expect(dan.page.getByRole('button', { name: 'Change name' }).count()).resolves.toBe(1);
    await dan.page.getByRole('button', { name: 'More options' }).click();
    await dan.page.getByLabel('Language').selectOption('sv');
  });

  it('a participant who loses the network sees it, keeps writing, and the note arrives when back', async () => {
    const [facilitator, , eva] = people as [Person, Person, Person];
    const text = 'Skriven utan nät';
    await eva.context.setOffline(true);
    await waitInPage(
      eva.page,
      'Eva sees that she is offline',
      () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'offline',
    );
    await eva.page.keyboard.press('n');
    await eva.page.locator('.tl-canvas').click({ position: { x: 700, y: 450 } });
    await eva.page.keyboard.type(text);
    await eva.page.keyboard.press('Escape');
    await eva.context.setOffline(false);
    await waitForBoard(eva.page);
    await expect.poll(() => noteTexts(facilitator.page), { timeout: 30_000 }).toContain(text);
  });

  it('a viewer (projector) sees the board live but cannot change it', async () => {
    const [facilitator] = people as [Person];
    const projector = await newPerson('Projektor');
    await projector.page.goto(viewerUrl);
    await waitForBoard(projector.page);
    await expect(projector.page.getByTestId('role').innerText()).resolves.toBe('Visning');
    await expect
      .poll(() => noteTexts(projector.page), { timeout: 30_000 })
      .toContain('Fler mötesplatser för unga');
    const before = (await noteTexts(facilitator.page)).length;
    await projector.page.keyboard.press('n');
    // Inside the canvas below the projector's large step bar and join code.
    await projector.page.locator('.tl-canvas').click({ position: { x: 900, y: 200 } });
    await projector.page.keyboard.type('ska inte synas');
    await projector.page.waitForTimeout(1000);
    expect(await noteTexts(facilitator.page)).toHaveLength(before);
    await expect(projector.page.getByTestId('connection').getAttribute('data-state')).resolves.toBe(
      'connected',
    );
  });

  it('a link with a wrong secret is refused and the board says why', async () => {
    const mallory = await newPerson('Mallory');
    const wrong = participantUrl.replace(/#p=.*/, '#p=not-a-real-token');
    await mallory.page.goto(wrong);
    await enterName(mallory.page, mallory.name);
    await waitInPage(
      mallory.page,
      'the board says the connection was refused',
      () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'rejected',
    );
    await expect(mallory.page.getByTestId('connection').innerText()).resolves.toContain(
      'länken gäller inte längre',
    );
  });

  it('every request the pages made went to their own origin', () => {
    for (const person of people) {
      // eslint-disable-next-line no-console -- the count is part of the report this test gives
      console.log(
        `${person.name}: ${person.log.sameOrigin.length} requests to ${server.http}, ${person.log.foreign.length} elsewhere`,
      );
      expect(person.log.foreign).toEqual([]);
      expect(person.log.sameOrigin.length).toBeGreaterThan(0);
    }
  });
});

describe('what a phone downloads', () => {
  it("the app's code arrives compressed, and a client that takes no compression gets it as it is", async () => {
    const visitor = await newPerson('Mobil');
    const scripts: { url: string; encoding: string | undefined; sent: number; size: number }[] = [];
    visitor.page.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      void Promise.all([response.request().sizes(), response.body()]).then(([sizes, body]) =>
        scripts.push({
          url: response.url(),
          encoding: response.headers()['content-encoding'],
          sent: sizes.responseBodySize,
          size: body.byteLength,
        }),
      );
    });
    await visitor.page.goto(`${server.http}/`);
    await visitor.page.getByLabel('Workshopens namn').waitFor();
    await expect.poll(() => scripts.length, { timeout: 30_000 }).toBeGreaterThan(0);
    // The page loads its code in several chunks; the largest one is the app itself.
    const main = scripts.reduce((a, b) => (b.size > a.size ? b : a));
    // eslint-disable-next-line no-console -- the figure is part of the report this test gives
    console.log(`main script: ${main!.size} bytes, ${main!.sent} sent (${main!.encoding})`);
    expect(['br', 'gzip']).toContain(main!.encoding);
    expect(main!.sent).toBeLessThan(main!.size / 3);

    const raw = await get(main!.url, {});
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.headers.vary).toBe('accept-encoding');
    expect(raw.body.byteLength).toBe(main!.size);
    const refusedBrotli = await get(main!.url, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refusedBrotli.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(refusedBrotli.body).equals(raw.body)).toBe(true);
    const brotli = await get(main!.url, { 'accept-encoding': 'gzip, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(raw.body)).toBe(true);
  });
});

describe('accessibility (axe-core): no serious or critical violations', () => {
  it('on the start page', async () => {
    const visitor = await newPerson('Axe start');
    await visitor.page.goto(`${server.http}/`);
    await visitor.page.getByLabel('Workshopens namn').waitFor();
    expect(await seriousViolations(visitor.page)).toEqual([]);
  });

  it('on the join page', async () => {
    const visitor = await newPerson('Axe join');
    await visitor.page.goto(participantUrl);
    await visitor.page.getByLabel(/Ditt namn/).waitFor();
    expect(await seriousViolations(visitor.page)).toEqual([]);
  });

  it('on the board', async () => {
    const [facilitator] = people as [Person];
    expect(await seriousViolations(facilitator.page)).toEqual([]);
  });
});
