import { useMemo, useState } from 'react';
import { suggestClusters, type ClusterSuggestion, type FocusArea, type Note } from '@samskapa/shared';
import { useT } from '../i18n/i18n';
import { focusSoon } from './columns';
import { loadDismissed, saveDismissed } from './dismissedClusters';

export const CLUSTER_PANEL_HEADING_ID = 'outline-clusters-heading';

/** Suggestions over the participants' notes (reference content is the template's, never clustered). */
function suggest(notes: readonly Note[]): ClusterSuggestion[] {
  return suggestClusters(notes.filter((n) => !n.reference).map(({ id, text }) => ({ id, text })));
}

/**
 * "Föreslå kluster": groups of notes that seem to say the same thing, computed in this browser when the
 * panel opens (and on "Föreslå igen"). "Samla" gathers a group's notes side by side in one area;
 * "Avfärda" hides it for the rest of the session in this tab.
 */
export function ClusterPanel({
  workshopId,
  notes,
  areas,
  onGather,
  onDismiss,
  onClose,
}: {
  workshopId: string;
  notes: readonly Note[];
  areas: readonly FocusArea[];
  onGather: (noteIds: readonly string[]) => boolean;
  onDismiss: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [suggestions, setSuggestions] = useState(() => suggest(notes));
  const [dismissed, setDismissed] = useState(() => loadDismissed(workshopId));

  const byId = useMemo(() => new Map(notes.map((note) => [note.id, note])), [notes]);
  const codes = useMemo(() => new Map(areas.map((area) => [area.id, area.code])), [areas]);
  // Notes deleted since the suggestion was made drop out; a group left with one note is no group.
  const shown = suggestions
    .filter((s) => !dismissed.has(s.id))
    .map((s) => ({ ...s, notes: s.noteIds.flatMap((id) => byId.get(id) ?? []) }))
    .filter((s) => s.notes.length >= 2);

  const settle = (id: string) => {
    // The focus goes to the next suggestion, else the one before, else the panel's heading.
    const at = shown.findIndex((s) => s.id === id);
    const next = shown[at + 1] ?? shown[at - 1];
    const updated = new Set(dismissed).add(id);
    setDismissed(updated);
    saveDismissed(workshopId, updated);
    focusSoon(next ? `outline-cluster-${next.id}` : CLUSTER_PANEL_HEADING_ID);
  };

  return (
    <section
      className="outline-clusters"
      aria-labelledby={CLUSTER_PANEL_HEADING_ID}
      data-testid="cluster-panel"
    >
      <div className="outline-clusters-header">
        <h2 id={CLUSTER_PANEL_HEADING_ID} tabIndex={-1}>
          {t('outline.clusters.heading')}
        </h2>
        <button type="button" onClick={() => setSuggestions(suggest(notes))}>
          {t('outline.clusters.refresh')}
        </button>
        <button type="button" onClick={onClose}>
          {t('outline.clusters.close')}
        </button>
      </div>
      <p className="outline-clusters-intro">{t('outline.clusters.intro')}</p>
      {shown.length === 0 ? (
        <p>{t('outline.clusters.none')}</p>
      ) : (
        <ol className="outline-cluster-list">
          {shown.map((suggestion, i) => {
            const headingId = `outline-cluster-${suggestion.id}`;
            return (
              <li key={suggestion.id} className="outline-cluster" data-testid="cluster-suggestion">
                <h3 id={headingId} tabIndex={-1}>
                  {t('outline.clusters.suggestion', { number: i + 1 })}
                  {suggestion.terms.length > 0 && (
                    <span className="outline-cluster-terms">
                      {' – '}
                      {t('outline.clusters.terms', { terms: suggestion.terms.join(', ') })}
                    </span>
                  )}
                </h3>
                <ul className="outline-cluster-notes">
                  {suggestion.notes.map((note) => (
                    <li key={note.id}>
                      <span className="outline-cluster-where">
                        {note.areaId === null ? t('outline.unplaced.target') : (codes.get(note.areaId) ?? '')}
                      </span>{' '}
                      <span className="outline-cluster-text">{note.text}</span>
                    </li>
                  ))}
                </ul>
                <div className="outline-actions">
                  <button
                    type="button"
                    className="primary"
                    aria-describedby={headingId}
                    onClick={() => {
                      if (onGather(suggestion.notes.map((n) => n.id))) settle(suggestion.id);
                    }}
                  >
                    {t('outline.clusters.accept')}
                  </button>
                  <button
                    type="button"
                    aria-describedby={headingId}
                    onClick={() => {
                      settle(suggestion.id);
                      onDismiss();
                    }}
                  >
                    {t('outline.clusters.dismiss')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
