import {
  addNote,
  readBoardDoc,
  WorkshopExport,
  type CreateWorkshopResponse,
  type VoteResults,
} from '@samskapa/shared';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, values } from '../fixtures/readXlsx';
import { createWorkshop } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import {
  call,
  connectFacilitator,
  disconnectParticipants,
  newVoter,
  openVoting,
  putBallot,
  type Facilitator,
} from './helpers/voting';

const TITLE = 'Samverkansplan – Östhammar';
const NOTES: [string, string | null][] = [
  ['Gemensam journal mellan region och kommun', 'B1'],
  ['Fler SIP:ar, tidigt', 'B1'],
  ['=SUMMA(A1:A9)', 'B2'],
  ['Minska beroendet av hyrpersonal', 'C1'],
  ['Gemensamma krisövningar', 'D1'],
  ['Bättre parkering vid lasarettet', null],
];

let server: RunningServer;
let w: CreateWorkshopResponse;
let facilitator: Facilitator;
let ids: string[];

/** A GET of the export as a browser's fetch makes it: the body as bytes, and the headers. */
async function download(query: string, token: string | null = w.facilitatorToken) {
  const res = await fetch(`${server.http}/api/workshops/${w.id}/export?${query}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** Today in Stockholm (the server's default TIME_ZONE), which names the downloads. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, TITLE, 'samverkansplan-hsvo');
  facilitator = await connectFacilitator(server, w);
  const areas = new Map(readBoardDoc(facilitator.board.doc).areas.map((a) => [a.code, a.id]));
  ids = NOTES.map(([text, code]) =>
    addNote(facilitator.board.doc, {
      text,
      areaId: code === null ? null : areas.get(code)!,
      authorId: 'p_facilitator',
      author: 'Åsa',
      now: Date.now(),
      pageName: 'Tavla',
    }),
  );
  // A real vote: one participant's ballot, counted and revealed by the server.
  const round = await openVoting(server, w, facilitator, { budget: 5, perNoteCap: 3 });
  const voter = await newVoter(server, w.id, w.participantToken);
  let answer = await putBallot(server, w.id, voter.secret, round, { [ids[0]!]: 3, [ids[3]!]: 2 });
  // The notes may reach the server just after the ballot: try again until they are there.
  for (let i = 0; i < 100 && answer.status === 422; i++) {
    await new Promise((r) => setTimeout(r, 100));
    answer = await putBallot(server, w.id, voter.secret, round, { [ids[0]!]: 3, [ids[3]!]: 2 });
  }
  expect(answer.status).toBe(200);
  const revealed = await call<VoteResults>(
    server,
    'POST',
    `/api/workshops/${w.id}/votes/reveal`,
    w.facilitatorToken,
  );
  expect(revealed.status).toBe(200);
});

afterAll(async () => {
  facilitator?.destroy();
  disconnectParticipants();
  await server?.stop();
});

describe('exporting a workshop over HTTP', () => {
  it('gives the facilitator JSON that validates against the published schema, as a named download', async () => {
    const res = await download('format=json');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.disposition).toBe(
      `attachment; filename="samverkansplan-osthammar-${today()}.json"; filename*=UTF-8''${encodeURIComponent(`${TITLE}-${today()}.json`)}`,
    );
    const data = WorkshopExport.parse(JSON.parse(res.body.toString('utf8')));
    const schema = await fetch(`${server.http}/schema/workshop-export.v1.json`);
    expect(schema.status).toBe(200);
    expect(schema.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const published = await schema.json();
    const committed = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../shared/schema/workshop-export.v1.json'), 'utf8'),
    );
    expect(published).toEqual(committed);
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(published);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);

    expect(data.workshop.title).toBe(TITLE);
    const b1 = data.areas.find((a) => a.code === 'B1')!;
    expect(b1.notes.filter((n) => !n.reference).map((n) => [n.text, n.votes])).toEqual([
      ['Gemensam journal mellan region och kommun', 3],
      ['Fler SIP:ar, tidigt', 0],
    ]);
    expect(data.unassigned.map((n) => n.text)).toEqual(['Bättre parkering vid lasarettet']);
    // The voter's board was open at the reveal: one voted, one was here.
    expect(data.vote).toMatchObject({ round: 1, voters: 1, present: 1 });
  });

  it('gives CSV with a BOM, Swedish headers and neutralised formulas', async () => {
    const res = await download('format=csv');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.disposition).toContain(`filename="samverkansplan-osthammar-${today()}.csv"`);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parseCsv(res.body, { bom: true });
    expect(rows[0]![0]).toBe('Områdeskod');
    expect(rows.filter((r) => r[7] === 'nej')).toHaveLength(NOTES.length);
    expect(rows.find((r) => r[3] === "'=SUMMA(A1:A9)")?.[0]).toBe('B2');
    expect(rows.find((r) => r[3] === 'Fler SIP:ar, tidigt')?.slice(0, 2)).toEqual(['B1', 'Nära vård']);
  });

  it('gives Markdown minutes with a heading per area', async () => {
    const res = await download('format=md');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/markdown/);
    expect(res.disposition).toContain(`.md"`);
    const md = res.body.toString('utf8');
    expect(md).toContain(`# Minnesanteckningar: ${TITLE}`);
    for (const heading of [
      '## B1 Nära vård',
      '## C1 Kompetensförsörjning',
      '## D1 Krishantering och beredskap',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('- Gemensam journal mellan region och kommun — Åsa (**3 prickar**)');
    expect(md).toContain(
      'Prickröstning (omgång 1): 1 deltagare röstade med 5 prickar var; 1 var här när resultatet visades.',
    );
    expect(md).toContain('**Mall:** Samverkansplan HSVO 2024–2026');
    expect(md).toMatch(/\*\*Exporterad:\*\* \d{4}-\d\d-\d\d \d\d:\d\d \(Europe\/Stockholm\)/);
  });

  it('gives an XLSX workbook: the notes, each area ranked, and the agenda, with numbers as numbers', async () => {
    const res = await download('format=xlsx');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.disposition).toContain(`filename="samverkansplan-osthammar-${today()}.xlsx"`);
    const book = readXlsx(res.body);
    const names = book.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Lappar', 'B1 Nära vård', 'B2 Nära vård', 'Agenda']));
    const notes = values(book.sheets[0]!);
    expect(notes[0]![0]).toBe('Områdeskod');
    // Text as written, never a formula: the cell is a string.
    expect(notes.find((r) => r[3] === '=SUMMA(A1:A9)')?.[0]).toBe('B2');
    expect(book.sheets.every((s) => !/<f[ >]/.test(s.xml))).toBe(true);
    const b1 = values(book.sheets.find((s) => s.name === 'B1 Nära vård')!);
    const first = b1[b1.findIndex((r) => r[0] === 'Plats') + 1]!;
    expect(first.slice(0, 4)).toEqual([1, 'Gemensam journal mellan region och kommun', 'Åsa', 3]);

    const area = await download('format=xlsx&area=C1');
    expect(area.disposition).toContain(`-c1-${today()}.xlsx"`);
    expect(readXlsx(area.body).sheets.map((s) => s.name)).toEqual([
      'Lappar',
      'C1 Kompetensförsörjning',
      'Agenda',
    ]);
  });

  it('gives "CSV för Excel": the same rows with semicolons, named .csv', async () => {
    const res = await download('format=csv-excel');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.disposition).toContain(`filename="samverkansplan-osthammar-${today()}.csv"`);
    const text = res.body.toString('utf8');
    expect(text.startsWith('\uFEFFOmrådeskod;Område;Grupp;Lapp;')).toBe(true);
    const rows: string[][] = parseCsv(res.body, { bom: true, delimiter: ';' });
    expect(rows).toEqual(parseCsv((await download('format=csv')).body, { bom: true }));
  });

  it('gives the poster as SVG and PNG', async () => {
    const svg = await download('format=svg');
    expect(svg.status).toBe(200);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.disposition).toContain(`-${today()}.svg"`);
    expect(XMLValidator.validate(svg.body.toString('utf8'))).toBe(true);
    expect(svg.body.toString('utf8')).toContain('B1 Nära vård');

    const png = await download('format=png');
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.disposition).toContain(`-${today()}.png"`);
    const image = PNG.sync.read(png.body);
    expect(image.width).toBe(2480);
    expect(image.height).toBe(Number(/height="(\d+)"/.exec(svg.body.toString('utf8'))![1]));
  });

  it('exports one area when asked for its code, and says so when there is no such area', async () => {
    const json = await download('format=json&area=B1');
    expect(json.status).toBe(200);
    expect(json.disposition).toContain(`filename="samverkansplan-osthammar-b1-${today()}.json"`);
    const data = WorkshopExport.parse(JSON.parse(json.body.toString('utf8')));
    expect(data.areas.map((a) => a.code)).toEqual(['B1']);
    expect(data.unassigned).toEqual([]);

    const svg = await download('format=svg&area=B1');
    expect(svg.body.toString('utf8')).not.toContain('Krishantering');

    const unknown = await download('format=csv&area=Z9');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ error: 'unknown_area' });
    expect(unknown.body.toString('utf8')).toContain('Z9');
  });

  it('refuses everyone but the facilitator, and a format it does not know', async () => {
    expect((await download('format=json', null)).status).toBe(401);
    expect((await download('format=json', 'not-a-token')).status).toBe(401);
    expect((await download('format=json', w.participantToken)).status).toBe(403);
    expect((await download('format=json', w.viewerToken)).status).toBe(403);
    const bad = await download('format=docx');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).message).toMatch(/^format: /);
    expect((await download('')).status).toBe(400);
    const missing = await fetch(`${server.http}/api/workshops/AAAAAAAAAAAAAAAA/export?format=json`, {
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(missing.status).toBe(404);
  });
});
