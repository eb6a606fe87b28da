import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '@samskapa/shared';
import { startServer, type RunningServer } from '../integration/helpers/server';
import { startNginx, type TestNginx } from '../integration/helpers/services';
import { seriousViolations } from './helpers/axe';
import { launchChromium, personContext, waitInPage, type RequestLog } from './helpers/browser';
import { enterName } from './helpers/board';

/** A name a region would give its server; Chromium maps it to loopback, so the origin is https and not localhost. */
const HOST = 'samskapa.region.example';

let server: RunningServer;
let proxy: TestNginx;
let browser: Browser;
const logs: RequestLog[] = [];
/** Every script the pages received, and whether it holds tldraw's canvas code. */
const scripts: { url: string; hasCanvas: boolean; reactDevelopment: boolean }[] = [];

beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY_HOPS: '1' } });
  proxy = await startNginx(server.port, { tlsServerName: HOST });
  browser = await launchChromium([
    `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
    '--ignore-certificate-errors',
  ]);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await server?.stop();
});

async function createHsvo(): Promise<CreateWorkshopResponse> {
  // Created on the server directly: Node's fetch would refuse the test certificate.
  const res = await fetch(`${server.http}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Samverkansplan HSVO 2024–2026', template: 'samverkansplan-hsvo' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateWorkshopResponse;
}

async function openAs(name: string, link: string, viewport = { width: 1920, height: 1080 }) {
  const { context, log } = await personContext(browser, proxy.http, name, {
    viewport,
    ignoreHTTPSErrors: true,
  });
  logs.push(log);
  const page = await context.newPage();
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    void response
      .text()
      .then((body) =>
        scripts.push({
          url: response.url(),
          hasCanvas: /tl-container|tl-canvas/.test(body),
          // A warning only React's development build carries.
          reactDevelopment: body.includes('Check the render method of'),
        }),
      )
      .catch(() => undefined);
  });
  await page.goto(`${proxy.http}${new URL(link).pathname}${new URL(link).hash}`);
  await enterName(page, name);
  await waitInPage(
    page,
    `${name}'s board is connected`,
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
    '',
    60_000,
  );
  return { page, log };
}

describe('on a production origin without a tldraw licence key (https, not localhost)', () => {
  it('the list board is the board: no canvas is offered or loaded, and notes go where they are put for everyone', async () => {
    const w = await createHsvo();
    const facilitator = await openAs('Fia Facilitator', w.facilitatorUrl);
    const participant = await openAs('Per Deltagare', w.participantUrl);
    for (const { page } of [facilitator, participant]) {
      await page.locator('main[data-view="list"]').waitFor();
      await expect(page.getByTestId('view-canvas').count()).resolves.toBe(0);
      await expect(page.locator('.tl-container').count()).resolves.toBe(0);
    }

    const b1 = participant.page.getByRole('region', { name: /^B1 / });
    await b1.getByLabel('Ny lapp i B1').fill('Fast vårdkontakt för alla med stora behov');
    await b1.getByRole('button', { name: 'Lägg till' }).click();
    const atFacilitator = facilitator.page.getByRole('region', { name: /^B1 / });
    await atFacilitator.getByText('Fast vårdkontakt för alla med stora behov').waitFor({ timeout: 30_000 });
    // The column counts participants' notes (the template's reference content, if any, is counted apart).
    await atFacilitator
      .getByTestId('outline-count')
      .filter({ hasText: /^1 lapp( · |$)/ })
      .waitFor();

    expect(await seriousViolations(facilitator.page)).toEqual([]);
  });

  it('no request left the server: nothing to tldraw, no font or icon from elsewhere, and the canvas code was never fetched', () => {
    const all = logs.flatMap((log) => [...log.sameOrigin, ...log.foreign]);
    expect(logs.flatMap((log) => log.foreign)).toEqual([]);
    expect(all.filter((url) => /tldraw|CanvasView/i.test(url))).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
    // Whatever its file is called, no script the pages received carries tldraw's canvas.
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.hasCanvas).map((s) => s.url)).toEqual([]);
  });

  it('the pages run the production build users get (the test set-up never leaves a development build behind)', () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.reactDevelopment).map((s) => s.url)).toEqual([]);
  });
});
