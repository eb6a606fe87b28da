import type { Locale } from '../model/workshop';
import { noteHeaders, noteRows, yesNo } from './csv';
import { areaHeading, rankedByVotes } from './markdown';
import { exportTimeZone, wallClock, type WallClock } from './timeZone';
import type { ExportedArea, ExportedNote, WorkshopExport } from './workshopExport';

/**
 * The workbook export as data: which sheets, which columns, which typed cells. A writer (the server's,
 * with exceljs) only lays it out; every word and every ranking is decided here.
 */

/** A cell: text (never a formula), a number, a time on the workshop's wall clock, or empty. */
export type SheetCell = string | number | WallClock | null;

/** How a column is shown: `longText` wraps, `dateTime` is a date with hours and minutes. */
export type SheetColumnKind = 'text' | 'longText' | 'number' | 'dateTime';

export interface SheetColumn {
  header: string;
  kind: SheetColumnKind;
  /** In characters. */
  width: number;
}

export interface Sheet {
  /** At most 31 characters, none of `[]:*?/\`, unique in the workbook (as Excel requires). */
  name: string;
  /** Lines above the table (an area's title, description, group); the first is a heading. */
  caption: string[];
  columns: SheetColumn[];
  rows: SheetCell[][];
}

const TEXT = {
  sv: {
    notes: 'Lappar',
    agenda: 'Agenda',
    rank: 'Plats',
    note: 'Lapp',
    author: 'Författare',
    votes: 'Röster',
    created: 'Skapad',
    reference: 'Referens',
    group: 'Grupp',
    number: 'Nr',
    step: 'Steg',
    planned: 'Planerade minuter',
    actual: 'Faktiska minuter',
    started: 'Startade',
    ended: 'Slutade',
    runs: 'Gånger',
    total: 'Totalt',
  },
  en: {
    notes: 'Notes',
    agenda: 'Agenda',
    rank: 'Rank',
    note: 'Note',
    author: 'Author',
    votes: 'Votes',
    created: 'Created',
    reference: 'Reference',
    group: 'Group',
    number: 'No.',
    step: 'Step',
    planned: 'Planned minutes',
    actual: 'Actual minutes',
    started: 'Started',
    ended: 'Ended',
    runs: 'Times run',
    total: 'Total',
  },
} as const;

/** Sheet names Excel refuses or keeps for itself. */
const RESERVED_SHEET_NAMES = new Set(['history']);
const MAX_SHEET_NAME = 31;

/**
 * Unique sheet names as Excel accepts them: `[]:*?/\` become spaces, no apostrophe at either end, at
 * most 31 characters, and " (2)" added to a name already taken (compared without case, as Excel does).
 */
export function sheetNamer(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    const clean =
      wanted
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim() || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      // Excel counts UTF-16 units; a character outside the BMP is never split.
      let base = '';
      for (const ch of clean) {
        if (base.length + ch.length > MAX_SHEET_NAME - suffix.length) break;
        base += ch;
      }
      const name = `${base.trimEnd()}${suffix}`;
      const key = name.toLowerCase();
      if (!taken.has(key) && !RESERVED_SHEET_NAMES.has(key)) {
        taken.add(key);
        return name;
      }
    }
  };
}

/**
 * Competition ranks ("1, 2, 2, 4") of notes already ranked by votes; a note without votes has no rank.
 */
function ranks(notes: readonly ExportedNote[]): (number | null)[] {
  let rank = 0;
  return notes.map((note, i) => {
    if (i === 0 || note.votes !== notes[i - 1]!.votes) rank = i + 1;
    return note.votes === 0 ? null : rank;
  });
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
/** Minutes to one decimal: a spreadsheet sums them. */
const tenths = (minutes: number) => Math.round(minutes * 10) / 10;

/**
 * The workshop as a workbook in `locale`: a sheet of notes with the CSV's columns, one sheet per area
 * with its notes ranked by votes (reference content after them), and the agenda as it was run. Times
 * are on the workshop's wall clock; numbers are numbers; text is never a formula.
 */
export function workshopSheets(data: WorkshopExport, locale: Locale = data.workshop.locale): Sheet[] {
  const t = TEXT[locale];
  const zone = exportTimeZone(data);
  const name = sheetNamer();
  const at = (instant: string | null): WallClock | null =>
    instant === null ? null : wallClock(instant, zone);

  const [codeH, areaH, groupH, noteH, authorH, createdH, votesH, referenceH] = noteHeaders(locale);
  const notes: Sheet = {
    name: name(t.notes),
    caption: [],
    columns: [
      { header: codeH!, kind: 'text', width: 12 },
      { header: areaH!, kind: 'text', width: 28 },
      { header: groupH!, kind: 'text', width: 14 },
      { header: noteH!, kind: 'longText', width: 60 },
      { header: authorH!, kind: 'text', width: 20 },
      { header: createdH!, kind: 'dateTime', width: 17 },
      { header: votesH!, kind: 'number', width: 9 },
      { header: referenceH!, kind: 'text', width: 10 },
    ],
    rows: noteRows(data).map((r) => [
      r.areaCode,
      r.area,
      r.group,
      r.text,
      r.author,
      at(r.createdAt),
      r.votes,
      yesNo(locale, r.reference),
    ]),
  };

  const areaSheet = (area: ExportedArea): Sheet => {
    const ranked = rankedByVotes(area.notes.filter((n) => !n.reference));
    const reference = area.notes.filter((n) => n.reference);
    const rank = ranks(ranked);
    const row = (note: ExportedNote, place: number | null): SheetCell[] => [
      place,
      note.text,
      note.author ?? '',
      note.votes,
      at(note.createdAt),
      yesNo(locale, note.reference),
    ];
    return {
      name: name(areaHeading(area)),
      caption: [
        areaHeading(area),
        ...(area.description.trim() ? [area.description.trim()] : []),
        ...(area.group ? [`${t.group}: ${area.group}`] : []),
      ],
      columns: [
        { header: t.rank, kind: 'number', width: 7 },
        { header: t.note, kind: 'longText', width: 60 },
        { header: t.author, kind: 'text', width: 20 },
        { header: t.votes, kind: 'number', width: 9 },
        { header: t.created, kind: 'dateTime', width: 17 },
        { header: t.reference, kind: 'text', width: 10 },
      ],
      rows: [...ranked.map((note, i) => row(note, rank[i]!)), ...reference.map((note) => row(note, null))],
    };
  };

  let planned = 0;
  let actual = 0;
  const steps = data.agenda.map((step, i): SheetCell[] => {
    const ran = step.runs.reduce((sum, run) => sum + minutesBetween(run.startedAt, run.endedAt), 0);
    planned += step.durationMinutes ?? 0;
    actual += ran;
    const starts = step.runs.map((r) => r.startedAt).sort((a, b) => Date.parse(a) - Date.parse(b));
    const ends = step.runs.map((r) => r.endedAt).sort((a, b) => Date.parse(a) - Date.parse(b));
    return [
      i + 1,
      step.title,
      step.durationMinutes,
      step.runs.length === 0 ? null : tenths(ran),
      at(starts.at(0) ?? null),
      at(ends.at(-1) ?? null),
      step.runs.length,
    ];
  });
  const agenda: Sheet = {
    name: name(t.agenda),
    caption: [],
    columns: [
      { header: t.number, kind: 'number', width: 5 },
      { header: t.step, kind: 'longText', width: 44 },
      { header: t.planned, kind: 'number', width: 12 },
      { header: t.actual, kind: 'number', width: 12 },
      { header: t.started, kind: 'dateTime', width: 17 },
      { header: t.ended, kind: 'dateTime', width: 17 },
      { header: t.runs, kind: 'number', width: 8 },
    ],
    rows: steps.length === 0 ? [] : [...steps, [null, t.total, planned, tenths(actual), null, null, null]],
  };

  return [notes, ...data.areas.map(areaSheet), agenda];
}
