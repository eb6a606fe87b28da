import { useId, useState } from 'react';
import type { FocusArea } from '@samskapa/shared';
import { useT } from '../i18n/i18n';
import { areaName, focusSoon } from './columns';
import type { RenameProblem } from './useBoardActions';

/** A facilitator's "Byt namn" on an area: code and title, checked before anything is written. */
export function RenameArea({
  area,
  headingId,
  onRename,
}: {
  area: FocusArea;
  headingId: string;
  onRename: (areaId: string, code: string, title: string) => RenameProblem | boolean;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState(area.code);
  const [title, setTitle] = useState(area.title);
  const [problem, setProblem] = useState<RenameProblem | null>(null);
  const buttonId = `${id}-open`;
  const codeId = `${id}-code`;
  const titleId = `${id}-title`;
  const errorId = `${id}-error`;

  const close = () => {
    setOpen(false);
    setProblem(null);
    focusSoon(buttonId);
  };

  if (!open) {
    return (
      <button
        type="button"
        id={buttonId}
        className="outline-rename-open"
        aria-describedby={headingId}
        onClick={() => {
          setCode(area.code);
          setTitle(area.title);
          setOpen(true);
          focusSoon(codeId);
        }}
      >
        {t('outline.area.rename')}
      </button>
    );
  }

  const error = problem && (
    <p id={errorId} className="outline-field-error">
      {t(problem.key, problem.vars)}
    </p>
  );
  return (
    <form
      className="outline-rename"
      aria-label={t('outline.area.renameLabel', { area: areaName(area) })}
      onSubmit={(event) => {
        event.preventDefault();
        const result = onRename(area.id, code, title);
        if (result === true) close();
        else if (result !== false) {
          setProblem(result);
          focusSoon(result.field === 'code' ? codeId : titleId);
        }
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
    >
      <div className="outline-rename-fields">
        <div className="outline-rename-code">
          <label htmlFor={codeId}>{t('outline.area.codeLabel')}</label>
          <input
            id={codeId}
            value={code}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem?.field === 'code' || undefined}
            aria-describedby={problem?.field === 'code' ? errorId : undefined}
            onChange={(event) => setCode(event.target.value)}
          />
          {problem?.field === 'code' && error}
        </div>
        <div className="outline-rename-title">
          <label htmlFor={titleId}>{t('outline.area.titleLabel')}</label>
          <input
            id={titleId}
            value={title}
            maxLength={200}
            aria-invalid={problem?.field === 'title' || undefined}
            aria-describedby={problem?.field === 'title' ? errorId : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {problem?.field === 'title' && error}
        </div>
      </div>
      <div className="outline-actions">
        <button type="submit" className="primary">
          {t('outline.save')}
        </button>
        <button type="button" onClick={close}>
          {t('outline.cancel')}
        </button>
      </div>
    </form>
  );
}
