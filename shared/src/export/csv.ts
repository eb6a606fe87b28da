import type { Locale } from '../model/workshop';
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

/** One RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The workshop as CSV (RFC 4180: CRLF line ends, UTF-8 with a BOM), one row per note: area code and
 * title, the area's group, text, author, created, votes and whether it is reference content. Headers
 * are in the workshop's language; notes in no area have empty area cells.
 */
export function workshopCsv(data: WorkshopExport): string {
  const locale = data.workshop.locale;
  const [yes, no] = YES_NO[locale];
  const row = (
    area: { code: string; title: string; group: string | null } | null,
    note: ExportedNote,
  ): string[] => [
    area?.code ?? '',
    area?.title ?? '',
    area?.group ?? '',
    note.text,
    note.author ?? '',
    note.createdAt ?? '',
    String(note.votes),
    note.reference ? yes : no,
  ];
  const rows = [
    [...HEADERS[locale]],
    ...data.areas.flatMap((area) => area.notes.map((note) => row(area, note))),
    ...data.unassigned.map((note) => row(null, note)),
  ];
  return BOM + rows.map((cells) => cells.map((c) => field(neutralizeFormula(c))).join(',') + CRLF).join('');
}
