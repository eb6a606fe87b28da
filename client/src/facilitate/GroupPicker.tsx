import type { ControlState, Group } from '@samskapa/shared';
import { useId, useState } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import { chooseGroup, FacilitationRefused } from '../session/facilitationApi';

/** A participant chooses their group, when the facilitator allows it; the server writes the choice. */
export function GroupPicker({
  workshopId,
  control,
  participantId,
  secret,
  notify,
}: {
  workshopId: string;
  control: ControlState;
  participantId: string;
  secret: string;
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  const id = useId();
  const current = control.members[participantId] ?? '';
  const [busy, setBusy] = useState(false);
  return (
    <p className="group-picker">
      <label htmlFor={id}>{t('groups.choose')}</label>
      <select
        id={id}
        value={current}
        disabled={busy}
        data-testid="choose-group"
        onChange={(event) => {
          setBusy(true);
          chooseGroup(workshopId, secret, event.target.value || null)
            .then(() => notify('groups.chosen'))
            .catch((err: unknown) =>
              notify(
                err instanceof FacilitationRefused && err.reason
                  ? (`vote.error.${err.reason}` as MessageKey)
                  : 'vote.error.other',
              ),
            )
            .finally(() => setBusy(false));
        }}
      >
        <GroupOptions groups={control.groups} />
      </select>
    </p>
  );
}

/** A group select's options: no group, then every group. */
export function GroupOptions({ groups }: { groups: readonly Group[] }) {
  const t = useT();
  return (
    <>
      <option value="">{t('groups.noGroup')}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </>
  );
}
