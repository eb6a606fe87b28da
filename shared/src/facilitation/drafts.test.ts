import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BOARD_PAGE_NAMES } from '../records/board';
import { buildTemplateDoc, BUILTIN_TEMPLATES, localizeTemplate } from '../templates/index';
import { readBoardDoc } from '../workshop/board';
import { draftsDue, publishDrafts, type Draft } from './drafts';

const draft = (id: string, round: number, areaId: string | null = null): Draft => ({
  id,
  text: `Idé ${id}`,
  areaId,
  round,
  createdAt: 1000 + round,
});

describe('silent brainstorming drafts', () => {
  it('stay private while their round is silent and are all due at its reveal', () => {
    const drafts = [draft('a', 1), draft('b', 1)];
    expect(draftsDue(drafts, { phase: 'silent', round: 1 })).toEqual([]);
    expect(draftsDue(drafts, { phase: 'revealed', round: 1 }).map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('of an earlier round are due even while a later round is silent (written offline, back later)', () => {
    expect(
      draftsDue([draft('old', 1), draft('new', 2)], { phase: 'silent', round: 2 }).map((d) => d.id),
    ).toEqual(['old']);
  });

  it('are not lost when the facilitator ends the round without a reveal', () => {
    expect(draftsDue([draft('a', 1)], { phase: 'off', round: 1 })).toHaveLength(1);
  });

  it('are published as the participant’s notes in their areas, at once for everyone', () => {
    const template = localizeTemplate(
      BUILTIN_TEMPLATES.find((t) => t.id === 'referensgrupp')!,
      'sv',
    );
    const doc = buildTemplateDoc(template, BOARD_PAGE_NAMES.sv);
    const f1 = readBoardDoc(doc).areas.find((a) => a.code === 'F1')!;
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    let updates = 0;
    doc.on('update', () => updates++);

    const published = publishDrafts(
      doc,
      [draft('a', 1, f1.id), draft('b', 1, 'shape:gone')],
      { id: 'p1', name: 'Anna' },
      BOARD_PAGE_NAMES.sv,
    );
    expect(published).toEqual(['a', 'b']);
    expect(updates).toBe(1);
    const notes = readBoardDoc(doc).notes.filter((n) => !n.reference);
    expect(notes.map((n) => [n.text, n.areaId, n.author])).toEqual(
      expect.arrayContaining([
        ['Idé a', f1.id, 'Anna'],
        ['Idé b', null, 'Anna'],
      ]),
    );
  });
});
