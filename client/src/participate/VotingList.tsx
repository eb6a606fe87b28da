import type { WorkshopBoard } from '@samskapa/shared';
import { useT } from '../i18n/i18n';
import { VoteControl } from '../session/voting';
import { votableNotesByArea } from './phoneNotes';
import { areaName, countText } from './phoneText';

const HEADING_ID = 'phone-vote-heading';

/**
 * While a vote is open: every note that can take dots, by area, each with its dot buttons, so a
 * participant votes on any area's notes by scrolling, without choosing an area first.
 */
export function VotingList({ board, personId }: { board: WorkshopBoard; personId: string }) {
  const t = useT();
  const groups = votableNotesByArea(board);
  const areaById = new Map(board.areas.map((area) => [area.id, area]));
  return (
    <section className="phone-section" aria-labelledby={HEADING_ID} data-testid="phone-voting">
      <h2 id={HEADING_ID}>{t('phone.vote.heading')}</h2>
      <p className="phone-vote-hint">{t('phone.vote.hint')}</p>
      {groups.length === 0 && <p className="phone-empty">{t('phone.vote.none')}</p>}
      {groups.map((group) => {
        const headingId = `phone-vote-${group.areaId ?? 'none'}`;
        const area = group.areaId === null ? undefined : areaById.get(group.areaId);
        return (
          <div key={group.areaId ?? ''} className="phone-group" data-area-code={area?.code ?? ''}>
            <h3 id={headingId}>
              {areaName(t, area)} <span className="phone-count">({countText(t, group.notes.length)})</span>
            </h3>
            <ul className="phone-notes" aria-labelledby={headingId}>
              {group.notes.map((note) => {
                const byline =
                  note.authorId === personId
                    ? t('phone.vote.yours')
                    : note.author && t('phone.others.by', { name: note.author });
                return (
                  <li
                    key={note.id}
                    className="phone-note"
                    data-testid="phone-vote-note"
                    data-note-id={note.id}
                  >
                    <p className="phone-note-text">{note.text || t('phone.note.blank')}</p>
                    <div className="phone-vote-row">
                      <p className="phone-author">{byline}</p>
                      <VoteControl noteId={note.id} text={note.text} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
