import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  BUILTIN_TEMPLATES,
  localizeTemplate,
  type BuiltinTemplate,
  type CreateWorkshopResponse,
  type TemplateId,
} from '@samskapa/shared';
import { createWorkshop } from '../integration/helpers/clients';
import type { RunningServer } from '../integration/helpers/server';
import { call } from '../integration/helpers/voting';
import { seriousViolations } from './helpers/axe';
import { drawnNotes, unreadableNotes } from './helpers/drawn';
import { personContext, startServerAndBrowser, stopServerAndBrowser, waitInPage } from './helpers/browser';

/** The seed templates a facilitator starts from (`tom` has no notes to draw). */
const SEEDS = [
  'referensgrupp',
  'visuell-malbild',
  'samverkansplan-hsvo',
  'framtidslage',
  'systeminnovationslab',
] as const satisfies readonly TemplateId[];

const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const WALL: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
};
/** Where the pages are photographed when a test fails. */
const SHOTS_DIR = process.env.ROOM_SEES_SHOTS_DIR ?? join(tmpdir(), 'samskapa-room-sees');

const FACILITATOR = 'Fia Facilitator';
const LISTER = 'Lisa Lista';
const PHONE_USER = 'Pia Mobil';
const LIST_NOTE = 'Från listan: gemensamma mötesplatser för hela länet';
const PHONE_NOTE = 'Från mobilen: tydligare uppföljning varje kvartal';
const DRAFT_NOTE = 'Tyst idé: bjud in brukarna till nästa möte';
const FILE_NOTE = 'Underlag ur mallfilen: vi samlas två gånger per termin och följer upp varje beslut';

let server: RunningServer;
let browser: Browser;
/** The pages open now, by who holds them: photographed if a test fails. */
let pages: Record<string, Page> = {};
/** The first referensgrupp workshop and how many notes it held at the end: the other paths start from it. */
let first: { workshop: CreateWorkshopResponse; notes: number } | null = null;

const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, server.http);
/** Waits for what a person would see, with a generous deadline (vitest's default is one second). */
const poll = <T>(read: () => T | Promise<T>, message?: string, timeout = 30_000) =>
  expect.poll(read, { timeout, interval: 200, message });

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  mkdirSync(SHOTS_DIR, { recursive: true });
}, 120_000);
afterAll(() => stopServerAndBrowser(server, browser));

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  // The suite names the template: the same test of two templates keeps two pictures.
  const slug = `${task.suite?.name ?? ''} ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120);
  for (const [who, page] of Object.entries(pages)) {
    const path = join(SHOTS_DIR, `${slug}-${who}.png`);
    await page.screenshot({ path }).catch(() => undefined);
    console.error(`[roomSees] ${task.name}: ${who}'s screen is in ${path}`);
  }
});

async function newPage(name: string, options: BrowserContextOptions): Promise<Page> {
  const { context } = await personContext(browser, server.http, name, options);
  return context.newPage();
}

async function closeAll(): Promise<void> {
  const contexts = new Set<BrowserContext>(Object.values(pages).map((page) => page.context()));
  pages = {};
  for (const context of contexts) await context.close().catch(() => undefined);
}

/** Opens a link and gives the name when the page asks for one; waits until the board is connected. */
async function arrive(page: Page, url: string, name?: string): Promise<void> {
  await page.goto(local(url));
  const nameField = page.getByLabel(/Ditt namn/);
  const board = page.getByTestId('connection');
  await nameField.or(board).first().waitFor({ timeout: 60_000 });
  if (name && (await nameField.isVisible())) {
    await nameField.fill(name);
    await page.getByRole('button', { name: 'Gå till tavlan' }).click();
  }
  await waitInPage(
    page,
    `${name ?? 'the projector'}'s board says it is connected`,
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'connected',
    '',
    60_000,
  );
}

/** Waits for the canvas and its live editor. */
async function canvasShown(page: Page): Promise<void> {
  await page.locator('.tl-canvas').waitFor({ timeout: 60_000 });
  await waitInPage(
    page,
    'the canvas has its editor',
    () => (window as unknown as { samskapaEditor?: object }).samskapaEditor !== undefined,
    '',
    60_000,
  );
}

/** The facilitator's laptop: the facilitator link, a name, and the canvas it lands on. */
async function facilitatorOnCanvas(page: Page, url: string): Promise<void> {
  await arrive(page, url, FACILITATOR);
  await canvasShown(page);
}

/** The projector: the viewer link at 1920×1080, on "Rityta". */
async function projectorOnCanvas(page: Page, url: string): Promise<void> {
  await arrive(page, url);
  await page.getByTestId('view-canvas').click();
  await canvasShown(page);
}

/**
 * Checks, on the facilitator's canvas and on the projector at once, that every note's text is drawn
 * readably: at least 10 px in page units, in a box that is not empty and does not run out of its note.
 */
async function everyNoteReadable(
  on: [string, Page][],
  expected: { count: number; texts: string[] },
): Promise<void> {
  const checks = await Promise.allSettled(
    on.map(async ([who, page]) => {
      await poll(
        async () => (await drawnNotes(page)).inStore,
        `notes in the editor's store on the ${who}'s canvas`,
      ).toBe(expected.count);
      // The facilitator's canvas fits long texts once the fonts are in (well within a second); the
      // projector draws what it gets.
      try {
        await poll(async () => unreadableNotes(await drawnNotes(page)), undefined, 15_000).toEqual([]);
      } catch (error) {
        const now = await drawnNotes(page);
        const problems = unreadableNotes(now);
        if (problems.length === 0) throw error;
        throw new Error(
          `the ${who}'s canvas draws ${problems.length} of ${now.inStore} notes unreadably:\n  ${problems.join('\n  ')}`,
          { cause: error },
        );
      }
      const measured = await drawnNotes(page);
      expect(measured.drawn.length, `notes checked on the ${who}'s canvas`).toBe(measured.inStore);
      expect(measured.drawn.map((n) => n.text)).toEqual(expect.arrayContaining(expected.texts));
    }),
  );
  const failed = checks.flatMap((c) => (c.status === 'rejected' ? [c.reason as Error] : []));
  if (failed.length === 1) throw failed[0]!;
  if (failed.length > 1) throw new Error(failed.map((e) => e.message).join('\n\n'), { cause: failed[0] });
}

/** How the facilitator's window is shared out, for a failure message. */
function layout(page: Page): Promise<string> {
  return page.evaluate(() => {
    const height = (selector: string) => {
      const el = document.querySelector(selector);
      return el ? `${Math.round(el.getBoundingClientRect().height)} px` : 'none';
    };
    return [
      `window ${window.innerHeight} px`,
      `header ${height('.board-header')}`,
      `step bar and results ${height('.facilitation-area')}`,
      `board ${height('main.board-main')}`,
      `canvas ${height('.tl-container')}`,
    ].join(', ');
  });
}

/** The share of the window's height the canvas gets. */
function canvasShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.tl-container') ?? document.querySelector('main.board-main');
    return canvas ? canvas.getBoundingClientRect().height / window.innerHeight : 0;
  });
}

async function atLeast60PercentCanvas(page: Page): Promise<void> {
  try {
    await poll(() => canvasShare(page)).toBeGreaterThanOrEqual(0.6);
  } catch (error) {
    throw new Error(`the canvas gets less than 60 % of the height: ${await layout(page)}`, {
      cause: error,
    });
  }
}

/** Opens or closes the facilitator's drawer ("Facilitera"); opened, waits for its tools. */
async function drawer(page: Page, open: boolean): Promise<void> {
  const toggle = page.getByTestId('facilitate-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
  await poll(() => toggle.getAttribute('aria-expanded')).toBe(String(open));
  if (open) await page.getByTestId('agenda').waitFor({ timeout: 60_000 });
}

/** What the open drawer covers or lets stick out, one line per problem; empty when all is well. */
function drawerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const drawer = document.getElementById('facilitator-panel');
    if (!drawer || drawer.hidden) return ['the drawer is not open'];
    const d = drawer.getBoundingClientRect();
    const fmt = (r: DOMRect) =>
      `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${text ? ` "${text}"` : ''}`;
    };
    const overlaps = (r: DOMRect) =>
      r.left < d.right && r.right > d.left && r.top < d.bottom && r.bottom > d.top;
    const problems: string[] = [];
    const buttons = Array.from(document.querySelectorAll('button'));
    const watched: [string, Element | undefined, boolean][] = [
      ['the step title', document.querySelector('[data-testid=step-title]') ?? undefined, true],
      ['the countdown', document.querySelector('[data-testid=countdown]') ?? undefined, true],
      [
        '"N deltagare"',
        Array.from(document.querySelectorAll('.board-header button')).find((b) =>
          /deltagare$/.test((b.textContent ?? '').trim()),
        ),
        true,
      ],
      // Only must not float over the drawer; it may be off the narrowed canvas.
      ['"Exportera bild"', buttons.find((b) => (b.textContent ?? '').trim() === 'Exportera bild'), false],
    ];
    for (const [name, el, mustBeSeen] of watched) {
      if (!el) {
        problems.push(`${name} is not on the page`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (overlaps(r)) problems.push(`${name} (${fmt(r)}) intersects the drawer (${fmt(d)})`);
      if (!mustBeSeen) continue;
      if (r.width === 0 || r.height === 0) {
        problems.push(`${name} is not shown`);
        continue;
      }
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth)
        problems.push(`${name} (${fmt(r)}) is outside the window`);
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit && !el.contains(hit)) problems.push(`${name} is covered by ${describe(hit)}`);
    }
    for (const el of Array.from(drawer.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < d.left - 0.5 || r.right > d.right + 0.5)
        problems.push(`${describe(el)} (${fmt(r)}) sticks out of the drawer (${fmt(d)})`);
    }
    return problems;
  });
}

/**
 * The results on the phone and the boxes around them that clip their content, up to the phone view's
 * column: below the fixed header and step bar, that column is what the phone scrolls (its page), so its
 * own overflow is the page's, not an inner box.
 */
function clippingBoxes(page: Page): Promise<string[]> {
  return page.getByTestId('results').evaluate((results) => {
    const html = getComputedStyle(document.documentElement);
    // Overflow on the body is the page's own when the root leaves it to the viewport (CSS overflow propagation).
    const bodyIsViewport = html.overflowX === 'visible' && html.overflowY === 'visible';
    const found: string[] = [];
    for (let node: Element | null = results; node; node = node.parentElement) {
      // The root's box is the viewport: scrolling it is scrolling the page.
      if (node === document.documentElement) break;
      if (node.classList.contains('phone')) break;
      if (node === document.body && bodyIsViewport) continue;
      const style = getComputedStyle(node);
      const clips = [style.overflowX, style.overflowY].some((v) =>
        ['auto', 'hidden', 'scroll', 'clip'].includes(v),
      );
      if (clips && node.scrollHeight > node.clientHeight + 1)
        found.push(
          `${node.tagName.toLowerCase()}.${Array.from(node.classList).join('.')} (overflow ${style.overflowX} ${style.overflowY}): ${node.scrollHeight} px of content in ${node.clientHeight} px`,
        );
    }
    return found;
  });
}

/** The areas participants write in: every area of the template that is not reference content. */
function writableAreas(template: BuiltinTemplate): string[] {
  return template.areas.filter((a) => a.kind !== 'reference').map((a) => a.code);
}

function referenceNotes(template: BuiltinTemplate): number {
  return template.areas.reduce((sum, area) => sum + area.reference.length, 0);
}

describe.each(SEEDS)('the %s workshop as the room sees it', (templateId) => {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === templateId)!;
  const [second, third] = [template.agenda[1], template.agenda[2]];
  // Groups are made from a step's areas when it has more than one.
  const hasGroups = (second?.areas.length ?? 0) > 1 && third !== undefined;
  const [listArea, phoneArea] = [
    writableAreas(template)[0]!,
    writableAreas(template)[1] ?? writableAreas(template)[0]!,
  ];
  let workshop: CreateWorkshopResponse;
  let facilitator: Page;
  let projector: Page;
  let lister: Page;
  let phone: Page;

  beforeAll(async () => {
    workshop = await createWorkshop(server, template.title.sv, templateId);
    [facilitator, projector, lister, phone] = await Promise.all([
      newPage('facilitator', LAPTOP),
      newPage('projector', WALL),
      newPage('list board', LAPTOP),
      newPage('phone', PHONE),
    ]);
    pages = { facilitator, projector, 'list-board': lister, phone };
    await Promise.all([
      facilitatorOnCanvas(facilitator, workshop.facilitatorUrl),
      projectorOnCanvas(projector, workshop.viewerUrl),
      (async () => {
        await arrive(lister, workshop.participantUrl, LISTER);
        await lister.getByTestId('view-list').click();
        await lister.getByTestId('list-board').waitFor({ timeout: 60_000 });
      })(),
      (async () => {
        await arrive(phone, workshop.participantUrl, PHONE_USER);
        await phone.getByLabel('Din lapp').waitFor({ timeout: 60_000 });
      })(),
    ]);
  }, 180_000);
  afterAll(closeAll);

  it('a participant adds a note from the list board and another from the phone; the facilitator is on the canvas', async () => {
    await expect(facilitator.locator('main').getAttribute('data-view')).resolves.toBe('canvas');
    const column = lister.locator(`section[data-testid="outline-column"][data-area-code="${listArea}"]`);
    await column.getByLabel(`Ny lapp i ${listArea}`).fill(LIST_NOTE);
    await column.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await column.getByTestId('outline-note').filter({ hasText: LIST_NOTE }).waitFor({ timeout: 30_000 });

    const select = phone.locator('#phone-area');
    const value = await select.evaluate(
      (el, code) =>
        Array.from((el as HTMLSelectElement).options).find((o) => o.text.startsWith(`${code} `))?.value,
      phoneArea,
    );
    await select.selectOption(value!);
    await phone.getByLabel('Din lapp').fill(PHONE_NOTE);
    await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await poll(() => phone.getByTestId('phone-added').innerText()).toBe(`Lappen lades till i ${phoneArea}.`);
  });

  it("the facilitator's canvas and the projector draw every note's text readably, inside its note: the template's and both new ones", async () => {
    await everyNoteReadable(
      [
        ['facilitator', facilitator],
        ['projector', projector],
      ],
      { count: referenceNotes(template) + 2, texts: [LIST_NOTE, PHONE_NOTE] },
    );
  });

  it('with "Facilitera" open and a step counting down, the step, the countdown and "N deltagare" stay in view beside the drawer, which nothing sticks out of or floats over', async () => {
    await drawer(facilitator, true);
    const step = second ?? template.agenda[0]!;
    await facilitator
      .getByTestId('agenda')
      .getByRole('button', { name: `Starta steget ${step.title.sv}`, exact: true })
      .click();
    await facilitator.getByTestId('step-title').filter({ hasText: step.title.sv }).waitFor();
    await facilitator
      .locator('#facilitator-panel')
      .getByRole('button', { name: 'Starta nedräkningen' })
      .click();
    await waitInPage(
      facilitator,
      'the countdown runs',
      () => document.querySelector('[data-testid=countdown]')?.getAttribute('data-status') === 'running',
    );
    // Both participants are counted in the header.
    await poll(() => facilitator.getByTestId('people-open').innerText()).toBe('2 deltagare');
    await poll(() => drawerProblems(facilitator)).toEqual([]);
  });

  it('at 1280×800 with a step running and the drawer closed, the canvas gets at least 60 % of the height', async () => {
    await drawer(facilitator, false);
    await expect(facilitator.getByTestId('countdown').getAttribute('data-status')).resolves.toBe('running');
    await atLeast60PercentCanvas(facilitator);
  });

  it.runIf(hasGroups)(
    'groups end with their step: the phone stops saying "Din grupp" in a step without groups, and says it again when the step comes back',
    async () => {
      await drawer(facilitator, true);
      const agenda = facilitator.getByTestId('agenda');
      await facilitator.getByTestId('make-groups').click();
      const myGroup = phone.getByTestId('my-group');
      await poll(() => myGroup.innerText()).toMatch(/^Din grupp: /);
      const shown = await myGroup.innerText();
      await agenda.getByRole('button', { name: `Starta steget ${third!.title.sv}`, exact: true }).click();
      await phone.getByTestId('step-title').filter({ hasText: third!.title.sv }).waitFor();
      await poll(() => myGroup.count()).toBe(0);
      await agenda.getByRole('button', { name: `Starta steget ${second!.title.sv}`, exact: true }).click();
      await phone.getByTestId('step-title').filter({ hasText: second!.title.sv }).waitFor();
      await poll(() => myGroup.innerText()).toBe(shown);
    },
  );

  it("after the reveal, the phone's results sit in no box that clips them, and their last note scrolls into view", async () => {
    await drawer(facilitator, true);
    await facilitator.getByTestId('open-vote').click();
    const control = phone.getByTestId('vote-control').first();
    await control.waitFor({ timeout: 30_000 });
    await control.getByRole('button').nth(1).click();
    await poll(() => control.getAttribute('data-mine')).toBe('1');
    // The server has the ballot before the facilitator reveals. The two participants here by their
    // board's connection are the two the header counts by their presence.
    await poll(() => facilitator.getByTestId('vote-progress').innerText()).toMatch(/^1 har röstat, 2 här\./);
    await expect(facilitator.getByTestId('people-open').getAttribute('data-count')).resolves.toBe('2');
    await facilitator.getByTestId('vote-section').getByRole('button', { name: 'Visa resultatet' }).click();

    const results = phone.getByTestId('results');
    await results.getByTestId('ranked-note').first().waitFor({ timeout: 30_000 });
    expect(await clippingBoxes(phone)).toEqual([]);
    const last = results.getByTestId('ranked-note').last();
    await last.scrollIntoViewIfNeeded();
    const seen = await last.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + Math.min(24, box.width / 2), box.top + box.height / 2);
      return {
        top: box.top,
        bottom: box.bottom,
        height: window.innerHeight,
        readable: !!hit && el.contains(hit),
      };
    });
    expect(seen.top).toBeGreaterThanOrEqual(0);
    expect(seen.bottom).toBeLessThanOrEqual(seen.height);
    expect(seen.readable, 'the last ranked note is on top where it is shown').toBe(true);
  });

  it('with the results revealed, the canvas still gets at least 60 % of the height at 1280×800', async () => {
    await drawer(facilitator, false);
    await facilitator.getByTestId('results').waitFor({ timeout: 30_000 });
    await atLeast60PercentCanvas(facilitator);
  });

  it.runIf(templateId === 'referensgrupp')(
    "a draft revealed after silent brainstorming is drawn readably, inside its note, on the facilitator's canvas and the projector",
    async () => {
      await drawer(facilitator, true);
      await facilitator.getByTestId('start-silent').click();
      const drafts = phone.getByTestId('drafts');
      await drafts.waitFor({ timeout: 30_000 });
      await drafts.getByLabel('Ny lapp').fill(DRAFT_NOTE);
      await drafts.getByRole('button', { name: 'Spara privat' }).click();
      await poll(() => facilitator.getByTestId('draft-count').innerText()).toMatch(/^1 /);
      await facilitator.getByTestId('reveal-drafts').click();
      // The other paths copy this workshop, whatever the canvases below make of it.
      first = { workshop, notes: referenceNotes(template) + 3 };
      await everyNoteReadable(
        [
          ['facilitator', facilitator],
          ['projector', projector],
        ],
        { count: referenceNotes(template) + 3, texts: [LIST_NOTE, PHONE_NOTE, DRAFT_NOTE] },
      );
    },
  );

  it("axe finds nothing serious on the facilitator's list board, the phone or the projector", async () => {
    await facilitator.getByTestId('view-list').click();
    await facilitator.getByTestId('list-board').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(facilitator)).toEqual([]);
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await seriousViolations(projector)).toEqual([]);
  });
});

describe("notes made by the other paths draw readably on the facilitator's canvas and the projector (referensgrupp)", () => {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === 'referensgrupp')!;
  let facilitator: Page;
  let projector: Page;

  beforeAll(async () => {
    [facilitator, projector] = await Promise.all([
      newPage('facilitator', LAPTOP),
      newPage('projector', WALL),
    ]);
    pages = { facilitator, projector };
  }, 60_000);
  afterAll(closeAll);

  /** The first workshop, with its draft revealed: the other paths copy it. */
  function original() {
    if (!first) throw new Error('the referensgrupp session above did not get as far as revealing the draft');
    return first;
  }

  async function lookAt(created: CreateWorkshopResponse, expected: { count: number; texts: string[] }) {
    await Promise.all([
      facilitatorOnCanvas(facilitator, created.facilitatorUrl),
      projectorOnCanvas(projector, created.viewerUrl),
    ]);
    await everyNoteReadable(
      [
        ['facilitator', facilitator],
        ['projector', projector],
      ],
      expected,
    );
  }

  it('a workshop imported from the JSON export of the first one', async () => {
    const { workshop, notes } = original();
    const exported = await call(
      server,
      'GET',
      `/api/workshops/${workshop.id}/export?format=json`,
      workshop.facilitatorToken,
    );
    expect(exported.status).toBe(200);
    const imported = await call<CreateWorkshopResponse>(
      server,
      'POST',
      '/api/workshops/import',
      undefined,
      exported.body,
    );
    expect(imported.status).toBe(201);
    await lookAt(imported.body, { count: notes, texts: [LIST_NOTE, PHONE_NOTE, DRAFT_NOTE] });
  });

  it('a snapshot of the first one restored as a new workshop', async () => {
    const { workshop, notes } = original();
    const snapshot = await call<{ id: string }>(
      server,
      'POST',
      `/api/workshops/${workshop.id}/snapshots`,
      workshop.facilitatorToken,
      { name: 'Efter röstningen' },
    );
    expect(snapshot.status).toBe(201);
    const restored = await call<CreateWorkshopResponse>(
      server,
      'POST',
      `/api/workshops/${workshop.id}/snapshots/${snapshot.body.id}/restore`,
      workshop.facilitatorToken,
      { mode: 'new' },
    );
    expect(restored.status).toBe(201);
    await lookAt(restored.body, { count: notes, texts: [LIST_NOTE, PHONE_NOTE, DRAFT_NOTE] });
  });

  it('a workshop created from a template file', async () => {
    const file = localizeTemplate(template, 'sv');
    const withNote = {
      ...file,
      areas: file.areas.map((area, i) =>
        i === 0 ? { ...area, reference: [...area.reference, FILE_NOTE] } : area,
      ),
    };
    const created = await call<CreateWorkshopResponse>(server, 'POST', '/api/workshops', undefined, {
      title: 'Från mallfil',
      templateFile: withNote,
    });
    expect(created.status).toBe(201);
    await lookAt(created.body, { count: referenceNotes(template) + 1, texts: [FILE_NOTE] });
  });
});
