// Export benchmark: a 1,000-note workshop in 20 focus areas (votes on 100 notes, two groups, the agenda
// run) exported as JSON, XLSX, CSV, Markdown minutes and the server-drawn poster (SVG, PNG), in process, as
// the export route and `pnpm admin export` do. Prints the time (median of BENCH_RUNS) and size of each.
// Never fails on time.
//
//   npx pnpm@10.34.8 bench:export
//   BENCH_NOTES=2000 BENCH_AREAS=30 BENCH_RUNS=5 npx pnpm@10.34.8 bench:export
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
  addNote,
  agendaWithIds,
  AREA_COLORS,
  buildTemplateDoc,
  goToStep,
  initControlDoc,
  minutes,
  posterSvg,
  readBoardDoc,
  startGroups,
  workshopCsv,
  workshopExport,
  writeControlField,
  type TemplateFile,
} from '@samskapa/shared';
import { posterPng } from '../../server/src/export/posterPng';
import { workshopXlsx } from '../../server/src/export/xlsx';

const NOTES = Number(process.env.BENCH_NOTES ?? 1000);
const AREAS = Number(process.env.BENCH_AREAS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const WORDS =
  'samverkan mötesplatser unga vård tillgänglig hälsa stöd kompetens dialog samsyn delaktighet journal äldreomsorg'.split(
    ' ',
  );

const template: TemplateFile = {
  format: 'samskapa-template',
  version: 1,
  title: 'bench export',
  columns: 5,
  areas: Array.from({ length: AREAS }, (_, i) => ({
    code: `${String.fromCharCode(65 + Math.floor(i / 5))}${(i % 5) + 1}`,
    title: `Fokusområde ${i + 1} – ${WORDS[i % WORDS.length]}`,
    description: 'Hälsosystemet stödjer och möjliggör hälsosamma val och en jämlik hälsa.',
    color: AREA_COLORS[i % AREA_COLORS.length]!,
    kind: 'theme' as const,
    reference: [],
  })),
  agenda: [
    { title: 'Idéer', instruction: '', durationMinutes: 20, kind: 'brainstorm', areas: [] },
    { title: 'Prioritera', instruction: '', durationMinutes: 10, kind: 'vote', areas: [] },
  ],
};

const built = performance.now();
const board = buildTemplateDoc(template, 'Tavla');
const control = new Y.Doc();
initControlDoc(control, agendaWithIds(template.agenda));
const areas = readBoardDoc(board).areas;
const ids: string[] = [];
for (let i = 0; i < NOTES; i++) {
  const words = Array.from({ length: 4 + (i % 9) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]);
  ids.push(
    addNote(board, {
      text: `${words.join(' ')} ${i + 1}`,
      areaId: i % 50 === 49 ? null : areas[i % areas.length]!.id,
      authorId: `p_participant${i % 40}`,
      author: `Deltagare ${i % 40}`,
      now: Date.UTC(2025, 2, 12, 9) + i * 1000,
      pageName: 'Tavla',
    }),
  );
}
const start = Date.UTC(2025, 2, 12, 9);
goToStep(control, 'step-1', start);
goToStep(control, 'step-2', start + 25 * 60_000);
startGroups(
  control,
  'step-2',
  [
    { id: 'g1', name: 'Grupp 1', areaCode: 'A1', question: 'Hur?' },
    { id: 'g2', name: 'Grupp 2', areaCode: 'A2', question: 'Vad?' },
  ],
  Array.from({ length: 40 }, (_, p) => `p_participant${p}`),
);
writeControlField(control, 'voting', { phase: 'revealed', round: 1, settings: { budget: 5, perNoteCap: 3 } });
writeControlField(control, 'results', {
  round: 1,
  totals: Object.fromEntries(ids.slice(0, 100).map((id, i) => [id, 1 + (i % 7)])),
  voters: 40,
});
const buildMs = performance.now() - built;
const facts = {
  id: 'BenchExport00001',
  title: 'bench export',
  locale: 'sv' as const,
  createdAt: start,
  template: null,
};
const now = start + 40 * 60_000;

async function measure(name: string, produce: () => Promise<Uint8Array | string> | Uint8Array | string) {
  const times: number[] = [];
  let size = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const out = await produce();
    times.push(performance.now() - t0);
    size = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${name.padEnd(26)} ${median.toFixed(0).padStart(7)} ms  ${(size / 1024).toFixed(0).padStart(7)} KiB`,
  );
  return median;
}

console.log(`bench:export — ${NOTES} notes in ${AREAS} areas, median of ${RUNS} runs`);
console.log(
  `  (board built in ${buildMs.toFixed(0)} ms; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)})`,
);
const data = workshopExport(board, control, facts, now);
await measure('WorkshopExport (docs→obj)', () => JSON.stringify(workshopExport(board, control, facts, now)));
await measure('JSON', () => `${JSON.stringify(data, null, 2)}\n`);
await measure('XLSX', () => workshopXlsx(data, 'sv'));
await measure('CSV', () => workshopCsv(data));
await measure('Markdown minutes', () => minutes(data, 'sv'));
await measure('poster SVG', () => posterSvg(data, { locale: 'sv' }));
const svg = posterSvg(data, { locale: 'sv' });
let size = '';
await measure('poster PNG', async () => {
  const png = await posterPng(svg);
  size = `${png.width}×${png.height}`;
  return png.png;
});
console.log(
  `  poster PNG size: ${size} px (SVG ${/width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).join('×')})`,
);
const one = data.areas[0]!.code;
await measure(
  `poster PNG, area ${one}`,
  async () => (await posterPng(posterSvg(data, { locale: 'sv', area: one }))).png,
);
console.log('command: npx pnpm@10.34.8 bench:export (BENCH_NOTES, BENCH_AREAS, BENCH_RUNS)');
