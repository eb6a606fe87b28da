import { EXPORT_EXTENSIONS, EXPORT_FORMATS, type ExportFormat, type FocusArea } from '@samskapa/shared';
import { useId, useState } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import { saveFile } from '../common/saveFile';

/** The file name a `Content-Disposition` header gives: RFC 6266's `filename*` (UTF-8) first, then `filename`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed encoding: the plain name below will do.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

type Status = { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; key: MessageKey } | null;

/**
 * "Exportera": the workshop (or one focus area) downloaded from the server as an Excel workbook, JSON,
 * CSV (commas, or semicolons for Excel), Markdown minutes or the poster as PNG or SVG. Facilitators
 * only; the poster works where the canvas cannot.
 */
export function ExportSection({
  workshopId,
  token,
  board,
}: {
  workshopId: string;
  token: string;
  /** The board's areas, one of which may be exported alone. */
  board: { areas: readonly FocusArea[] };
}) {
  const { areas } = board;
  const t = useT();
  const [area, setArea] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const selectId = useId();
  const busy = status?.kind === 'busy';
  const chosen = areas.some((a) => a.code === area) ? area : '';

  const download = async (format: ExportFormat) => {
    setStatus({ kind: 'busy' });
    const query = new URLSearchParams({ format, ...(chosen && { area: chosen }) });
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/export?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) {
        const key: MessageKey =
          res.status === 401 || res.status === 403
            ? 'export.forbidden'
            : res.status === 404
              ? 'export.notFound'
              : 'export.failed';
        setStatus({ kind: 'error', key });
        return;
      }
      const file = fileNameFrom(
        res.headers.get('content-disposition'),
        `workshop.${EXPORT_EXTENSIONS[format]}`,
      );
      saveFile(await res.blob(), file);
      setStatus({ kind: 'done', file });
    } catch {
      setStatus({ kind: 'error', key: 'export.failed' });
    }
  };

  return (
    <section aria-labelledby="export-heading" className="panel-section" data-testid="export-section">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <p>{t('export.explain')}</p>
      <label htmlFor={selectId}>{t('export.what')}</label>
      <select
        id={selectId}
        value={chosen}
        onChange={(e) => setArea(e.target.value)}
        data-testid="export-area"
      >
        <option value="">{t('export.whole')}</option>
        {areas.map((a) => (
          <option key={a.id} value={a.code}>
            {t('export.area', { code: a.code, title: a.title })}
          </option>
        ))}
      </select>
      <ul
        className="export-formats"
        style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}
      >
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <button
              type="button"
              disabled={busy}
              onClick={() => void download(format)}
              data-testid={`export-${format}`}
            >
              {t(`export.${format}`)}
            </button>
          </li>
        ))}
      </ul>
      <p aria-live="polite" data-testid="export-status">
        {status?.kind === 'busy' && t('export.busy')}
        {status?.kind === 'done' && t('export.done', { file: status.file })}
      </p>
      {status?.kind === 'error' && (
        <p role="alert" className="error" data-testid="export-error">
          {t(status.key)}
        </p>
      )}
    </section>
  );
}
