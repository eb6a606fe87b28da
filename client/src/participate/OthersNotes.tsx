import { notesIn, type FocusArea, type Note, type WorkshopBoard } from '@samskapa/shared';
import { VoteTotal } from '../session/voting';
import { useT } from '../i18n/i18n';

/** What others wrote in the chosen area, to read only; the area's reference content folded below. */
export function OthersNotes({
  board,
  area,
  personId,
}: {
  board: WorkshopBoard;
  area: FocusArea | undefined;
  personId: string;
}) {
  const t = useT();
  const inArea = notesIn(board, area?.id ?? null);
  const others = inArea.filter((note) => !note.reference && note.authorId !== personId);
  const reference = inArea.filter((note) => note.reference);
  return (
    <section className="phone-section" aria-labelledby="phone-others-heading" data-testid="phone-others">
      <h2 id="phone-others-heading">
        {area ? t('phone.others.heading', { area: area.code }) : t('phone.others.headingNone')}
      </h2>
      {others.length === 0 ? (
        <p className="phone-empty">{t('phone.others.none')}</p>
      ) : (
        <NoteList notes={others} />
      )}
      {reference.length > 0 && (
        // The template's text for the area (a strategy's wording): context for writing, long on a phone.
        <details className="phone-reference" data-testid="phone-reference">
          <summary>{t('phone.others.reference', { count: reference.length })}</summary>
          <NoteList notes={reference} />
        </details>
      )}
    </section>
  );
}

function NoteList({ notes }: { notes: Note[] }) {
  const t = useT();
  return (
    <ul className="phone-notes">
      {notes.map((note) => (
        <li
          key={note.id}
          className={note.reference ? 'phone-note phone-note-reference' : 'phone-note'}
          data-testid="phone-other-note"
        >
          <p className="phone-note-text">{note.text || t('phone.note.blank')}</p>
          {note.author && <p className="phone-author">{t('phone.others.by', { name: note.author })}</p>}
          {!note.reference && <VoteTotal noteId={note.id} />}
        </li>
      ))}
    </ul>
  );
}
