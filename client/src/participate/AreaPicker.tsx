import type { AreaCount } from '@samskapa/shared';
import { areaCountText } from '../i18n/areaCount';
import { useT } from '../i18n/i18n';

/** An area as the picker lists it. */
export interface PickableArea {
  id: string;
  code: string;
  title: string;
  description: string;
}

const NO_NOTES: AreaCount = { notes: 0, reference: 0 };

/**
 * The area the next note goes to, with the chosen one's description; with `counts` (once the board is
 * here), each area's note count too.
 */
export function AreaPicker({
  areas,
  counts,
  chosen,
  onChoose,
}: {
  areas: readonly PickableArea[];
  counts?: Map<string | null, AreaCount>;
  chosen: PickableArea | undefined;
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
            {counts
              ? t('phone.area.option', {
                  code: area.code,
                  title: area.title,
                  count: areaCountText(t, counts.get(area.id) ?? NO_NOTES),
                })
              : t('phone.area.optionPlain', { code: area.code, title: area.title })}
          </option>
        ))}
        <option value="">
          {counts
            ? t('phone.area.noneOption', { count: areaCountText(t, counts.get(null) ?? NO_NOTES) })
            : t('phone.area.none')}
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
