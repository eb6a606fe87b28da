import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  AREA_COLORS,
  buildNote,
  AREA_KINDS,
  BOARD_PAGE_ID,
  BOARD_PAGE_NAMES,
  boardRecords,
  buildTemplateDoc,
  docsFromExport,
  ImportableExport,
  initControlDoc,
  readBoardDoc,
  shapeIndices,
  STEP_KINDS,
  workshopExport,
  WorkshopExport,
  writeControlField,
  writeGroupsOfStep,
  type AgendaStep,
  type Group,
  type StoredRecord,
  type TemplateFile,
  type WorkshopFacts,
} from '@samskapa/shared';

const SCHEMA_FILE = resolve(import.meta.dirname, '../../shared/schema/workshop-export.v1.json');
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')),
);

const PAGE = BOARD_PAGE_NAMES.sv;
const START = Date.UTC(2025, 2, 12, 8, 0, 0);
const FACTS: WorkshopFacts = {
  id: 'Original00000001',
  title: 'Genererad',
  locale: 'sv',
  createdAt: START - 3600_000,
  template: null,
  timeZone: 'Europe/Stockholm',
};
// eslint-disable-next-line no-control-regex -- what an export must not hold
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Characters a modified client or a paste can put in a text: controls, lone surrogate halves, emoji. */
const tricky = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\r',
  '\t',
  '\n',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\uD83D',
  '\uDE00',
  '😀',
  'å',
  'a',
  ' ',
  '"',
);
const shortText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: tricky, maxLength: 40 }),
);
/** Text around and over the 2,000-character limit, cut anywhere (also inside a surrogate pair). */
const longText = fc
  .tuple(fc.string({ unit: tricky, minLength: 1, maxLength: 8 }), fc.integer({ min: 1900, max: 4500 }))
  .map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length));
const text = fc.oneof({ weight: 4, arbitrary: shortText }, { weight: 1, arbitrary: longText });

const areaArb = fc.record({
  title: fc.oneof(fc.constant('Område'), fc.string({ unit: tricky, minLength: 1, maxLength: 30 })),
  description: fc.oneof(fc.constant(''), shortText),
  color: fc.constantFrom(...AREA_COLORS),
  kind: fc.constantFrom(...AREA_KINDS),
  reference: fc.array(text, { maxLength: 2 }),
});

const noteArb = fc.record({
  text,
  area: fc.option(fc.nat(), { nil: null }),
  author: fc.oneof(shortText, fc.string({ maxLength: 120 })),
  now: fc.oneof(
    fc.integer({ min: START - 1e10, max: START + 1e10 }),
    fc.constantFrom(-1e17, 1e17, 0, -62_167_219_200_001, 253_402_300_800_000),
  ),
});

/** What a modified client could have written under a key of the records map before the server checked. */
const junkArb = fc.oneof(
  fc.record({ key: fc.string({ maxLength: 120 }), value: fc.anything() }),
  fc
    .record({
      key: fc.oneof(
        fc.string({ maxLength: 10 }).map((s) => `shape:${s}`),
        fc.constant(''),
        fc.string({ minLength: 101, maxLength: 130 }),
      ),
      type: fc.constantFrom('note', 'frame', 'geo', 'arrow'),
      props: fc.oneof(
        fc.anything(),
        fc.record({
          richText: fc.oneof(
            fc.anything(),
            text.map((t) => ({
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
            })),
          ),
          w: fc.anything(),
          h: fc.anything(),
          color: fc.anything(),
        }),
      ),
      meta: fc.oneof(
        fc.anything(),
        fc.record(
          {
            kind: fc.constant('focusArea'),
            code: fc.oneof(fc.constantFrom('Z1', 'ZZ', ' Z2 '), fc.string({ maxLength: 14 })),
            title: fc.oneof(shortText, fc.string({ unit: tricky, maxLength: 220 })),
            description: fc.anything(),
            areaKind: fc.anything(),
            author: fc.anything(),
            authorId: fc.anything(),
            createdAt: fc.oneof(fc.double(), fc.integer()),
            reference: fc.oneof(fc.boolean(), fc.anything()),
          },
          { requiredKeys: [] },
        ),
      ),
      x: fc.oneof(fc.double(), fc.anything()),
      y: fc.oneof(fc.double(), fc.anything()),
      parentId: fc.oneof(fc.constant('page:page'), fc.anything()),
      index: fc.oneof(fc.constant('a1'), fc.anything()),
    })
    .map(({ key, ...fields }) => ({ key, value: { id: key, typeName: 'shape', ...fields } })),
);

const stepArb = fc.record({
  id: fc.constantFrom('s1', 's2', 's3', 's4'),
  title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
  instruction: shortText,
  durationMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
  kind: fc.constantFrom(...STEP_KINDS),
  areas: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
});

const groupArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 5 }),
  name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
  areaCode: fc.option(fc.constantFrom('A1', 'A2', 'A3', 'Z1', 'nowhere'), { nil: null }),
  question: shortText,
});

const controlArb = fc.record({
  agenda: fc.array(stepArb, { maxLength: 5 }),
  currentStepId: fc.option(fc.constantFrom('s1', 's2', 's3', 's9'), { nil: null }),
  history: fc.array(
    fc.record({
      stepId: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: null }),
      at: fc.oneof(fc.integer({ min: START, max: START + 1e7 }), fc.constantFrom(1e17, -1e17)),
    }),
    { maxLength: 6 },
  ),
  groups: fc.array(
    fc.record({
      stepId: fc.option(fc.constantFrom('s1', 's2', 's9'), { nil: null }),
      groups: fc.array(groupArb, { maxLength: 3 }),
      ended: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  vote: fc.option(
    fc.record({
      phase: fc.constantFrom('closed', 'open', 'revealed'),
      round: fc.nat(3),
      resultsRound: fc.nat(3),
      budget: fc.integer({ min: 1, max: 50 }),
      perNoteCap: fc.integer({ min: 1, max: 50 }),
      voters: fc.nat(),
      // Results revealed before participants here were counted have none.
      present: fc.option(fc.nat(), { nil: undefined }),
      dots: fc.array(fc.tuple(fc.nat(), fc.nat(100)), { maxLength: 8 }),
    }),
    { nil: null },
  ),
});

const boardArb = fc.record({
  areas: fc.array(areaArb, { maxLength: 5 }),
  notes: fc.array(noteArb, { maxLength: 25 }),
  junk: fc.array(junkArb, { maxLength: 6 }),
  control: controlArb,
});

type GeneratedBoard = typeof boardArb extends fc.Arbitrary<infer T> ? T : never;

/** The board and control docs a generated workshop is. */
function build(generated: GeneratedBoard) {
  const template: TemplateFile = {
    format: 'samskapa-template',
    version: 1,
    title: 'Genererad',
    columns: 2,
    areas: generated.areas.map((area, i) => ({ ...area, code: `A${i + 1}` })),
    agenda: [],
  };
  const board = buildTemplateDoc(template, PAGE);
  const areaIds = readBoardDoc(board).areas.map((a) => a.id);
  const noteIds = generated.notes.map((note, i) =>
    addNote(board, {
      text: note.text,
      areaId: note.area === null || areaIds.length === 0 ? null : areaIds[note.area % areaIds.length]!,
      authorId: `p_author${i % 3}xxxx`,
      author: note.author,
      now: note.now,
      pageName: PAGE,
    }),
  );
  // Straight into the records map, as a client without the server's checks wrote them.
  board.transact(() => {
    for (const { key, value } of generated.junk) boardRecords(board).set(key, value as StoredRecord);
  });

  const c = generated.control;
  const control = new Y.Doc();
  initControlDoc(control, c.agenda as AgendaStep[]);
  writeControlField(control, 'currentStepId', c.currentStepId);
  writeControlField(control, 'history', c.history);
  for (const { stepId, groups, ended } of c.groups) {
    writeGroupsOfStep(control, stepId, { groups: groups as Group[], selfSelect: false, ended });
  }
  if (c.vote) {
    const ids = [...noteIds, ...generated.junk.map((j) => j.key)];
    const totals: Record<string, number> = {};
    for (const [which, dots] of c.vote.dots) if (ids.length > 0) totals[ids[which % ids.length]!] = dots;
    writeControlField(control, 'voting', {
      phase: c.vote.phase,
      round: c.vote.round,
      settings: { budget: c.vote.budget, perNoteCap: c.vote.perNoteCap },
    });
    writeControlField(control, 'results', {
      round: c.vote.resultsRound,
      totals,
      voters: c.vote.voters,
      ...(c.vote.present !== undefined && { present: c.vote.present }),
    });
  }
  return { board, control };
}

type ExportedNote = WorkshopExport['unassigned'][number];

/**
 * What must survive an import: everything but ids, the workshop's id and times, runs and group sizes,
 * and the group an area shows (it is the current step's, and an imported workshop has no step running).
 */
function content(data: WorkshopExport) {
  const note = ({ id: _id, ...rest }: ExportedNote) => rest;
  return {
    ...data,
    exportedAt: null,
    workshop: { ...data.workshop, id: null, createdAt: null },
    agenda: data.agenda.map((step) => ({ ...step, runs: null })),
    groups: data.groups.map((group) => ({ ...group, members: null })),
    areas: data.areas.map((area) => ({ ...area, group: null, notes: area.notes.map(note) })),
    unassigned: data.unassigned.map(note),
  };
}

const allNotes = (data: WorkshopExport) => [...data.areas.flatMap((a) => a.notes), ...data.unassigned];

/** Exports, checks the export against both schemas, imports it and exports that again. */
function roundTrip(board: Y.Doc, control: Y.Doc) {
  const first = workshopExport(board, control, FACTS, START + 3600_000);
  const parsed = WorkshopExport.safeParse(first);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  const json: unknown = JSON.parse(JSON.stringify(first));
  expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const importable = ImportableExport.safeParse(json);
  expect(importable.success, JSON.stringify(importable.error?.issues.slice(0, 3))).toBe(true);

  const imported = docsFromExport(importable.data!, PAGE);
  const second = workshopExport(
    imported.board,
    imported.control,
    { ...FACTS, id: 'Imported00000001', createdAt: START + 7200_000 },
    START + 7200_000,
  );
  expect(content(second)).toEqual(content(first));
  // With no step running, an area shows the first group that had it.
  expect(second.areas.map((a) => a.group)).toEqual(
    first.areas.map((a) => first.groups.find((g) => g.areaCode === a.code)?.name ?? null),
  );
  return first;
}

describe('an export of whatever a board holds', () => {
  it('is valid against the committed schema, re-imports, and exports again as the same workshop', () => {
    fc.assert(
      fc.property(boardArb, (generated) => {
        const { board, control } = build(generated);
        const first = roundTrip(board, control);
        // Every note that is a note is in it, without control characters, at most 2,000 characters.
        const notesOnBoard = readBoardDoc(board).notes.filter((n) => n.id.length >= 1 && n.id.length <= 100);
        expect(allNotes(first)).toHaveLength(notesOnBoard.length);
        for (const note of allNotes(first)) {
          expect(note.text).not.toMatch(CONTROL);
          expect(note.text.length).toBeLessThanOrEqual(2000);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('of 5,000 notes is valid, keeps every note and re-imports as the same workshop', () => {
    const { board, control } = build({
      areas: [0, 1, 2].map((i) => ({
        title: `Område ${i}`,
        description: '',
        color: 'blue',
        kind: 'theme',
        reference: [],
      })),
      notes: [],
      junk: [],
      control: { agenda: [], currentStepId: null, history: [], groups: [], vote: null },
    });
    const areaIds = readBoardDoc(board).areas.map((a) => a.id);
    // Written in one go, as a long workshop left them (adding them one by one takes minutes).
    const indices = shapeIndices(5000);
    board.transact(() => {
      for (let i = 0; i < 5000; i++) {
        const parentId = i % 4 === 3 ? BOARD_PAGE_ID : (areaIds[i % 3] as typeof BOARD_PAGE_ID);
        const note = buildNote({
          x: (i % 7) * 220,
          y: 2000 + Math.floor(i / 7) * 220,
          text: i % 500 === 0 ? `Lång\u0007 ${'x'.repeat(2500)}` : `Lapp ${i}`,
          index: indices[i]!,
          parentId,
          meta: { authorId: 'p_author0xxxx', author: 'Åsa', createdAt: START + i },
        });
        boardRecords(board).set(note.id, note as unknown as StoredRecord);
      }
    });
    const first = roundTrip(board, control);
    expect(allNotes(first)).toHaveLength(5000);
  }, 30_000);
});
