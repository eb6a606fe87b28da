import {
  EXPORT_CONTENT_TYPES,
  exportFileName,
  exportTimeZone,
  localDate,
  Locale,
  minutes,
  onlyArea,
  posterSvg,
  workshopCsv,
  type ExportFormat,
  type WorkshopExport,
  type WorkshopFacts,
} from '@samskapa/shared';
import type { WorkshopRow } from '../store/types';
import { posterPng } from './posterPng';
import { workshopXlsx } from './xlsx';

/**
 * What a workshop's row tells an export (the documents hold the rest); `timeZone` is the server's
 * `TIME_ZONE`, the time zone its workshops are held in.
 */
export function factsOf(row: WorkshopRow, timeZone: string): WorkshopFacts {
  return {
    id: row.id,
    title: row.title,
    locale: Locale.catch('sv').parse(row.locale),
    createdAt: row.createdAt,
    template: row.template,
    timeZone,
  };
}

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  /** The download's names: ASCII for every client, the real title for RFC 6266 `filename*`. */
  fileName: { ascii: string; unicode: string };
}

/** Thrown for an `area` code the workshop does not have. */
export class UnknownAreaError extends Error {
  constructor(readonly code: string) {
    super(`The workshop has no area with the code "${code}".`);
  }
}

/** A workshop export in `format`, of the whole board or of the area with code `area`. */
export async function renderExport(
  full: WorkshopExport,
  format: ExportFormat,
  area?: string,
): Promise<RenderedExport> {
  const data = area === undefined ? full : onlyArea(full, area);
  if (!data) throw new UnknownAreaError(area!);
  const locale = data.workshop.locale;
  const body = await (async (): Promise<Buffer> => {
    switch (format) {
      case 'json':
        return Buffer.from(`${JSON.stringify(data, null, 2)}\n`);
      case 'xlsx':
        return workshopXlsx(data, locale);
      case 'csv':
        return Buffer.from(workshopCsv(data));
      case 'csv-excel':
        return Buffer.from(workshopCsv(data, ';'));
      case 'md':
        return Buffer.from(minutes(data, locale));
      case 'svg':
        return Buffer.from(posterSvg(data, { area, locale }));
      case 'png':
        return (await posterPng(posterSvg(data, { area, locale }))).png;
    }
  })();
  return {
    body,
    contentType: EXPORT_CONTENT_TYPES[format],
    // The day in the file name is the workshop's, not UTC's.
    fileName: exportFileName(
      data.workshop.title,
      localDate(data.exportedAt, exportTimeZone(data)),
      format,
      area,
    ),
  };
}

/** `Content-Disposition` for a download (RFC 6266: an ASCII name, and the real one as UTF-8). */
export function contentDisposition(fileName: { ascii: string; unicode: string }): string {
  const encoded = encodeURIComponent(fileName.unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${encoded}`;
}
