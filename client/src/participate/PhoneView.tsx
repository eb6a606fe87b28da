import { areaCounts, type AreaCount, type FocusArea } from '@samskapa/shared';
import type { ViewProps } from '../session/viewProps';
import { useSummon } from '../session/useSummon';
import { useEffect } from 'react';
import { areaCountText } from '../i18n/areaCount';
import { useT } from '../i18n/i18n';
import { useWorkshopBoard } from '../sync/useWorkshopBoard';
import { useAreaChoice } from './areaChoice';
import { MyNotes } from './MyNotes';
import { NoteForm } from './NoteForm';
import { OthersNotes } from './OthersNotes';
import { resolveAreaChoice, writableAreas } from './phoneNotes';
import './phone.css';

/**
 * The phone view: a participant picks an area, writes notes into it and looks after their own notes,
 * without the canvas (this module and what it imports never load tldraw). Writes go to the local doc
 * at once and sync when the connection allows, so it works the same offline.
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
  return (
    <div className="phone">
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
          {picker}
        </section>
      )}
      {access.role !== 'viewer' && (
        <MyNotes doc={connection.doc} board={board} personId={person.id} areas={areas} mayWrite={mayWrite} />
      )}
      <OthersNotes board={board} area={area} personId={person.id} />
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
