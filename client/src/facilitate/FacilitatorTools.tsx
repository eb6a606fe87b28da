import type { ControlState, VoteProgress, WorkshopBoard } from '@samskapa/shared';
import type * as Y from 'yjs';
import type { MessageKey } from '../i18n/i18n';
import { ExportSection } from './ExportSection';
import { FacilitatorPanel } from './FacilitatorPanel';
import type { PresentParticipant } from './participants';
import { RetentionSection } from './RetentionSection';
import { BrainstormSection, GroupSection, VoteSection } from './SessionSections';
import { SnapshotSection } from './SnapshotSection';

/** Everything in the facilitator's drawer: a chunk of its own, loaded when a facilitator opens it. */
export default function FacilitatorTools({
  workshopId,
  token,
  doc,
  control,
  board,
  participants,
  presenceId,
  voteProgress,
  notify,
}: {
  workshopId: string;
  /** The facilitator's token, for the HTTP parts (votes, snapshots, the deletion date, exports). */
  token: string;
  /** The control doc; facilitators write it directly. */
  doc: Y.Doc;
  control: ControlState;
  board: WorkshopBoard;
  participants: readonly PresentParticipant[];
  presenceId: string;
  /** How far the open vote has got; null until known. */
  voteProgress: VoteProgress | null;
  notify: (key: MessageKey) => void;
}) {
  return (
    <>
      <FacilitatorPanel
        doc={doc}
        control={control}
        areas={board.areas}
        presenceId={presenceId}
        notify={notify}
      />
      <div className="facilitator-panel">
        <GroupSection
          doc={doc}
          control={control}
          areas={board.areas}
          participants={participants}
          notify={notify}
        />
        <BrainstormSection doc={doc} control={control} participants={participants} notify={notify} />
        <VoteSection
          doc={doc}
          control={control}
          workshopId={workshopId}
          token={token}
          progress={voteProgress}
          notify={notify}
        />
        <SnapshotSection workshopId={workshopId} token={token} />
        <RetentionSection workshopId={workshopId} token={token} />
        <ExportSection workshopId={workshopId} token={token} board={board} />
      </div>
    </>
  );
}
