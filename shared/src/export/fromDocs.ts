import type * as Y from 'yjs';
import { readControl } from '../doc/controlDoc';
import { stepDurations } from '../facilitation/steps';
import type { Locale } from '../model/workshop';
import { readBoardDoc } from '../workshop/board';
import type { Note } from '../workshop/note';
import {
  WORKSHOP_EXPORT_FORMAT,
  WORKSHOP_EXPORT_VERSION,
  type ExportedNote,
  type WorkshopExport,
} from './workshopExport';

/** What the documents do not hold about a workshop (its row). */
export interface WorkshopFacts {
  id: string;
  title: string;
  locale: Locale;
  createdAt: number;
  template: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A workshop as structured data, from its board and control docs at `now`. Area membership comes from
 * the one membership function (through `readBoardDoc`); votes are the last revealed totals.
 */
export function workshopExport(
  board: Y.Doc,
  control: Y.Doc,
  facts: WorkshopFacts,
  now: number,
): WorkshopExport {
  const { areas, notes } = readBoardDoc(board);
  const state = readControl(control);
  const revealed =
    state.results && state.voting.phase === 'revealed' && state.results.round === state.voting.round;
  const totals = revealed && state.results ? state.results.totals : {};
  const note = (n: Note): ExportedNote => ({
    id: n.id,
    text: n.text,
    author: n.reference ? null : n.author,
    createdAt: n.createdAt === null ? null : iso(n.createdAt),
    reference: n.reference,
    votes: totals[n.id] ?? 0,
  });
  const members = new Map<string, number>();
  for (const groupId of Object.values(state.members)) members.set(groupId, (members.get(groupId) ?? 0) + 1);
  const runs = stepDurations(state.history, now);
  return {
    format: WORKSHOP_EXPORT_FORMAT,
    version: WORKSHOP_EXPORT_VERSION,
    exportedAt: iso(now),
    workshop: {
      id: facts.id,
      title: facts.title,
      locale: facts.locale,
      createdAt: iso(facts.createdAt),
      template: facts.template,
    },
    agenda: state.agenda.map((step) => ({
      ...step,
      runs: runs
        .filter((r) => r.stepId === step.id)
        .map((r) => ({ startedAt: iso(r.startedAt), endedAt: iso(r.endedAt) })),
    })),
    groups: state.groups.map((g) => ({
      name: g.name,
      areaCode: g.areaCode,
      question: g.question,
      members: members.get(g.id) ?? 0,
    })),
    vote:
      revealed && state.results
        ? {
            round: state.results.round,
            voters: state.results.voters,
            budget: state.voting.settings.budget,
            perNoteCap: state.voting.settings.perNoteCap,
          }
        : null,
    areas: areas.map((area) => {
      const inArea = notes.filter((n) => n.areaId === area.id).map(note);
      return {
        code: area.code,
        title: area.title,
        description: area.description,
        kind: area.kind,
        color: area.color,
        group: state.groups.find((g) => g.areaCode === area.code)?.name ?? null,
        votes: inArea.reduce((sum, n) => sum + n.votes, 0),
        notes: inArea,
      };
    }),
    unassigned: notes.filter((n) => n.areaId === null).map(note),
  };
}
