import { useT } from '../i18n/i18n';
import type { ViewKind } from './viewChoice';

/** Choosing between the canvas, the list board and the phone view. */
export function ViewSwitch({
  views,
  current,
  onChoose,
}: {
  views: ViewKind[];
  current: ViewKind;
  onChoose: (view: ViewKind) => void;
}) {
  const t = useT();
  return (
    <div className="view-switch" role="group" aria-label={t('view.switchLabel')}>
      {views.map((view) => (
        <button
          key={view}
          type="button"
          aria-pressed={view === current}
          data-testid={`view-${view}`}
          onClick={() => onChoose(view)}
        >
          {t(`view.${view}.name`)}
        </button>
      ))}
    </div>
  );
}
