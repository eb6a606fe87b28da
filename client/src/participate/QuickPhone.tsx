import { useEffect, useState } from 'react';
import { parseWorkshopOutline, type OutlineCount, type WorkshopOutline } from '@samskapa/shared';
import { useDocumentTitle } from '../common/documentTitle';
import { useT } from '../i18n/i18n';
import { useAreaChoice } from './areaChoice';
import { AreaPicker } from './AreaPicker';
import { NoteForm } from './NoteForm';
import { addPendingNote, usePendingNotes } from './pendingNotes';
import { resolveAreaChoice } from './phoneNotes';
import './phone.css';

declare global {
  interface Window {
    /** The outline the page's first script asked for (client/public/boot.js), taken once here. */
    samskapaOutline?: { workshopId: string; token: string; response: Promise<Response> };
  }
}

/** How long a failed outline request waits before it asks again (a phone on venue Wi-Fi). */
const RETRY_MS = 3000;

// One request per page and workshop: the small form and the phone view's stand-in share it.
const outlines = new Map<string, Promise<WorkshopOutline>>();

async function fetchOutline(workshopId: string, token: string): Promise<WorkshopOutline> {
  // The page's first script may have asked already (boot.js); its answer is taken once.
  const early = window.samskapaOutline;
  window.samskapaOutline = undefined;
  const response =
    early && early.workshopId === workshopId && early.token === token
      ? await early.response
      : await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/outline`, {
          headers: { authorization: `Bearer ${token}` },
        });
  if (!response.ok) throw new Error(`outline: ${response.status}`);
  const outline = parseWorkshopOutline(await response.json());
  if (!outline) throw new Error('outline: not an outline');
  return outline;
}

function loadOutline(workshopId: string, token: string): Promise<WorkshopOutline> {
  let outline = outlines.get(workshopId);
  if (!outline) {
    outline = fetchOutline(workshopId, token);
    outlines.set(workshopId, outline);
    // A failure is not kept: the next ask tries again.
    outline.catch(() => outlines.delete(workshopId));
  }
  return outline;
}

/** How long the form waits for the areas before it lets the person write into no area (offline). */
const OUTLINE_WAIT_MS = 5000;

/**
 * The workshop's title and open areas (null meanwhile; asked again until they come), and whether the
 * form should wait no longer for them.
 */
function useOutline(workshopId: string, token: string): { outline: WorkshopOutline | null; waited: boolean } {
  const [outline, setOutline] = useState<WorkshopOutline | null>(null);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      loadOutline(workshopId, token).then(
        (loaded) => !cancelled && setOutline(loaded),
        () => {
          if (!cancelled) retry = setTimeout(ask, RETRY_MS);
        },
      );
    void ask();
    const giveUp = setTimeout(() => setWaited(true), OUTLINE_WAIT_MS);
    return () => {
      cancelled = true;
      clearTimeout(retry);
      clearTimeout(giveUp);
    };
  }, [workshopId, token]);
  return { outline, waited };
}

/** The outline's counts as the area picker takes them (key null: the notes in no area). */
function countsOf(outline: WorkshopOutline): Map<string | null, OutlineCount> {
  const counts = new Map<string | null, OutlineCount>(outline.areas.map((area) => [area.id, area]));
  counts.set(null, outline.unplaced);
  return counts;
}

/**
 * The phone's note form before the board is here (its code still loading on a slow network, or its first
 * sync not yet in): the areas come from the small outline request, and each note is kept in this
 * browser until the board takes it, in the area chosen now. The full phone view takes over where this
 * leaves off: the same text field, the same area choice, the notes written here on the board.
 */
export function QuickNoteSection({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const { outline, waited } = useOutline(workshopId, token);
  const [storedChoice, chooseArea] = useAreaChoice(workshopId);
  const areas = outline?.areas ?? [];
  const area = areas.find((a) => a.id === resolveAreaChoice(storedChoice, areas));
  const pending = usePendingNotes(workshopId);
  // The form reads as the full one does, counts included; until the areas are here there is none.
  if (!outline && !waited) {
    return (
      <p role="status" className="board-loading">
        {t('board.loading')}
      </p>
    );
  }
  const counts = outline && countsOf(outline);
  return (
    <div className="phone" data-testid="phone-quick">
      <section className="phone-section" aria-labelledby="phone-write-heading">
        <h2 id="phone-write-heading">{t('phone.form.heading')}</h2>
        <NoteForm
          workshopId={workshopId}
          area={area}
          picker={
            <AreaPicker areas={areas} counts={counts ?? undefined} chosen={area} onChoose={chooseArea} />
          }
          onAdd={(text, areaId) => {
            addPendingNote(workshopId, { text, areaId });
            return null;
          }}
        />
      </section>
      <PendingNotes workshopId={workshopId} />
      {pending.length === 0 && (
        <p className="phone-waiting" role="status">
          {t('board.loading')}
        </p>
      )}
    </div>
  );
}

/** The notes written before the board could take them, so the participant sees none is lost. */
export function PendingNotes({ workshopId }: { workshopId: string }) {
  const t = useT();
  const pending = usePendingNotes(workshopId);
  if (pending.length === 0) return null;
  return (
    <section className="phone-section" aria-labelledby="phone-pending-heading" data-testid="phone-pending">
      <h2 id="phone-pending-heading">{t('phone.pending.heading', { count: pending.length })}</h2>
      <p className="phone-waiting">{t('phone.pending.hint')}</p>
      <ul className="phone-notes">
        {pending.map((note) => (
          <li key={note.id} className="phone-note">
            <p className="phone-note-text">{note.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The whole page a participant on a phone sees while the board's code loads: the workshop's name and
 * the note form. The full page replaces it when its code is here.
 */
export function QuickPhonePage({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const { outline } = useOutline(workshopId, token);
  useDocumentTitle(outline?.title ?? t('board.heading'));
  return (
    <div className="board-page">
      <header className="board-header">
        <h1 className="board-title">{outline?.title ?? t('board.heading')}</h1>
      </header>
      <div className="board-body">
        <div className="board-column">
          <main className="board-main board-main-phone" aria-label={t('view.phone.label')} data-view="phone">
            <QuickNoteSection workshopId={workshopId} token={token} />
          </main>
        </div>
      </div>
    </div>
  );
}
