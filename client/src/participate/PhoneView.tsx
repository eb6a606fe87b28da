import { addNote, areaCounts, type ControlState, type FocusArea, type Locale } from '@samskapa/shared';
import type * as Y from 'yjs';
import type { ViewProps } from '../session/viewProps';
import { useSummon } from '../session/useSummon';
import { useEffect } from 'react';
import { useDraftStore } from '../facilitate/draftStore';
import { prefetchResults, Results } from '../session/Results';
import { translate, useLocaleStore, useT } from '../i18n/i18n';
import { useVoting } from '../session/voting';
import { useWorkshopBoard } from '../sync/useWorkshopBoard';
import { useAreaChoice } from './areaChoice';
import { AreaPicker } from './AreaPicker';
import { MyNotes } from './MyNotes';
import { NoteForm } from './NoteForm';
import { OthersNotes } from './OthersNotes';
import { pendingNotes, removePendingNotes, usePendingNotes } from './pendingNotes';
import { changeErrorKey, PHONE_ORIGIN } from './phoneText';
import { PendingNotes } from './QuickPhone';
import { resolveAreaChoice, writableAreas } from './phoneNotes';
import { VotingList } from './VotingList';
import './phone.css';

/**
 * The phone view: a participant picks an area, writes notes into it and looks after their own notes,
 * without the canvas (this module and what it imports never load tldraw). Writes go to the local doc
 * at once and sync when the connection allows, so it works the same offline. While a vote is open it
 * leads with every note to vote on; once the result is revealed, with the result, in the page's flow.
 */
export default function PhoneView({
  workshopId,
  access,
  connection,
  person,
  mayWrite,
  readOnlyReason,
  control,
  groupAreaCode,
  notify,
}: ViewProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const voting = useVoting();
  const board = useWorkshopBoard(connection.doc);
  const areas = writableAreas(board);
  const [storedChoice, chooseArea] = useAreaChoice(workshopId);
  // Put in a group: the phone shows the group's area, where the group's notes go.
  const groupAreaId = areas.find((a) => a.code === groupAreaCode)?.id ?? null;
  useEffect(() => {
    if (groupAreaId) chooseArea(groupAreaId);
  }, [groupAreaId, chooseArea]);
  // Brought to an area by the facilitator: the next note goes there and its notes are shown.
  useSummon(control, (code) => {
    const summoned = areas.find((a) => a.code === code);
    if (!summoned) return;
    chooseArea(summoned.id);
    notify('facilitate.summoned');
  });
  const areaId = resolveAreaChoice(storedChoice, areas);
  const area = areas.find((a) => a.id === areaId);

  const pending = usePendingNotes(workshopId);
  const synced = connection.getState().kind === 'connected';
  useEffect(() => {
    if (pending.length === 0) return;
    const author = { id: person.id, name: person.name };
    const board = { areas, synced, mayWrite, readOnlyReason, control };
    takePendingNotes(workshopId, connection.doc, board, author, locale);
  }, [
    pending,
    workshopId,
    connection.doc,
    areas,
    synced,
    mayWrite,
    readOnlyReason,
    control,
    person.id,
    person.name,
    locale,
  ]);

  const picker = <AreaPicker areas={areas} counts={areaCounts(board)} chosen={area} onChoose={chooseArea} />;
  // The dots left are shown above the view (with the step and the time), so they stay in sight here too.
  const votingOpen = voting?.canVote === true;
  useEffect(() => {
    if (votingOpen) prefetchResults();
  }, [votingOpen]);
  // In silent brainstorming the drafts form above has the area choice: one on the screen, not two.
  const silent = readOnlyReason === 'silent';
  return (
    <div className="phone">
      {voting?.results && (
        <div className="phone-section phone-results">
          <Results results={voting.results} board={board} placement="flow" />
        </div>
      )}
      {votingOpen && <VotingList board={board} personId={person.id} />}
      {mayWrite ? (
        <section className="phone-section" aria-labelledby="phone-write-heading">
          <h2 id="phone-write-heading">{t('phone.form.heading')}</h2>
          <NoteForm
            workshopId={workshopId}
            area={area}
            picker={picker}
            onAdd={(text, chosenAreaId) => {
              try {
                writeNote(connection.doc, person, locale, {
                  text,
                  areaId: chosenAreaId,
                  createdAt: Date.now(),
                });
                return null;
              } catch (failure) {
                return changeErrorKey(failure);
              }
            }}
          />
        </section>
      ) : (
        <section className="phone-section">
          <p className="phone-read-only" data-testid="phone-read-only">
            {t(`phone.readOnly.${readOnlyReason ?? 'other'}`)}
          </p>
          {!silent && picker}
        </section>
      )}
      <PendingNotes workshopId={workshopId} />
      {access.role !== 'viewer' && (
        <MyNotes doc={connection.doc} board={board} personId={person.id} areas={areas} mayWrite={mayWrite} />
      )}
      {/* The voting list has every note; without the area choice, the chosen area's notes mean nothing. */}
      {!votingOpen && !silent && <OthersNotes board={board} area={area} personId={person.id} />}
    </div>
  );
}

/** Puts a note the phone wrote on the board, by its author, in an area or none; throws as `addNote`. */
function writeNote(
  doc: Y.Doc,
  author: { id: string; name: string },
  locale: Locale,
  note: { text: string; areaId: string | null; createdAt: number },
): void {
  addNote(
    doc,
    {
      text: note.text,
      areaId: note.areaId,
      authorId: author.id,
      author: author.name,
      now: note.createdAt,
      pageName: translate(locale, 'board.pageName'),
    },
    PHONE_ORIGIN,
  );
}

/**
 * Puts the notes written before the board could take them on the board, each in the area chosen when it
 * was written (once that area is here: a cold phone waits for the sync; an area deleted meanwhile leaves
 * the note in no area, never lost). During silent brainstorming they become the participant's private
 * drafts instead; while the board is locked they wait. Read from storage here, not from a render's copy,
 * so a note is never written twice.
 */
function takePendingNotes(
  workshopId: string,
  doc: Y.Doc,
  board: {
    areas: readonly FocusArea[];
    synced: boolean;
    mayWrite: boolean;
    readOnlyReason: string | null;
    control: ControlState | null;
  },
  author: { id: string; name: string },
  locale: Locale,
): void {
  const waiting = pendingNotes(workshopId);
  if (board.readOnlyReason === 'silent' && board.control) {
    const { round } = board.control.brainstorm;
    const drafts = useDraftStore.getState();
    for (const note of waiting) {
      drafts.add(workshopId, { text: note.text, areaId: note.areaId, round, createdAt: note.createdAt });
    }
    removePendingNotes(
      workshopId,
      waiting.map((note) => note.id),
    );
    return;
  }
  if (!board.mayWrite) return;
  const taken: string[] = [];
  for (const note of waiting) {
    const areaHere = note.areaId === null || board.areas.some((area) => area.id === note.areaId);
    if (!areaHere && !board.synced) continue;
    try {
      writeNote(doc, author, locale, { ...note, areaId: areaHere ? note.areaId : null });
      taken.push(note.id);
    } catch (failure) {
      // It stays waiting, shown as such; the next change of the board tries again.
      console.error(failure);
    }
  }
  removePendingNotes(workshopId, taken);
}
