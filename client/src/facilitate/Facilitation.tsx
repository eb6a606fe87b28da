import type { ControlState, ParticipantCredential } from '@samskapa/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Access } from '../session/identity';
import { useT, type MessageKey } from '../i18n/i18n';
import { turnoutText } from '../i18n/turnout';
import type { DocConnection } from '../sync/docConnection';
import { useWorkshopBoard } from '../sync/useWorkshopBoard';
import { DraftsPanel } from './DraftsPanel';
import { GroupPicker } from './GroupPicker';
import { usePresentParticipants } from './participants';
import { ProjectorJoin } from './ProjectorJoin';
import { Results } from '../session/Results';
import { StepBar } from './StepBar';
import { useVoteProgress } from './useVoteProgress';
import { groupAreaCode } from '../session/groupArea';
import { useVoting } from '../session/voting';
import './facilitate.css';

// Only facilitators open the tools: participants' phones never download them.
const FacilitatorTools = lazy(() => import('./FacilitatorTools'));

/**
 * The session as everyone sees it (the step bar, drafts in silent brainstorming, dots left, the
 * results) and, for facilitators, the button that opens their tools beside the board. The same in
 * every view.
 */
export function Facilitation({
  workshopId,
  access,
  board,
  controlConnection,
  control,
  presenceId,
  credential,
  drawerSlot,
  announce,
  notify,
}: {
  workshopId: string;
  access: Access;
  board: DocConnection;
  controlConnection: DocConnection;
  control: ControlState;
  presenceId: string;
  credential: ParticipantCredential | null;
  /** Where the drawer opens (beside the board); until the page has laid it out, nowhere. */
  drawerSlot: HTMLElement | null;
  announce: (key: MessageKey) => void;
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const workshopBoard = useWorkshopBoard(board.doc);
  const facilitator = access.role === 'facilitator';
  // A viewer link is the projector: large type, and how to join always in view.
  const projector = access.role === 'viewer';
  const participants = usePresentParticipants(facilitator ? board.provider.awareness : null);
  const voting = useVoting();
  const voteProgress = useVoteProgress(workshopId, access.token, control.voting, facilitator);
  const groupAreaId = workshopBoard.areas.find(
    (a) => a.code === groupAreaCode(control, credential?.participantId ?? null),
  )?.id;

  useEffect(() => {
    if (!open) return;
    // Opened, the drawer takes the focus; Escape or "Stäng" gives it back to the button.
    close.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const doc = controlConnection.doc;
  return (
    <div className="facilitation-area">
      <div className="facilitation">
        <StepBar
          control={control}
          participantId={credential?.participantId ?? null}
          announce={announce}
          large={projector}
        />
        {projector && <ProjectorJoin workshopId={workshopId} access={access} />}
        {facilitator && (
          <>
            <button
              ref={button}
              type="button"
              className="facilitate-toggle"
              aria-expanded={open}
              aria-controls="facilitator-panel"
              data-testid="facilitate-toggle"
              onClick={() => setOpen(!open)}
            >
              {t('facilitate.open')}
            </button>
            {drawerSlot &&
              createPortal(
                <aside
                  id="facilitator-panel"
                  className="facilitator-aside"
                  aria-label={t('facilitate.panelLabel')}
                  hidden={!open}
                >
                  {open && (
                    <>
                      <div className="facilitator-aside-header">
                        <h2>{t('facilitate.panelLabel')}</h2>
                        <button
                          ref={close}
                          type="button"
                          onClick={() => {
                            setOpen(false);
                            button.current?.focus();
                          }}
                        >
                          {t('facilitate.close')}
                        </button>
                      </div>
                      <Suspense fallback={<p className="facilitator-panel">{t('common.loading')}</p>}>
                        <FacilitatorTools
                          workshopId={workshopId}
                          token={access.token}
                          doc={doc}
                          control={control}
                          board={workshopBoard}
                          participants={participants}
                          presenceId={presenceId}
                          voteProgress={voteProgress}
                          notify={notify}
                        />
                      </Suspense>
                    </>
                  )}
                </aside>,
                drawerSlot,
              )}
          </>
        )}
      </div>
      {credential && control.groupsSelfSelect && control.groups.length > 0 && (
        <GroupPicker
          workshopId={workshopId}
          control={control}
          participantId={credential.participantId}
          secret={credential.secret}
          notify={notify}
        />
      )}
      {facilitator && control.voting.phase === 'open' && (
        // In view while the drawer is closed: voters counted against the participants here.
        <p className="vote-turnout" data-testid="vote-turnout">
          {voteProgress ? turnoutText(t, voteProgress.voters, voteProgress.present) : t('vote.opened')}
        </p>
      )}
      {voting?.canVote && (
        <p className="dots-left" data-testid="dots-left">
          {t('vote.remaining', {
            remaining: voting.remaining,
            budget: voting.settings.budget,
            cap: voting.settings.perNoteCap,
          })}
        </p>
      )}
      {access.role === 'participant' && control.brainstorm.phase === 'silent' && (
        <DraftsPanel
          workshopId={workshopId}
          round={control.brainstorm.round}
          areas={workshopBoard.areas}
          defaultAreaId={groupAreaId ?? null}
        />
      )}
      {voting?.results && <Results results={voting.results} board={workshopBoard} />}
    </div>
  );
}
