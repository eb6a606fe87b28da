import { useValue, type Editor } from 'tldraw';
import { VoteControl, useVoting } from '../session/voting';
import { useT } from '../i18n/i18n';

/**
 * Voting on the canvas: the note selected gets the same dot buttons (and, after the reveal, its
 * total) as in the list board and on the phone.
 */
export function CanvasVote({ editor }: { editor: Editor }) {
  const t = useT();
  const voting = useVoting();
  const note = useValue(
    'selected note',
    () => {
      const shape = editor.getOnlySelectedShape();
      if (!shape || shape.type !== 'note' || shape.isLocked) return null;
      return { id: shape.id as string, text: editor.getShapeUtil(shape).getText(shape) ?? '' };
    },
    [editor],
  );
  // After the reveal (and on the projector) there is nothing to ask: a selected note shows its total.
  if (!voting || (!voting.canVote && !(voting.results && note))) return null;
  return (
    <div className="canvas-vote" role="region" aria-label={t('vote.heading')} data-testid="canvas-vote">
      {voting.canVote && (
        <p className="canvas-vote-left">
          {t('vote.remaining', {
            remaining: voting.remaining,
            budget: voting.settings.budget,
            cap: voting.settings.perNoteCap,
          })}
        </p>
      )}
      {note ? <VoteControl noteId={note.id} text={note.text} /> : <p>{t('vote.selectNote')}</p>}
    </div>
  );
}
