import { useId, useState } from 'react';
import { useT } from '../i18n/i18n';
import { CopyField } from '../common/CopyField';
import { capabilityLink, type Access } from '../session/identity';

/**
 * For facilitators on the board: their own link (the token is held in this browser), to copy and open
 * the board on another device, with a warning that it gives full control.
 */
export function FacilitatorLink({ workshopId, access }: { workshopId: string; access: Access }) {
  const t = useT();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  if (access.role !== 'facilitator') return null;
  return (
    <div
      className="facilitator-link"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          (e.currentTarget.querySelector('button') as HTMLButtonElement | null)?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {t('board.facilitatorLink.open')}
      </button>
      <div id={panelId} className="facilitator-link-panel" hidden={!open}>
        {open && (
          <CopyField
            label={t('board.facilitatorLink.label')}
            value={capabilityLink(window.location.origin, workshopId, access)}
            description={t('facilitatorLink.warning')}
            testId="facilitator-link"
          />
        )}
      </div>
    </div>
  );
}
