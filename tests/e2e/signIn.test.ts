import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMSKAPA_CLIENT, startTestProvider, type TestProvider } from '../integration/helpers/oidcProvider';
import { freePort, startServer, type RunningServer } from '../integration/helpers/server';
import { seriousViolations } from './helpers/axe';
import { launchChromium, waitForConnected } from './helpers/browser';
import { createWorkshop } from '../integration/helpers/clients';

let provider: TestProvider;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const port = await freePort();
  provider = await startTestProvider([`http://127.0.0.1:${port}`]);
  server = await startServer({
    port,
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: SAMSKAPA_CLIENT.id,
      OIDC_CLIENT_SECRET: SAMSKAPA_CLIENT.secret,
      LOG_LEVEL: 'info',
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await provider?.stop();
});

/**
 * A fresh browser (its own cookies and storage: another device or person) that may reach Samskapa and
 * the sign-in provider, and nothing else.
 */
async function device(name: string, origin = server.http): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const allowed = new Set([origin, provider.issuer]);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || allowed.has(new URL(url).origin)) {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  return page;
}

/** "Logga in" on the start page, with the keyboard; the test provider signs in without a page of its own. */
async function signInFromStartPage(page: Page, name: string): Promise<void> {
  const link = page.getByRole('link', { name: 'Logga in' }).first();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').getByText(`Inloggad som ${name}`).waitFor({ timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(server.http);
}

/** Gives a name if the board asks for one, and waits until it is connected. */
async function onBoard(page: Page, name: string): Promise<void> {
  const nameField = page.getByLabel(/Ditt namn/);
  await nameField.or(page.getByTestId('connection')).first().waitFor({ timeout: 60_000 });
  if (await nameField.isVisible()) {
    await nameField.fill(name);
    await page.getByRole('button', { name: 'Gå till tavlan' }).click();
  }
  await waitForConnected(page, `${name}'s board is connected`);
  await page.getByTestId('view-list').click();
}

/** "Lås tavlan" in the facilitator's panel ("Facilitera"), which only a facilitator has. */
function lockButton(page: Page) {
  return page.getByTestId('lock-board');
}

/** Opens the facilitator's panel. */
async function openPanel(page: Page): Promise<void> {
  if (await lockButton(page).isVisible()) return;
  await page.getByRole('button', { name: 'Facilitera' }).click();
  await lockButton(page).waitFor();
}

const TITLE = 'Referensgrupp – inloggad';

describe('facilitators sign in with OpenID Connect', () => {
  let laptop: Page;
  let phone: Page;
  let bob: Page;
  let workshopId: string;

  it('signs in from the start page, creates a workshop and finds it under "Mina workshoppar"', async () => {
    laptop = await device('alice on the laptop');
    await laptop.goto(`${server.http}/`);
    await laptop.getByRole('link', { name: 'Logga in' }).waitFor();
    expect(await seriousViolations(laptop)).toEqual([]);
    await signInFromStartPage(laptop, 'Alice Andersson');
    await laptop.getByTestId('account-workshops').getByText('Inga ännu').waitFor();

    await laptop.getByLabel('Workshopens namn').fill(TITLE);
    const answer = laptop.waitForResponse(
      (r) => r.url().endsWith('/api/workshops') && r.request().method() === 'POST',
    );
    await laptop.getByRole('button', { name: 'Skapa workshop' }).click();
    workshopId = ((await (await answer).json()) as { id: string }).id;
    await laptop.getByTestId('created-heading').waitFor();
    await laptop.getByTestId('account-workshop').getByRole('link', { name: TITLE }).waitFor();
    expect(await seriousViolations(laptop)).toEqual([]);
  });

  it('a second browser signed in as the same person lists it from the server, with notes and deletion date, and opens it as facilitator', async () => {
    phone = await device('alice on another device');
    await phone.goto(`${server.http}/`);
    await signInFromStartPage(phone, 'Alice Andersson');
    const entry = phone.getByTestId('account-workshop').filter({ hasText: TITLE });
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('0 lappar');
    expect(text).toMatch(/Raderas \d/);
    expect(await seriousViolations(phone)).toEqual([]);
    await entry.getByRole('link', { name: TITLE }).click();
    await onBoard(phone, 'Alice (mobil)');
    expect(phone.url()).toBe(`${server.http}/w/${workshopId}`);
    await openPanel(phone);
  });

  it('adds a co-facilitator with a one-time link; they sign in, accept it and control the workshop', async () => {
    await laptop.getByRole('button', { name: 'Öppna tavlan som facilitator' }).click();
    await onBoard(laptop, 'Alice');
    await laptop.getByTestId('share-open').click();
    const panel = laptop.getByTestId('co-facilitators');
    await panel.waitFor();
    await panel.getByTestId('create-invitation-link').click();
    const link = await laptop.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/#invite=/);
    expect(await seriousViolations(laptop)).toEqual([]);
    await laptop.keyboard.press('Escape');

    provider.signInAs('bob');
    bob = await device('bob');
    await bob.goto(link);
    await bob.getByTestId('invitation-sign-in').waitFor();
    await bob.getByTestId('invitation-sign-in').getByRole('link', { name: 'Logga in' }).click();
    await bob.getByText(`Du är nu medfacilitator för ”${TITLE}”.`).waitFor({ timeout: 30_000 });
    await bob.getByRole('button', { name: `Öppna ”${TITLE}”` }).click();
    await onBoard(bob, 'Bob');
    // Bob locks the board over his control socket; Alice's board shows it locked.
    await openPanel(bob);
    await openPanel(laptop);
    await lockButton(bob).click();
    await laptop.locator('[data-testid=lock-board][aria-pressed=true]').waitFor({ timeout: 30_000 });
    const role = await bob.evaluate(async (id) => {
      const res = await fetch(`/api/workshops/${id}`, { headers: { authorization: 'Bearer signed-in' } });
      return ((await res.json()) as { role: string }).role;
    }, workshopId);
    expect(role).toBe('facilitator');
  });

  it('the owner removes the co-facilitator: his board is disconnected and he is a facilitator no more', async () => {
    await laptop.getByTestId('share-open').click();
    const panel = laptop.getByTestId('co-facilitators');
    await panel.getByRole('button', { name: 'Ta bort Bob Berg som medfacilitator' }).click();
    await panel.getByTestId('member').filter({ hasText: 'Bob Berg' }).waitFor({ state: 'detached' });
    await laptop.keyboard.press('Escape');
    await bob.waitForFunction(
      () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') !== 'connected',
      undefined,
      { timeout: 30_000 },
    );
    const status = await bob.evaluate(async (id) => {
      const res = await fetch(`/api/workshops/${id}`, { headers: { authorization: 'Bearer signed-in' } });
      return res.status;
    }, workshopId);
    expect(status).toBe(401);
  });

  it('the owner invites by e-mail and withdraws the invitation, with the keyboard only', async () => {
    await laptop.getByTestId('share-open').click();
    const panel = laptop.getByTestId('co-facilitators');
    const field = panel.getByLabel('Bjud in med e-postadress');
    await field.focus();
    await laptop.keyboard.type('inte en adress');
    await laptop.keyboard.press('Enter');
    await panel.getByRole('alert').getByText('Skriv en hel e-postadress').waitFor();
    await field.fill('');
    await laptop.keyboard.type('Dave.Dahl@region.example');
    await laptop.keyboard.press('Enter');
    const pending = panel.getByTestId('invitation-pending').filter({ hasText: 'dave.dahl@region.example' });
    await pending.waitFor();
    expect(await seriousViolations(laptop)).toEqual([]);
    await pending.getByRole('button', { name: 'Dra tillbaka inbjudan: dave.dahl@region.example' }).focus();
    await laptop.keyboard.press('Enter');
    await pending.waitFor({ state: 'detached' });
    await laptop.keyboard.press('Escape');
  });

  it('a workshop created without signing in becomes the signed-in facilitator\'s with "Gör mig till ägare"', async () => {
    const earlier = await createWorkshop(server, 'Från förra veckan');
    await laptop.goto(
      `${server.http}${new URL(earlier.facilitatorUrl).pathname}${new URL(earlier.facilitatorUrl).hash}`,
    );
    await onBoard(laptop, 'Alice');
    await laptop.getByTestId('share-open').click();
    const panel = laptop.getByTestId('co-facilitators');
    await panel.getByRole('button', { name: 'Gör mig till ägare' }).click();
    await panel.getByTestId('member').filter({ hasText: 'Ägare' }).getByText('Alice Andersson').waitFor();
    expect(await panel.getByRole('button', { name: 'Gör mig till ägare' }).count()).toBe(0);
    await laptop.keyboard.press('Escape');
    await laptop.goto(`${server.http}/`);
    await laptop.getByTestId('account-workshop').filter({ hasText: 'Från förra veckan' }).waitFor();
  });

  it('signs out, at the provider too, and is back on the start page with "Logga in"', async () => {
    await phone.goto(`${server.http}/`);
    await phone.getByRole('button', { name: 'Logga ut' }).click();
    await phone.waitForURL((url) => url.origin === provider.issuer);
    await phone.getByRole('button', { name: 'Yes, sign me out' }).click();
    await phone.waitForURL(`${server.http}/`);
    await phone.getByRole('link', { name: 'Logga in' }).waitFor();
    expect(provider.requests).toContain('/session/end');
    const me = await phone.evaluate(async () => (await (await fetch('/api/me')).json()) as { user: unknown });
    expect(me.user).toBeNull();
    // The other device stays signed in: each browser has its own session.
    const other = await laptop.evaluate(
      async () => (await (await fetch('/api/me')).json()) as { user: unknown },
    );
    expect(other.user).not.toBeNull();
  });
});

describe('with REQUIRE_SIGN_IN_TO_CREATE=true', () => {
  it('the start page asks to sign in instead of showing the form, and says so when signing in failed', async () => {
    const strict = await startServer({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: SAMSKAPA_CLIENT.id,
        OIDC_CLIENT_SECRET: SAMSKAPA_CLIENT.secret,
        REQUIRE_SIGN_IN_TO_CREATE: 'true',
      },
    });
    try {
      const page = await device('not signed in', strict.http);
      await page.goto(`${strict.http}/?signIn=failed`);
      await page.getByTestId('sign-in-to-create').getByText('Logga in för att skapa en workshop.').waitFor();
      expect(await page.getByLabel('Workshopens namn').count()).toBe(0);
      expect(await page.getByTestId('sign-in-failed').innerText()).toContain('Inloggningen misslyckades');
      // Joining with a code needs no sign-in.
      await page.getByLabel('Kod').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});

describe('without OpenID Connect configured', () => {
  it('the start page shows nothing about signing in', async () => {
    const plain = await startServer();
    try {
      const page = await device('no sign-in', plain.http);
      await page.goto(`${plain.http}/`);
      await page.getByLabel('Workshopens namn').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('account-bar').count()).toBe(0);
      expect(await page.getByText('Logga in').count()).toBe(0);
    } finally {
      await plain.stop();
    }
  });
});
