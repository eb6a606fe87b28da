import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { startServer, type RunningServer } from '../../integration/helpers/server';

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium the way every browser test here does. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Every request pages of one context made, split by whether it went to the page's own origin. */
export interface RequestLog {
  sameOrigin: string[];
  foreign: string[];
}

/** The real server and Chromium, for the tests of one file. */
export async function startServerAndBrowser(): Promise<{ server: RunningServer; browser: Browser }> {
  return { server: await startServer(), browser: await launchChromium() };
}

/** Stops what {@link startServerAndBrowser} started (either may be missing if starting failed). */
export async function stopServerAndBrowser(server?: RunningServer, browser?: Browser): Promise<void> {
  await browser?.close();
  await server?.stop();
}

/**
 * A fresh browser context (its own storage, like another person's device) that records every request
 * and blocks any that leaves `origin`, so a forbidden request is both seen and never sent. Errors in its
 * pages are printed with `name`.
 */
export async function personContext(
  browser: Browser,
  origin: string,
  name = 'page',
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; log: RequestLog }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.on('page', (page) =>
    page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`)),
  );
  const log: RequestLog = { sameOrigin: [], foreign: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (new URL(url).origin === origin) {
      log.sameOrigin.push(url);
      return route.continue();
    }
    log.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // WebSockets are not routed by `route`; record them from the page events.
  context.on('page', (page) => trackWebSockets(page, origin, log));
  return { context, log };
}

function trackWebSockets(page: Page, origin: string, log: RequestLog): void {
  const wsOrigin = origin.replace(/^http/, 'ws');
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).origin === wsOrigin) log.sameOrigin.push(ws.url());
    else log.foreign.push(ws.url());
  });
}

/** Waits until `condition` holds in the page, with a generous deadline and a message that says what. */
export async function waitInPage(
  page: Page,
  what: string,
  fn: (arg: string) => unknown,
  arg = '',
  timeoutMs = 30_000,
): Promise<void> {
  try {
    await page.waitForFunction(fn, arg, { timeout: timeoutMs, polling: 100 });
  } catch (error) {
    throw new Error(`waited ${timeoutMs} ms until ${what}: ${String(error)}`);
  }
}

/**
 * Opens a capability link as `name` (gives the name when the page asks for it) and waits until the
 * board says it is connected.
 */
export async function openBoardAs(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  const nameField = page.getByLabel(/Ditt namn/);
  await nameField.or(page.getByTestId('connection')).first().waitFor({ timeout: 60_000 });
  if (await nameField.isVisible()) {
    await nameField.fill(name);
    await page.getByRole('button', { name: 'Gå till tavlan' }).click();
  }
  await waitForConnected(page, `${name}'s board says it is connected`);
}

/** Waits until the page's connection badge says the board is connected. */
export function waitForConnected(page: Page, what = 'the board says it is connected'): Promise<void> {
  return waitInPage(
    page,
    what,
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
    '',
    60_000,
  );
}
