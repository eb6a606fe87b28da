import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initControlDoc, writeControlField } from '../doc/controlDoc';
import { endGroups, startGroups } from '../facilitation/groups';
import { agendaWithIds, goToStep } from '../facilitation/steps';
import { BOARD_PAGE_NAMES } from '../records/board';
import { BUILTIN_TEMPLATES, buildTemplateDoc, localizeTemplate } from '../templates/index';
import { readBoardDoc } from '../workshop/board';
import { addNote } from '../workshop/operations';
import { workshopExport } from './fromDocs';
import { minutes } from './markdown';
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
    startGroups(
      control,
      'step-2',
      [{ id: 'g1', name: 'Grupp 1', areaCode: 'G1', question: 'Hur?' }],
      ['p_aaaaaaaaaa'],
    );
    goToStep(control, 'step-3', 610_000);
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
    expect(data.groups).toEqual([
      { name: 'Grupp 1', areaCode: 'G1', question: 'Hur?', members: 1, stepId: 'step-2' },
    ]);
    expect(data.vote).toEqual({ round: 1, voters: 1, budget: 5, perNoteCap: 2 });
    expect(data.agenda[1]!.runs).toEqual([
      { startedAt: new Date(10_000).toISOString(), endedAt: new Date(610_000).toISOString() },
    ]);
    expect(data.agenda[2]!.runs[0]!.endedAt).toBe(new Date(700_000).toISOString());
    expect(JSON.stringify(data)).not.toContain('p_aaaaaaaaaa');
  });

  it('says which groups ran in which step, ended ones too, and the minutes list them under their step', () => {
    const template = localizeTemplate(
      BUILTIN_TEMPLATES.find((t) => t.id === 'referensgrupp')!,
      'sv',
    );
    const board = buildTemplateDoc(template, BOARD_PAGE_NAMES.sv);
    const control = new Y.Doc();
    initControlDoc(control, agendaWithIds(template.agenda));
    goToStep(control, 'step-2', 10_000);
    startGroups(
      control,
      'step-2',
      [
        { id: 'a', name: 'Grupp 1', areaCode: 'G1', question: 'Hur bidrar vi?' },
        { id: 'b', name: 'Grupp 2', areaCode: 'G2', question: 'Hur bidrar vi?' },
      ],
      ['p_aaaaaaaaaa', 'p_bbbbbbbbbb', 'p_cccccccccc'],
    );
    goToStep(control, 'step-3', 610_000);
    startGroups(control, 'step-3', [{ id: 'c', name: 'Alla', areaCode: null, question: '' }], []);
    endGroups(control, 'step-3');

    const data = workshopExport(
      board,
      control,
      { id: 'w1', title: 'Referensgruppsmöte', locale: 'sv', createdAt: 0, template: 'referensgrupp' },
      700_000,
    );
    expect(WorkshopExport.parse(data)).toEqual(data);
    expect(data.groups.map((g) => [g.stepId, g.name, g.members])).toEqual([
      ['step-2', 'Grupp 1', 2],
      ['step-2', 'Grupp 2', 1],
      ['step-3', 'Alla', 0],
    ]);
    const md = minutes(data, 'sv');
    const groups = md.slice(md.indexOf('## Grupper'), md.indexOf('## Nästa steg'));
    expect(groups.split('\n').filter((line) => line !== '')).toEqual([
      '## Grupper',
      'I steget **Gruppdiskussion**:',
      '- **Grupp 1** (G1 Grupp 1): Hur bidrar vi? — 2 deltagare',
      '- **Grupp 2** (G2 Grupp 2): Hur bidrar vi? — 1 deltagare',
      'I steget **Nästa steg**:',
      '- **Alla** — 0 deltagare',
    ]);
  });
});
