import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '@samskapa/shared';
import type { RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { personContext, startServerAndBrowser, stopServerAndBrowser, waitInPage } from './helpers/browser';

/** Screenshots of the cockpit, to be looked at by a person (not compared). */
const SHOT = (name: string) => `/tmp/cockpit-${name}.png`;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
});
afterAll(() => stopServerAndBrowser(server, browser));

async function newPage(name: string): Promise<Page> {
  const { context } = await personContext(browser, server.http, name);
  return context.newPage();
}

/** A link from the server, opened on the test server's origin. */
const onServer = (url: string) => {
  const parsed = new URL(url);
  return `${server.http}${parsed.pathname}${parsed.hash}`;
};

/** Waits until the page's board says it is connected. */
function connected(page: Page, who: string): Promise<void> {
  return waitInPage(
    page,
    `${who}'s board says it is connected`,
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
    '',
    60_000,
  );
}

/** Gives the display name on the join step and waits for the board. */
async function enterNameAndWait(page: Page, name: string): Promise<void> {
  await page.getByLabel(/Ditt namn/).fill(name);
  await page.getByRole('button', { name: 'Gå till tavlan' }).click();
  await connected(page, name);
}

/** Creates a workshop on the start page, as a facilitator would; returns what the server answered. */
async function createThroughStartPage(page: Page, title: string): Promise<CreateWorkshopResponse> {
  await page.goto(`${server.http}/`);
  await page.getByLabel('Workshopens namn').fill(title);
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/workshops') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Skapa workshop' }).click();
  const workshop = (await (await answer).json()) as CreateWorkshopResponse;
  await page.getByTestId('created-heading').waitFor();
  return workshop;
}

/** The titles "Mina workshoppar" lists, with the state each is shown in. */
function myWorkshops(page: Page): Promise<{ title: string; state: string | null }[]> {
  return page.getByTestId('my-workshop').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('.my-workshop-title > a, .my-workshop-title > span')?.textContent ?? '',
      state: item.getAttribute('data-state'),
    })),
  );
}

describe("the facilitator's cockpit", () => {
  let facilitator: Page;
  let participant: Page;
  let workshop: CreateWorkshopResponse;
  const title = 'Referensgrupp – cockpit';

  it('a workshop created on the start page is listed under "Mina workshoppar" and opens as facilitator', async () => {
    facilitator = await newPage('facilitator');
    workshop = await createThroughStartPage(facilitator, title);
    const list = facilitator.getByTestId('my-workshops');
    await list.getByRole('heading', { name: 'Mina workshoppar' }).waitFor();
    expect(await myWorkshops(facilitator)).toEqual([{ title, state: 'present' }]);
    await facilitator.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
    await enterNameAndWait(facilitator, 'Fia Facilitator');
    expect(await facilitator.getByTestId('role').textContent()).toBe('Facilitator');

    // After a reload of the start page the list is still there, and its link opens the board again.
    await facilitator.goto(`${server.http}/`);
    await facilitator.getByRole('link', { name: title }).click();
    await connected(facilitator, 'the facilitator');
    expect(await facilitator.getByTestId('role').textContent()).toBe('Facilitator');
  });

  it('"Dela" shows the join code the server gave, a QR code and the participant link; Escape closes it', async () => {
    const share = facilitator.getByRole('button', { name: 'Dela' });
    await share.click();
    const dialog = facilitator.getByRole('dialog', { name: 'Bjud in deltagare' });
    await dialog.waitFor();
    await dialog.getByTestId('share-join-code').waitFor();
    expect(await dialog.getByTestId('share-join-code').textContent()).toBe(workshop.joinCode);
    await dialog.getByRole('img', { name: 'QR-kod till deltagarlänken' }).waitFor();
    expect(await dialog.getByTestId('share-participant-link').inputValue()).toBe(
      onServer(workshop.participantUrl),
    );
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: SHOT('share-1280') });

    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await facilitator.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'share-open',
    );
  });

  it('a participant who joins is shown to the facilitator by name, and counted once', async () => {
    participant = await newPage('participant');
    await participant.goto(onServer(workshop.participantUrl));
    await enterNameAndWait(participant, 'Dan Deltagare');
    // Participants have no share panel and no list of who is here.
    expect(await participant.getByRole('button', { name: 'Dela' }).count()).toBe(0);
    expect(await participant.getByTestId('people-open').count()).toBe(0);

    const people = facilitator.getByTestId('people-open');
    await waitInPage(
      facilitator,
      'the facilitator sees one participant',
      () => document.querySelector('[data-testid=people-open]')?.textContent === '1 deltagare',
    );
    await people.click();
    expect(await facilitator.getByTestId('people-list').locator('li').allTextContents()).toEqual([
      'Dan Deltagare',
    ]);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: SHOT('people-1280') });
    await facilitator.keyboard.press('Escape');
    expect(await people.getAttribute('aria-expanded')).toBe('false');
  });

  it('the projector link opens without asking a name, shows the code, and is never counted', async () => {
    const projector = await newPage('projector');
    await projector.goto(onServer(workshop.viewerUrl));
    await connected(projector, 'the projector');
    expect(await projector.getByLabel(/Ditt namn/).count()).toBe(0);
    expect(await projector.getByTestId('role').textContent()).toBe('Visning');
    await projector.getByRole('button', { name: 'Dela' }).click();
    const dialog = projector.getByRole('dialog', { name: 'Bjud in deltagare' });
    await dialog.getByTestId('share-join-code').waitFor();
    expect(await dialog.getByTestId('share-join-code').textContent()).toBe(workshop.joinCode);
    expect(await projector.getByRole('button', { name: /Radera/ }).count()).toBe(0);

    // A second participant comes after the projector: when the facilitator sees them, the projector's
    // presence has long arrived, and it is not among the people here.
    const second = await newPage('second participant');
    await second.goto(onServer(workshop.participantUrl));
    await enterNameAndWait(second, 'Eva Ek');
    await waitInPage(
      facilitator,
      'the facilitator sees two participants',
      () => document.querySelector('[data-testid=people-open]')?.textContent === '2 deltagare',
    );
    await facilitator.getByTestId('people-open').click();
    expect(await facilitator.getByTestId('people-list').locator('li').allTextContents()).toEqual([
      'Dan Deltagare',
      'Eva Ek',
    ]);
    await facilitator.keyboard.press('Escape');
    await second.context().close();
    await waitInPage(
      facilitator,
      'the participant who left is no longer counted',
      () => document.querySelector('[data-testid=people-open]')?.textContent === '1 deltagare',
    );
    await projector.context().close();
  });

  it('on a phone, "Dela" and who is here are in "Meny", and each Escape closes one thing', async () => {
    await facilitator.setViewportSize({ width: 360, height: 740 });
    // The header's "Meny" (tldraw's canvas has a menu button of the same name).
    const menu = facilitator.locator('button[aria-controls=header-menu-panel]');
    await menu.click();
    await facilitator.getByRole('button', { name: 'Dela' }).click();
    const dialog = facilitator.getByRole('dialog', { name: 'Bjud in deltagare' });
    await dialog.getByTestId('share-join-code').waitFor();
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: SHOT('share-360') });
    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');

    await facilitator.getByTestId('people-open').click();
    await facilitator.getByTestId('people-list').waitFor();
    await facilitator.screenshot({ path: SHOT('people-360') });
    await facilitator.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await facilitator.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await facilitator.setViewportSize({ width: 1280, height: 800 });
  });

  it('deleting asks in the page, names the workshop, and then every board says it is gone', async () => {
    await facilitator.getByRole('button', { name: 'Fler val' }).click();
    const open = facilitator.getByRole('button', { name: 'Radera workshopen …' });
    await open.click();
    const dialog = facilitator.getByRole('dialog', { name: `Radera workshopen ”${title}”?` });
    await dialog.waitFor();
    // The safe choice has the focus; cancelling changes nothing.
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: SHOT('delete-1280') });
    await facilitator.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await facilitator.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'delete-open',
    );

    await open.click();
    await dialog.getByRole('button', { name: 'Radera för alltid' }).click();
    await facilitator.getByRole('heading', { name: 'Workshopen finns inte längre' }).waitFor();
    await participant.getByTestId('workshop-gone').waitFor({ timeout: 30_000 });
    expect((await fetch(`${server.http}/api/join/${workshop.joinCode}`)).status).toBe(404);

    // The deleted workshop has left "Mina workshoppar".
    await facilitator.goto(`${server.http}/`);
    await facilitator.getByRole('heading', { name: 'Skapa en workshop' }).waitFor();
    expect(await myWorkshops(facilitator)).toEqual([]);
  });

  it('a listed workshop deleted elsewhere is shown as deleted, and can be removed from the list', async () => {
    const other = await createThroughStartPage(facilitator, 'Framtidsläge');
    const deleted = await fetch(`${server.http}/api/workshops/${other.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other.facilitatorToken}` },
    });
    expect(deleted.status).toBe(204);
    await facilitator.reload();
    await waitInPage(
      facilitator,
      'the list shows the workshop as deleted',
      () => document.querySelector('[data-testid=my-workshop]')?.getAttribute('data-state') === 'deleted',
    );
    expect(await myWorkshops(facilitator)).toEqual([{ title: 'Framtidsläge', state: 'deleted' }]);
    expect(await facilitator.getByTestId('my-workshops').getByText('Raderad').count()).toBe(1);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: SHOT('mine-1280'), fullPage: true });
    await facilitator.getByRole('button', { name: 'Ta bort ur listan: Framtidsläge' }).click();
    expect(await myWorkshops(facilitator)).toEqual([]);
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Mina workshoppar');
  });
});
