import { areaCounts, type AreaCount, type FocusArea } from '@samskapa/shared';
import type { ViewProps } from '../session/viewProps';
import { useSummon } from '../session/useSummon';
import { useEffect } from 'react';
import { prefetchResults, Results } from '../session/Results';
import { areaCountText } from '../i18n/areaCount';
import { useT } from '../i18n/i18n';
import { useVoting } from '../session/voting';
import { useWorkshopBoard } from '../sync/useWorkshopBoard';
import { useAreaChoice } from './areaChoice';
import { MyNotes } from './MyNotes';
import { NoteForm } from './NoteForm';
import { OthersNotes } from './OthersNotes';
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
          <NoteForm doc={connection.doc} area={area} person={person} picker={picker} />
        </section>
      ) : (
        <section className="phone-section">
          <p className="phone-read-only" data-testid="phone-read-only">
            {t(`phone.readOnly.${readOnlyReason ?? 'other'}`)}
          </p>
          {!silent && picker}
        </section>
      )}
      {access.role !== 'viewer' && (
        <MyNotes doc={connection.doc} board={board} personId={person.id} areas={areas} mayWrite={mayWrite} />
      )}
      {/* The voting list has every note; without the area choice, the chosen area's notes mean nothing. */}
      {!votingOpen && !silent && <OthersNotes board={board} area={area} personId={person.id} />}
    </div>
  );
}

const NO_NOTES: AreaCount = { notes: 0, reference: 0 };

/** The area the next note goes to, with each area's note count and the chosen one's description. */
function AreaPicker({
  areas,
  counts,
  chosen,
  onChoose,
}: {
  areas: FocusArea[];
  counts: Map<string | null, AreaCount>;
  chosen: FocusArea | undefined;
  onChoose: (areaId: string | null) => void;
}) {
  const t = useT();
  const description = chosen ? chosen.description : t('phone.area.noneDescription');
  return (
    <div className="phone-field">
      <label htmlFor="phone-area">{t('phone.area.label')}</label>
      <select
        id="phone-area"
        value={chosen?.id ?? ''}
        aria-describedby={description ? 'phone-area-description' : undefined}
        onChange={(e) => onChoose(e.target.value || null)}
      >
        {areas.map((area) => (
          <option key={area.id} value={area.id}>
            {t('phone.area.option', {
              code: area.code,
              title: area.title,
              count: areaCountText(t, counts.get(area.id) ?? NO_NOTES),
            })}
          </option>
        ))}
        <option value="">
          {t('phone.area.noneOption', { count: areaCountText(t, counts.get(null) ?? NO_NOTES) })}
        </option>
      </select>
      {description && (
        <p
          id="phone-area-description"
          className="phone-area-description"
          data-testid="phone-area-description"
        >
          {description}
        </p>
      )}
    </div>
  );
}
