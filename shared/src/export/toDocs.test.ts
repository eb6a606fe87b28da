import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initControlDoc, readControl, writeControlField } from '../doc/controlDoc';
import { startGroups } from '../facilitation/groups';
import { agendaWithIds, goToStep } from '../facilitation/steps';
import { BOARD_PAGE_NAMES } from '../records/board';
import { BUILTIN_TEMPLATES, buildTemplateDoc, localizeTemplate } from '../templates/index';
import { readBoardDoc } from '../workshop/board';
import { addNote } from '../workshop/operations';
import { workshopExport, type WorkshopFacts } from './fromDocs';
import { docsFromExport, ImportableExport } from './toDocs';
import type { WorkshopExport } from './workshopExport';

const START = Date.UTC(2025, 2, 12, 8, 0, 0);

/** A workshop with reference content, notes in several areas and outside them, groups and a vote. */
function workshop() {
  const template = localizeTemplate(
    BUILTIN_TEMPLATES.find((t) => t.id === 'referensgrupp')!,
    'sv',
  );
  const board = buildTemplateDoc(template, BOARD_PAGE_NAMES.sv);
  const control = new Y.Doc();
  initControlDoc(control, agendaWithIds(template.agenda));
  const areas = readBoardDoc(board).areas;
  const ids: string[] = [];
  for (let i = 0; i < 23; i++) {
    // The first area gets many notes, so it grows and pushes the areas below it down.
    const area = i < 12 ? areas[0]! : i < 20 ? areas[(i % (areas.length - 1)) + 1]! : null;
    ids.push(
      addNote(board, {
        text: `Lapp ${i} – åäö, "citat"${i === 3 ? '\nandra raden' : ''}`,
        areaId: area?.id ?? null,
        authorId: `p_author${i % 3}xxxx`,
        author: ['Åsa', 'Per', 'Märta'][i % 3]!,
        now: START + i * 1000,
        pageName: BOARD_PAGE_NAMES.sv,
      }),
    );
  }
  goToStep(control, 'step-1', START);
  goToStep(control, 'step-2', START + 600_000);
  startGroups(
    control,
    'step-2',
    [
      { id: 'a', name: 'Grupp 1', areaCode: areas[0]!.code, question: 'Vad behövs?' },
      { id: 'b', name: 'Grupp 2', areaCode: null, question: '' },
    ],
    ['p_someone0001'],
  );
  writeControlField(control, 'voting', {
    phase: 'revealed',
    round: 2,
    settings: { budget: 5, perNoteCap: 3 },
  });
  writeControlField(control, 'results', {
    round: 2,
    totals: { [ids[0]!]: 4, [ids[13]!]: 2, [ids[21]!]: 1 },
    voters: 3,
  });
  const facts: WorkshopFacts = {
    id: 'Original00000001',
    title: 'Referensgrupp',
    locale: 'sv',
    createdAt: START - 3600_000,
    template: 'referensgrupp',
  };
  return { board, control, facts };
}

/** What must survive an import: everything but ids, times of the workshop, runs and group sizes. */
function content(data: WorkshopExport) {
  const note = ({ id: _id, ...rest }: WorkshopExport['unassigned'][number]) => rest;
  return {
    ...data,
    exportedAt: null,
    workshop: { ...data.workshop, id: null, createdAt: null },
    agenda: data.agenda.map((step) => ({ ...step, runs: null })),
    groups: data.groups.map((group) => ({ ...group, members: null })),
    areas: data.areas.map((area) => ({ ...area, notes: area.notes.map(note) })),
    unassigned: data.unassigned.map(note),
  };
}

describe('a workshop built from its export', () => {
  it('exports again as the same areas, notes, votes, groups and agenda', () => {
    const { board, control, facts } = workshop();
    const first = workshopExport(board, control, facts, START + 3600_000);
    expect(ImportableExport.safeParse(first).success).toBe(true);
    expect(first.areas[0]!.notes.length).toBeGreaterThan(10);
    expect(first.unassigned).toHaveLength(3);
    expect(first.vote).not.toBeNull();

    const imported = docsFromExport(first, BOARD_PAGE_NAMES.sv);
    const second = workshopExport(
      imported.board,
      imported.control,
      { ...facts, id: 'Imported00000001', createdAt: Date.now() },
      Date.now(),
    );
    expect(content(second)).toEqual(content(first));
    // New notes, new ids: the votes were carried over to them.
    const firstIds = new Set(first.areas.flatMap((a) => a.notes.map((n) => n.id)));
    expect(second.areas.flatMap((a) => a.notes).some((n) => firstIds.has(n.id))).toBe(false);
  });

  it('puts the reference content in locked notes and nobody in the groups, which are their step’s again', () => {
    const { board, control, facts } = workshop();
    const imported = docsFromExport(workshopExport(board, control, facts, START), BOARD_PAGE_NAMES.sv);
    const references = readBoardDoc(imported.board).notes.filter((n) => n.reference);
    expect(references.length).toBeGreaterThan(0);
    const state = readControl(imported.control);
    expect(state.stepMembers).toEqual({});
    expect(state.currentStepId).toBeNull();
    expect(state.groups).toEqual([]);
    expect(state.stepGroups['step-2']?.groups.map((g) => g.name)).toEqual(['Grupp 1', 'Grupp 2']);
  });

  it('gives the groups of a file from before groups had steps to no step, shown until a step starts', () => {
    const { board, control, facts } = workshop();
    const data = workshopExport(board, control, facts, START);
    const old = { ...data, groups: data.groups.map(({ stepId: _stepId, ...group }) => group) };
    const imported = docsFromExport(old, BOARD_PAGE_NAMES.sv);
    expect(readControl(imported.control).groups.map((g) => g.name)).toEqual(['Grupp 1', 'Grupp 2']);
  });

  it('refuses an area code a frame cannot carry, naming the field', () => {
    const { board, control, facts } = workshop();
    const data = workshopExport(board, control, facts, START);
    data.areas[1]!.code = 'B 1';
    const parsed = ImportableExport.safeParse(data);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['areas', 1, 'code']);
  });
});
