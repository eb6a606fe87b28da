import type { VoteResults, WorkshopBoard } from '@samskapa/shared';
import { useId, useState } from 'react';
import { useT } from '../i18n/i18n';
import { turnoutText } from '../i18n/turnout';
import { useVoting } from './voting';
import type { ResultsPlacement } from './Results';

/** How many notes (and areas) of the ranking are listed; the projector lists fewer, in type read from the back. */
const TOP_NOTES = 10;
const TOP_NOTES_PROJECTED = 5;

/** The revealed vote: notes and areas ranked by dots (totals only, never who gave them). */
export default function Ranking({
  results,
  board,
  placement,
}: {
  results: VoteResults;
  board: WorkshopBoard;
  placement: ResultsPlacement;
}) {
  const t = useT();
  const dots = (count: number) => t(count === 1 ? 'vote.total.one' : 'vote.total.other', { count });
  const id = useId();
  const [open, setOpen] = useState(false);
  const projector = useVoting()?.role === 'viewer';

  const areaById = new Map(board.areas.map((a) => [a.id, a]));
  const notes = board.notes
    .filter((n) => !n.reference && (results.totals[n.id] ?? 0) > 0)
    .map((n) => ({ note: n, votes: results.totals[n.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
  const perArea = new Map<string | null, number>();
  for (const { note, votes } of notes) perArea.set(note.areaId, (perArea.get(note.areaId) ?? 0) + votes);
  const areas = [...perArea.entries()].sort((a, b) => b[1] - a[1]);
  const leading = notes[0];
  const top = projector ? TOP_NOTES_PROJECTED : TOP_NOTES;
  // A laptop folds the results to one line, so the canvas keeps its height; the room and a phone need them whole.
  const foldable = placement === 'bar' && !projector;
  const shown = !foldable || open;
  // Results revealed before participants here were counted say only how many voted.
  const heading =
    results.present === undefined
      ? t('results.heading', { voters: results.voters })
      : t('results.headingTurnout', { turnout: turnoutText(t, results.voters, results.present) });
  const headingId = `${id}-heading`;
  const bodyId = `${id}-body`;

  const body = (
    <div
      id={bodyId}
      className="results-columns"
      hidden={!shown}
      // Opened on a laptop the ranking may be taller than the room above the canvas: it scrolls, by keyboard too.
      {...(foldable && { tabIndex: 0, role: 'region', 'aria-labelledby': headingId })}
    >
      <section aria-labelledby={`${id}-notes`}>
        <h3 id={`${id}-notes`}>{t('results.notes')}</h3>
        {notes.length === 0 ? (
          <p>{t('results.none')}</p>
        ) : (
          <ol data-testid="ranked-notes">
            {notes.slice(0, top).map(({ note, votes }) => {
              const area = note.areaId ? areaById.get(note.areaId) : undefined;
              return (
                <li key={note.id} data-testid="ranked-note" data-votes={votes}>
                  <span className="results-item">
                    <strong>{dots(votes)}</strong> {note.text}
                    {area && <span className="results-area"> ({area.code})</span>}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {areas.length > 0 && (
        <section aria-labelledby={`${id}-areas`}>
          <h3 id={`${id}-areas`}>{t('results.areas')}</h3>
          <ol data-testid="ranked-areas">
            {areas.slice(0, top).map(([areaId, votes]) => {
              const area = areaId ? areaById.get(areaId) : undefined;
              return (
                <li key={areaId ?? 'none'} data-testid="ranked-area">
                  <span className="results-item">
                    <strong>{dots(votes)}</strong> {area ? `${area.code} ${area.title}` : t('results.noArea')}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );

  const className = [
    'results',
    `results-${placement}`,
    projector && 'results-projected',
    foldable && 'results-foldable',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section className={className} aria-labelledby={headingId} data-testid="results" data-open={shown}>
      {foldable ? (
        <div className="results-line">
          <h2 className="results-heading">
            <button
              type="button"
              id={headingId}
              className="results-toggle"
              aria-expanded={open}
              aria-controls={bodyId}
              data-testid="results-toggle"
              onClick={() => setOpen(!open)}
            >
              <span className="results-marker" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
              {heading}
            </button>
          </h2>
          {!open && leading && (
            <p className="results-lead" data-testid="results-lead">
              {t('results.lead', { votes: dots(leading.votes), text: leading.note.text })}
            </p>
          )}
        </div>
      ) : (
        <h2 className="results-heading" id={headingId}>
          {heading}
        </h2>
      )}
      {body}
    </section>
  );
}
