import type * as Y from 'yjs';
import { readControl, type ControlState } from '../doc/controlDoc';
import { stepDurations } from '../facilitation/steps';
import type { Group } from '../model/group';
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
  /** The IANA time zone the workshop is held in (the server's `TIME_ZONE`). */
  timeZone?: string;
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
  const groups = groupsByStep(state);
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
      ...(facts.timeZone !== undefined && { timeZone: facts.timeZone }),
    },
    agenda: state.agenda.map((step) => ({
      ...step,
      runs: runs
        .filter((r) => r.stepId === step.id)
        .map((r) => ({ startedAt: iso(r.startedAt), endedAt: iso(r.endedAt) })),
    })),
    groups: groups.map(({ group, stepId, members }) => ({
      name: group.name,
      areaCode: group.areaCode,
      question: group.question,
      members,
      stepId,
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
        group: groupOfArea(state, groups, area.code),
        votes: inArea.reduce((sum, n) => sum + n.votes, 0),
        notes: inArea,
      };
    }),
    unassigned: notes.filter((n) => n.areaId === null).map(note),
  };
}

interface StepGroup {
  group: Group;
  /** The step it was made in (null: while no step ran). */
  stepId: string | null;
  members: number;
}

/**
 * The groups of every step still on the agenda, in its order (those made while no step ran first),
 * each with how many were in it.
 */
function groupsByStep(state: ControlState): StepGroup[] {
  const steps = [null, ...state.agenda.map((step) => step.id)];
  return steps.flatMap((stepId) => {
    const made = state.stepGroups[stepId ?? ''];
    if (!made) return [];
    const members = Object.values(state.stepMembers[stepId ?? ''] ?? {});
    return made.groups.map((group) => ({
      group,
      stepId,
      members: members.filter((id) => id === group.id).length,
    }));
  });
}

/** The group whose area it is: the current step's, else the first step's that had one there. */
function groupOfArea(state: ControlState, groups: readonly StepGroup[], code: string): string | null {
  const current = state.groups.find((g) => g.areaCode === code);
  return current?.name ?? groups.find((g) => g.group.areaCode === code)?.group.name ?? null;
}
