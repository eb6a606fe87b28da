import { z } from 'zod';

/**
 * What a workshop can be exported as: structured data, a workbook, CSV (RFC 4180's commas, and
 * semicolons for an Excel whose list separator is one, as in Sweden), minutes, and the server-drawn poster.
 */
export const EXPORT_FORMATS = ['json', 'xlsx', 'csv', 'csv-excel', 'md', 'svg', 'png'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The query of `GET /api/workshops/:id/export`. */
export const ExportQuery = z.strictObject({
  format: ExportFormat,
  area: z.string().min(1).max(12).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The media type each format is answered with. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8; header=present',
  'csv-excel': 'text/csv; charset=utf-8; header=present',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};

/** The file name extension of each format: both CSV variants are `.csv`. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  json: 'json',
  xlsx: 'xlsx',
  csv: 'csv',
  'csv-excel': 'csv',
  md: 'md',
  svg: 'svg',
  png: 'png',
};

/** A title as an ASCII file name part: "Samverkansplan HSVO – Östhammar" → "samverkansplan-hsvo-osthammar". */
export function slug(title: string): string {
  const ascii = title
    .replace(/[ßæøÆØ]/g, (c) => ({ ß: 'ss', æ: 'ae', ø: 'o', Æ: 'ae', Ø: 'o' })[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ascii || 'workshop';
}

/**
 * The download's file names for an export made on `isoDate` (its first ten characters are the day, so
 * pass the day in the workshop's time zone):
 * `ascii` for every client, `unicode` with the real title for those that read RFC 6266's `filename*`.
 * `area` (a code) is added when the export is one area's.
 */
export function exportFileName(
  title: string,
  isoDate: string,
  format: ExportFormat,
  area?: string,
): { ascii: string; unicode: string } {
  const day = isoDate.slice(0, 10);
  // eslint-disable-next-line no-control-regex -- control characters are what a file name must not hold
  const name = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'workshop';
  return {
    ascii: `${slug(title)}${area ? `-${slug(area)}` : ''}-${day}.${EXPORT_EXTENSIONS[format]}`,
    unicode: `${name}${area ? `-${area}` : ''}-${day}.${EXPORT_EXTENSIONS[format]}`,
  };
}
