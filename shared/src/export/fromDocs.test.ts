import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { assignToGroup, initControlDoc, writeControlField } from '../doc/controlDoc';
import { agendaWithIds, goToStep } from '../facilitation/steps';
import { BOARD_PAGE_NAMES } from '../records/board';
import { BUILTIN_TEMPLATES, buildTemplateDoc, localizeTemplate } from '../templates/index';
import { readBoardDoc } from '../workshop/board';
import { addNote } from '../workshop/operations';
import { workshopExport } from './fromDocs';
import { WorkshopExport } from './workshopExport';

describe('a workshop as structured data', () => {
  it('holds each area with its notes, their votes, the group whose area it is, and the agenda as run', () => {
    const template = localizeTemplate(
      BUILTIN_TEMPLATES.find((t) => t.id === 'referensgrupp')!,
      'sv',
    );
    const board = buildTemplateDoc(template, BOARD_PAGE_NAMES.sv);
    const control = new Y.Doc();
    initControlDoc(control, agendaWithIds(template.agenda));
    const g1 = readBoardDoc(board).areas.find((a) => a.code === 'G1')!;
    const note = (text: string, areaId: string | null) =>
      addNote(board, { text, areaId, authorId: 'p', author: 'Per', now: 1_000, pageName: 'Tavla' });
    const voted = note('Vi delar kunskap', g1.id);
    note('Utanför', null);
    goToStep(control, 'step-2', 10_000);
    goToStep(control, 'step-3', 610_000);
    writeControlField(control, 'groups', [{ id: 'g1', name: 'Grupp 1', areaCode: 'G1', question: 'Hur?' }]);
    assignToGroup(control, 'p_aaaaaaaaaa', 'g1');
    writeControlField(control, 'voting', {
      phase: 'revealed',
      round: 1,
      settings: { budget: 5, perNoteCap: 2 },
    });
    writeControlField(control, 'results', { round: 1, totals: { [voted]: 2 }, voters: 1 });

    const data = workshopExport(
      board,
      control,
      { id: 'w1', title: 'Referensgruppsmöte', locale: 'sv', createdAt: 0, template: 'referensgrupp' },
      700_000,
    );
    expect(WorkshopExport.parse(data)).toEqual(data);
    const area = data.areas.find((a) => a.code === 'G1')!;
    expect(area).toMatchObject({ title: 'Grupp 1', group: 'Grupp 1', votes: 2 });
    expect(area.notes.map((n) => [n.text, n.author, n.votes])).toEqual([['Vi delar kunskap', 'Per', 2]]);
    expect(data.unassigned.map((n) => n.text)).toEqual(['Utanför']);
    expect(data.groups).toEqual([{ name: 'Grupp 1', areaCode: 'G1', question: 'Hur?', members: 1 }]);
    expect(data.vote).toEqual({ round: 1, voters: 1, budget: 5, perNoteCap: 2 });
    expect(data.agenda[1]!.runs).toEqual([
      { startedAt: new Date(10_000).toISOString(), endedAt: new Date(610_000).toISOString() },
    ]);
    expect(data.agenda[2]!.runs[0]!.endedAt).toBe(new Date(700_000).toISOString());
    expect(JSON.stringify(data)).not.toContain('p_aaaaaaaaaa');
  });
});
