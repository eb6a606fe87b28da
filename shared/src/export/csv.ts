import type { Locale } from '../model/workshop';
import { exportTimeZone, localDateTime } from './timeZone';
import type { ExportedNote, WorkshopExport } from './workshopExport';

/** Column headers of the CSV export, in the workshop's language. */
const HEADERS: Record<Locale, readonly string[]> = {
  sv: ['Områdeskod', 'Område', 'Grupp', 'Lapp', 'Författare', 'Skapad', 'Röster', 'Referens'],
  en: ['Area code', 'Area', 'Group', 'Note', 'Author', 'Created', 'Votes', 'Reference'],
};
const YES_NO: Record<Locale, readonly [string, string]> = { sv: ['ja', 'nej'], en: ['yes', 'no'] };

/** A byte order mark: without it Excel reads UTF-8 as the local code page and å ä ö break. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A text cell a spreadsheet will not run: one starting with = + - @ tab or CR gets a leading apostrophe
 * (OWASP's advice against CSV injection), so `=HYPERLINK(…)` stays text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The field separators offered: RFC 4180's comma, and the semicolon of "CSV för Excel". */
export type CsvDelimiter = ',' | ';';

/**
 * One CSV field: quoted (quotes doubled) when it holds a comma, a semicolon, a quote, CR or LF; either
 * delimiter is quoted in both variants, so a reader that guesses the delimiter is not misled.
 */
function field(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One note as the CSV's columns give it; `createdAt` is an instant, shown in the workshop's time zone. */
export interface NoteRow {
  areaCode: string;
  area: string;
  group: string;
  text: string;
  author: string;
  createdAt: string | null;
  votes: number;
  reference: boolean;
}

/** The column headers of the notes table (the CSV and the workbook's notes sheet) in `locale`. */
export function noteHeaders(locale: Locale): readonly string[] {
  return HEADERS[locale];
}

/** "ja"/"nej" (or "yes"/"no"): how the notes table says whether a note is reference content. */
export function yesNo(locale: Locale, value: boolean): string {
  return YES_NO[locale][value ? 0 : 1];
}

/** One row per note, the notes of each area in reading order, then the notes in no area. */
export function noteRows(data: WorkshopExport): NoteRow[] {
  const row = (
    area: { code: string; title: string; group: string | null } | null,
    note: ExportedNote,
  ): NoteRow => ({
    areaCode: area?.code ?? '',
    area: area?.title ?? '',
    group: area?.group ?? '',
    text: note.text,
    author: note.author ?? '',
    createdAt: note.createdAt,
    votes: note.votes,
    reference: note.reference,
  });
  return [
    ...data.areas.flatMap((area) => area.notes.map((note) => row(area, note))),
    ...data.unassigned.map((note) => row(null, note)),
  ];
}

/**
 * The workshop as CSV (RFC 4180: CRLF line ends, UTF-8 with a BOM), one row per note: area code and
 * title, the area's group, text, author, when it was created (in the workshop's time zone), votes and
 * whether it is reference content. Headers are in the workshop's language; notes in no area have empty
 * area cells. `delimiter` ";" is "CSV för Excel": a Swedish Excel opens a comma file in one column.
 */
export function workshopCsv(data: WorkshopExport, delimiter: CsvDelimiter = ','): string {
  const locale = data.workshop.locale;
  const zone = exportTimeZone(data);
  const rows = [
    [...HEADERS[locale]],
    ...noteRows(data).map((r) => [
      r.areaCode,
      r.area,
      r.group,
      r.text,
      r.author,
      r.createdAt === null ? '' : localDateTime(r.createdAt, zone, true),
      String(r.votes),
      yesNo(locale, r.reference),
    ]),
  ];
  return (
    BOM + rows.map((cells) => cells.map((c) => field(neutralizeFormula(c))).join(delimiter) + CRLF).join('')
  );
}
