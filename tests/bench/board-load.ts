// Board-load benchmark: a board with 1,000 notes and 20 frames, produced by 3 hours of simulated edits
// sent through the real server one update at a time. Prints the document size, the server's stored
// size after compaction, and how long a new headless Chromium takes to show every note.
// Prints figures only; it never fails on time.
//
//   node --import tsx tests/bench/board-load.ts
//   BENCH_NOTES=1000 BENCH_FRAMES=20 node --import tsx tests/bench/board-load.ts
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import {
  boardRecords,
  buildDocumentRecord,
  buildFrame,
  buildNote,
  buildPageRecord,
  richTextFromPlain,
  shapeIndices,
  type StoredRecord,
} from '../../shared/src/index';

type TLNoteShape = ReturnType<typeof buildNote>;
type TLFrameShape = ReturnType<typeof buildFrame>;
type TLShapeId = TLNoteShape['id'];
import buildClient from '../e2e/globalSetup';
import { launchChromium } from '../e2e/helpers/browser';
import { connect, createWorkshop } from '../integration/helpers/clients';
import { startServer, tempDataDir } from '../integration/helpers/server';

const NOTES = Number(process.env.BENCH_NOTES ?? 1000);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 20);
const SIMULATED_MINUTES = 180;
const BROWSER_DEADLINE_MS = 300_000;
const COMMAND = 'node --import tsx tests/bench/board-load.ts';

/** Deterministic pseudo-random numbers, so every run simulates the same workshop. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'samverkan mötesplatser unga vård tillgänglig hälsa stöd kompetens dialog samsyn delaktighet'.split(' ');

/** One edit as a person makes it: a closure that changes the doc in its own transaction. */
type Edit = { minute: number; apply: (doc: Y.Doc) => void };

function simulateWorkshop(): Edit[] {
  const random = prng(2024);
  const edits: Edit[] = [];
  const put = (doc: Y.Doc, record: TLNoteShape | TLFrameShape | StoredRecord) =>
    boardRecords(doc).set(record.id, record as unknown as StoredRecord);
  const cols = 5;
  const frameW = 1400;
  const frameH = 1000;
  const frameIndices = shapeIndices(FRAMES);
  const frames: TLFrameShape[] = [];
  edits.push({
    minute: 0,
    apply: (doc) => {
      put(doc, buildDocumentRecord() as unknown as StoredRecord);
      put(doc, buildPageRecord('Tavla') as unknown as StoredRecord);
    },
  });
  for (let f = 0; f < FRAMES; f++) {
    const frame = buildFrame({
      x: (f % cols) * (frameW + 200),
      y: Math.floor(f / cols) * (frameH + 200),
      w: frameW,
      h: frameH,
      name: `${String.fromCharCode(65 + (f % 26))}${Math.floor(f / 26) + 1} Fokusområde`,
      index: frameIndices[f]!,
      meta: { kind: 'focusArea', code: `F${f + 1}`, title: `Fokusområde ${f + 1}` },
    });
    frames.push(frame);
    edits.push({ minute: 1 + f * 0.5, apply: (doc) => put(doc, frame) });
  }
  const noteIndices = shapeIndices(NOTES + 200);
  const rows = Math.ceil(FRAMES / cols);
  const loose = () => ({ x: -1500 + random() * 1200, y: random() * rows * (frameH + 200) });
  const text = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  for (let n = 0; n < NOTES + 150; n++) {
    const id = `shape:bench-note-${n}` as TLShapeId;
    const born = 10 + random() * (SIMULATED_MINUTES - 40);
    const start = loose();
    let note = buildNote({ id, x: start.x, y: start.y, text: '', index: noteIndices[n]! });
    edits.push({ minute: born, apply: (doc) => put(doc, note) });
    // Typing arrives in a few bursts, each one update.
    const words = 3 + Math.floor(random() * 8);
    const bursts = 3 + Math.floor(random() * 3);
    const finalText = text(words);
    for (let b = 1; b <= bursts; b++) {
      const partial = finalText.slice(0, Math.ceil((finalText.length * b) / bursts));
      const at = born + b * 0.1;
      edits.push({
        minute: at,
        apply: (doc) => {
          note = { ...note, props: { ...note.props, richText: richTextFromPlain(partial) } };
          put(doc, note);
        },
      });
    }
    if (n >= NOTES) {
      // Some notes are thrown away again.
      edits.push({ minute: born + 5 + random() * 20, apply: (doc) => boardRecords(doc).delete(id) });
      continue;
    }
    // Moved around a couple of times, then most end up clustered into a focus area.
    const moves = 1 + Math.floor(random() * 3);
    for (let m = 0; m < moves; m++) {
      const to = loose();
      edits.push({
        minute: born + 2 + m * 3,
        apply: (doc) => put(doc, (note = { ...note, x: to.x, y: to.y })),
      });
    }
    if (random() < 0.8) {
      const frame = frames[Math.floor(random() * frames.length)]!;
      const x = 20 + random() * (frameW - 260);
      const y = 60 + random() * (frameH - 260);
      edits.push({
        minute: Math.min(SIMULATED_MINUTES, born + 30 + random() * 30),
        apply: (doc) => put(doc, (note = { ...note, parentId: frame.id, x, y })),
      });
    }
  }
  return edits.sort((a, b) => a.minute - b.minute);
}

/** What the benchmark reads of the editor the board page exposes on `window`. */
type BoardWindow = {
  samskapaEditor?: {
    getCurrentPageShapes(): { type: string }[];
    zoomToFit(opts: { animation: { duration: number } }): void;
  };
};

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

function storedBytes(dataDir: string, docName: string): { rows: number; bytes: number } {
  const requireFromServer = createRequire(resolve(import.meta.dirname, '../../server/package.json'));
  const Database = requireFromServer('better-sqlite3') as new (
    file: string,
    opts: { readonly: boolean },
  ) => { prepare(sql: string): { get(...args: unknown[]): unknown }; close(): void };
  const db = new Database(join(dataDir, 'samskapa.sqlite'), { readonly: true });
  const row = db
    .prepare(
      'SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM doc_updates WHERE doc = ?',
    )
    .get(docName) as { rows: number; bytes: number };
  db.close();
  return row;
}

async function main(): Promise<void> {
  console.log(`board-load: ${NOTES} notes, ${FRAMES} frames, ${SIMULATED_MINUTES} simulated minutes`);
  console.log(`reproduce: ${COMMAND}`);
  buildClient();
  const dataDir = tempDataDir();
  let server = await startServer({ dataDir });
  const workshop = await createWorkshop(server, 'Board-load benchmark');
  const docName = `${workshop.id}/board`;

  // 1. Three hours of edits, each its own update through the server.
  const writer = connect(server, workshop.id, 'board', workshop.facilitatorToken);
  await waitFor(() => writer.provider.synced, 30_000);
  const edits = simulateWorkshop();
  let logBytes = 0;
  writer.doc.on('update', (u: Uint8Array) => (logBytes += u.byteLength));
  const sendStart = performance.now();
  for (const [i, edit] of edits.entries()) {
    edit.apply(writer.doc);
    if (i % 200 === 0) await new Promise((r) => setTimeout(r, 0)); // let the socket drain
  }
  const shapes = () =>
    [...boardRecords(writer.doc).map.values()].filter((e) => e.val.typeName === 'shape').length;
  const expected = NOTES + FRAMES;
  const reader = connect(server, workshop.id, 'board', workshop.participantToken);
  const delivered = await waitFor(
    () =>
      [...boardRecords(reader.doc).map.values()].filter((e) => e.val.typeName === 'shape').length ===
      expected,
    120_000,
  );
  const sendMs = performance.now() - sendStart;
  console.log(
    `edits sent: ${edits.length} updates in ${(sendMs / 1000).toFixed(1)} s (delivered: ${delivered})`,
  );
  console.log(`shapes on the board: ${shapes()} (expected ${expected})`);
  console.log(`update log (sum of all updates): ${kB(logBytes)}`);
  console.log(`document size (Y.encodeStateAsUpdate): ${kB(Y.encodeStateAsUpdate(writer.doc).byteLength)}`);
  reader.destroy();
  writer.destroy();

  const before = storedBytes(dataDir, docName);
  console.log(`server store before compaction: ${before.rows} rows, ${kB(before.bytes)}`);
  await server.stop(); // graceful: rooms persist and compact on shutdown
  const after = storedBytes(dataDir, docName);
  console.log(`server store after shutdown (compacted): ${after.rows} rows, ${kB(after.bytes)}`);

  // 2. A new browser opens the board: navigation until every note is on screen.
  server = await startServer({ dataDir });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addInitScript(() => {
      localStorage.setItem('samskapa.identity', JSON.stringify({ id: 'bench-viewer', name: 'Bench' }));
    });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`${server.http}/w/${workshop.id}#p=${workshop.participantToken}`);
    const inEditor = await page
      .waitForFunction(
        (n) =>
          ((window as unknown as BoardWindow).samskapaEditor
            ?.getCurrentPageShapes()
            .filter((s) => s.type === 'note').length ?? 0) >= n,
        NOTES,
        { timeout: BROWSER_DEADLINE_MS, polling: 50 },
      )
      .then(() => Date.now() - start)
      .catch(() => null);
    console.log(
      `browser: all notes loaded in the editor after ${inEditor === null ? 'more than the deadline' : `${inEditor} ms`}`,
    );
    await page.evaluate(() =>
      (window as unknown as BoardWindow).samskapaEditor?.zoomToFit({ animation: { duration: 0 } }),
    );
    const rendered = await page
      .waitForFunction(
        (n) => document.querySelectorAll('.tl-shape[data-shape-type="note"]').length >= n,
        NOTES,
        { timeout: BROWSER_DEADLINE_MS, polling: 50 },
      )
      .then(() => Date.now() - start)
      .catch(() => null);
    console.log(
      `browser: navigation → all ${NOTES} notes rendered (zoomed to fit): ${rendered === null ? 'more than the deadline' : `${rendered} ms`}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
