import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { AWARENESS_FIELDS, BOARD_PAGE_ID, docName } from '../../../shared/src/index';
import { percentile } from './procStats';
import { DeliveryClock, ThinClient } from './thinClient';

/**
 * tldraw's schema package, a dependency of `shared` (the tests' own package does not list it), loaded as
 * the same ES module `shared` loads, so tldraw sees one copy of it.
 */
const { InstancePresenceRecordType } = (await import(
  pathToFileURL(
    resolve(import.meta.dirname, '../../../shared/node_modules/@tldraw/tlschema/dist-esm/index.mjs'),
  ).href
)) as {
  InstancePresenceRecordType: { create(fields: object): object; createId(id: string): string };
};

/** Frame times (ms between animation frames) the page draws during `during`, as p50/p95 and fps. */
export async function frameTimes(page: Page, during: () => Promise<void>): Promise<string> {
  // A string: tsx would wrap a named function handed to the page in a helper the page does not have.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchRecording = true;
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      window.benchFrames.push(now - last);
      last = now;
      if (window.benchRecording) requestAnimationFrame(tick);
    });
  })()`);
  await during();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
    w.benchRecording = false;
    return w.benchFrames.slice(1).sort((a, b) => a - b);
  });
  const p50 = percentile(frames, 50);
  const p95 = percentile(frames, 95);
  return `${frames.length} frames, frame time p50 ${p50.toFixed(1)} ms / p95 ${p95.toFixed(1)} ms (${(1000 / p50).toFixed(0)} / ${(1000 / p95).toFixed(0)} fps)`;
}

/** A tldraw presence record as a browser publishes it, with its cursor at (x, y) on the board's page. */
function presenceAt(i: number, x: number, y: number): object {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(`bench-${i}`),
    currentPageId: BOARD_PAGE_ID,
    userId: `user:bench-${i}`,
    userName: `Deltagare ${i}`,
    color: '#1d4ed8',
    cursor: { x, y, type: 'default', rotation: 0 },
    lastActivityTimestamp: Date.now(),
  });
}

/**
 * `people` participants present on a board (raw sockets with tldraw presence, as browsers publish it),
 * `moving` of them moving their cursor at 10 Hz across `area` until `stop`.
 */
export async function presentCrowd(
  syncUrl: string,
  workshopId: string,
  token: string,
  people: number,
  moving: number,
  area: { w: number; h: number },
): Promise<{ stop: () => void }> {
  const url = `${syncUrl}/${docName(workshopId, 'board')}?token=${token}`;
  const clock = new DeliveryClock();
  const clients: ThinClient[] = [];
  for (let i = 0; i < people; i++) {
    const c = await ThinClient.open(url, clock, false);
    c.present({
      [AWARENESS_FIELDS.user]: { id: `bench-${i}`, name: `Deltagare ${i}`, color: '#1d4ed8' },
      [AWARENESS_FIELDS.presence]: presenceAt(i, Math.random() * area.w, Math.random() * area.h),
    });
    clients.push(c);
  }
  const timers = clients.slice(0, moving).map((c, i) =>
    setInterval(
      () =>
        c.present({
          [AWARENESS_FIELDS.presence]: presenceAt(i, Math.random() * area.w, Math.random() * area.h),
        }),
      100,
    ),
  );
  return {
    stop: () => {
      for (const t of timers) clearInterval(t);
      for (const c of clients) c.close();
    },
  };
}
