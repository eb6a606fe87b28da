import type { VoteResults, WorkshopBoard } from '@samskapa/shared';
import { useT } from '../i18n/i18n';

/** How many notes of the ranking are listed. */
const TOP_NOTES = 10;

/** The revealed vote: notes and areas ranked by dots (totals only, never who gave them). */
export function Results({ results, board }: { results: VoteResults; board: WorkshopBoard }) {
  const t = useT();
  const areaById = new Map(board.areas.map((a) => [a.id, a]));
  const notes = board.notes
    .filter((n) => !n.reference && (results.totals[n.id] ?? 0) > 0)
    .map((n) => ({ note: n, votes: results.totals[n.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
  const perArea = new Map<string | null, number>();
  for (const { note, votes } of notes) perArea.set(note.areaId, (perArea.get(note.areaId) ?? 0) + votes);
  const areas = [...perArea.entries()].sort((a, b) => b[1] - a[1]);
  return (
    <details className="results" open data-testid="results">
      <summary>{t('results.heading', { voters: results.voters })}</summary>
      <div className="results-columns">
        <section aria-labelledby="results-notes">
          <h3 id="results-notes">{t('results.notes')}</h3>
          {notes.length === 0 ? (
            <p>{t('results.none')}</p>
          ) : (
            <ol data-testid="ranked-notes">
              {notes.slice(0, TOP_NOTES).map(({ note, votes }) => {
                const area = note.areaId ? areaById.get(note.areaId) : undefined;
                return (
                  <li key={note.id} data-testid="ranked-note" data-votes={votes}>
                    <strong>{t('results.votes', { count: votes })}</strong> {note.text}
                    {area && <span className="results-area"> ({area.code})</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        {areas.length > 0 && (
          <section aria-labelledby="results-areas">
            <h3 id="results-areas">{t('results.areas')}</h3>
            <ol data-testid="ranked-areas">
              {areas.map(([areaId, votes]) => {
                const area = areaId ? areaById.get(areaId) : undefined;
                return (
                  <li key={areaId ?? 'none'} data-testid="ranked-area">
                    <strong>{t('results.votes', { count: votes })}</strong>{' '}
                    {area ? `${area.code} ${area.title}` : t('results.noArea')}
                  </li>
                );
              })}
            </ol>
          </section>
        )}
      </div>
    </details>
  );
}
