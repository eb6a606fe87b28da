import type * as Y from 'yjs';
import { readControl, type ControlState } from '../doc/controlDoc';
import { stepDurations } from '../facilitation/steps';
import { MAX_NOTE_TEXT } from '../model/focusArea';
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

/** The first and last instants an ISO 8601 date with a four-digit year can name (0000–9999). */
const FIRST_INSTANT = -62_167_219_200_000;
const LAST_INSTANT = 253_402_300_799_999;

/** `ms` as an exported instant, or null when no ISO 8601 date names it (a peer wrote any number). */
const instant = (ms: number): string | null =>
  Number.isFinite(ms) && ms >= FIRST_INSTANT && ms <= LAST_INSTANT ? iso(ms) : null;

/** Most notes an area, or the notes of no area, holds in an export (the schema's limit). */
const MAX_EXPORTED_NOTES = 10_000;
/** Most areas an export holds (the schema's limit). */
const MAX_EXPORTED_AREAS = 500;
/** Longest note id the export schema takes. */
const MAX_NOTE_ID = 100;

// Control characters other than tab and line feed (C0, DEL, C1): no one types them, a peer can write them.
// eslint-disable-next-line no-control-regex -- control characters are what is taken out
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Half of a surrogate pair without its other half: not a character, and UTF-8 cannot hold it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from the board as an export holds it: without control characters (tab and line feed stay), lone
 * surrogates replaced, and cut at `max` UTF-16 units (never inside a surrogate pair).
 */
export function exportedText(text: string, max: number = MAX_NOTE_TEXT): string {
  const clean = text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\uFFFD');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

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
  const onBoard = readBoardDoc(board);
  // Whatever a peer wrote: a note the schema cannot name is left out, lists stop at the schema's limits.
  const notes = onBoard.notes.filter((n) => n.id.length >= 1 && n.id.length <= MAX_NOTE_ID);
  const areas = onBoard.areas.slice(0, MAX_EXPORTED_AREAS);
  const state = readControl(control);
  // A step id used twice is one step (the first), so its groups are listed once and an import takes it.
  const agenda = state.agenda.filter((step, i) => state.agenda.findIndex((s) => s.id === step.id) === i);
  const revealed =
    state.results &&
    state.voting.phase === 'revealed' &&
    state.results.round === state.voting.round &&
    state.results.round >= 1;
  const totals = revealed && state.results ? state.results.totals : {};
  const note = (n: Note): ExportedNote => ({
    id: n.id,
    text: exportedText(n.text),
    author: n.reference || n.author === null ? null : exportedText(n.author, 100),
    createdAt: n.createdAt === null ? null : instant(n.createdAt),
    reference: n.reference,
    votes: totals[n.id] ?? 0,
  });
  const groups = groupsByStep({ ...state, agenda });
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
    agenda: agenda.map((step) => ({
      ...step,
      runs: runs.flatMap((r) => {
        const startedAt = instant(r.startedAt);
        const endedAt = instant(r.endedAt);
        return r.stepId === step.id && startedAt && endedAt ? [{ startedAt, endedAt }] : [];
      }),
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
            ...(state.results.present !== undefined && { present: state.results.present }),
            budget: state.voting.settings.budget,
            perNoteCap: state.voting.settings.perNoteCap,
          }
        : null,
    areas: areas.map((area) => {
      const inArea = notes
        .filter((n) => n.areaId === area.id)
        .slice(0, MAX_EXPORTED_NOTES)
        .map(note);
      const title = exportedText(area.title, 200).trim();
      return {
        code: area.code,
        title: title || area.code,
        description: exportedText(area.description),
        kind: area.kind,
        color: area.color,
        group: groupOfArea(state, groups, area.code),
        votes: Math.min(
          inArea.reduce((sum, n) => sum + n.votes, 0),
          Number.MAX_SAFE_INTEGER,
        ),
        notes: inArea,
      };
    }),
    unassigned: notes
      .filter((n) => n.areaId === null)
      .slice(0, MAX_EXPORTED_NOTES)
      .map(note),
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
