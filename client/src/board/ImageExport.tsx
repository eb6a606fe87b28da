import { FocusAreaMeta } from '@samskapa/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Box, Editor, TLImageExportOptions, TLShapeId } from 'tldraw';
import { loadWorkshopSummary } from '../session/api';
import { useT, type MessageKey } from '../i18n/i18n';
import './imageExport.css';
import { saveFile } from '../common/saveFile';

type Format = 'png' | 'svg';
/** `board`, `selection`, or the shape id of a focus area's frame. */
type Target = 'board' | 'selection' | TLShapeId;

interface AreaChoice {
  id: TLShapeId;
  code: string;
  title: string;
}

/**
 * Print quality: a PNG is drawn at twice the board's size, on the board's background. The margin holds
 * a frame's heading (drawn above the frame), so an area's code and title are in its picture.
 */
const EXPORT_OPTIONS: Record<Format, TLImageExportOptions> = {
  png: { format: 'png', scale: 2, pixelRatio: 1, background: true, padding: 48 },
  svg: { format: 'svg', scale: 1, background: true, padding: 48 },
};

/** The focus areas on the current page, by code. */
function areasOf(editor: Editor): AreaChoice[] {
  return editor
    .getCurrentPageShapes()
    .flatMap((shape) => {
      if (shape.type !== 'frame') return [];
      const meta = FocusAreaMeta.safeParse(shape.meta);
      return meta.success ? [{ id: shape.id, code: meta.data.code, title: meta.data.title }] : [];
    })
    .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }));
}

/** A file name part without characters file systems refuse; å ä ö stay. */
function fileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, 80);
}

/** Today in this browser's time zone, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * "Exportera bild": the whole board, one focus area or the selection as PNG or SVG, with tldraw's
 * export, downloaded as `<title>-<area code>-<date>.png|svg`.
 */
export function ImageExport({
  editor,
  workshopId,
  token,
}: {
  editor: Editor;
  workshopId: string;
  token: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [areas, setAreas] = useState<AreaChoice[]>([]);
  const [target, setTarget] = useState<Target>('board');
  const [format, setFormat] = useState<Format>('png');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ key: MessageKey; file?: string } | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const title = useRef<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const panelId = useId();
  const targetId = useId();
  const headingId = useId();

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);

  /** What to draw, and the part of the page to draw (an area's frame; otherwise all that is drawn). */
  const shapesFor = (chosen: Target): { ids: TLShapeId[]; bounds?: Box } => {
    if (chosen === 'board') return { ids: [...editor.getCurrentPageShapeIds()] };
    if (chosen === 'selection') return { ids: editor.getSelectedShapeIds() };
    const bounds = editor.getShapePageBounds(chosen);
    if (!bounds) return { ids: [] };
    // The frame with its contents: tldraw draws a frame exported alone without its heading.
    return { ids: [chosen, ...editor.getSortedChildIdsForParent(chosen)], bounds };
  };

  const fileName = async (chosen: Target, chosenFormat: Format) => {
    title.current ??= await loadWorkshopSummary(workshopId, token)
      .then((summary) => summary.title)
      .catch(() => 'Samskapa');
    const part =
      chosen === 'board'
        ? null
        : chosen === 'selection'
          ? t('imageExport.fileSelection')
          : (areas.find((a) => a.id === chosen)?.code ?? null);
    const name = [fileNamePart(title.current) || 'Samskapa', part && fileNamePart(part), today()]
      .filter(Boolean)
      .join('-');
    return `${name}.${chosenFormat}`;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setProblem(null);
    const { ids, bounds } = shapesFor(target);
    if (ids.length === 0) {
      setProblem(target === 'selection' ? 'imageExport.noSelection' : 'imageExport.empty');
      return;
    }
    setBusy(true);
    setStatus({ key: 'imageExport.busy' });
    try {
      const { blob } = await editor.toImage(ids, { ...EXPORT_OPTIONS[format], bounds });
      const file = await fileName(target, format);
      saveFile(blob, file);
      setStatus({ key: 'imageExport.done', file });
    } catch {
      setStatus(null);
      setProblem('imageExport.failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="image-export">
      {open && (
        <form
          id={panelId}
          className="image-export-panel"
          aria-labelledby={headingId}
          data-testid="image-export-panel"
          onSubmit={(e) => void submit(e)}
        >
          <h2 id={headingId}>{t('imageExport.label')}</h2>
          <label htmlFor={targetId}>{t('imageExport.what')}</label>
          <select
            id={targetId}
            ref={first}
            value={target}
            data-testid="image-export-target"
            onChange={(e) => {
              setTarget(e.target.value as Target);
              setProblem(null);
            }}
          >
            <option value="board">{t('imageExport.whole')}</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {t('imageExport.area', { code: area.code, title: area.title })}
              </option>
            ))}
            <option value="selection">{t('imageExport.selection')}</option>
          </select>
          <fieldset>
            <legend>{t('imageExport.format')}</legend>
            {(['png', 'svg'] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name={`${panelId}-format`}
                  value={option}
                  checked={format === option}
                  data-testid={`image-export-${option}`}
                  onChange={() => setFormat(option)}
                />
                {t(option === 'png' ? 'imageExport.png' : 'imageExport.svg')}
              </label>
            ))}
          </fieldset>
          <p aria-live="polite" data-testid="image-export-status">
            {status && t(status.key, { file: status.file ?? '' })}
          </p>
          {problem && (
            <p role="alert" className="error" data-testid="image-export-problem">
              {t(problem)}
            </p>
          )}
          <div className="image-export-actions">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                toggle.current?.focus();
              }}
            >
              {t('imageExport.close')}
            </button>
            <button type="submit" disabled={busy} data-testid="image-export-download">
              {t('imageExport.download')}
            </button>
          </div>
        </form>
      )}
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="image-export-toggle"
        onClick={() => {
          // The list is read as the panel opens: areas added meanwhile are in it the next time.
          if (!open) setAreas(areasOf(editor));
          setOpen(!open);
        }}
      >
        {t('imageExport.open')}
      </button>
    </div>
  );
}
