import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { TemplateFile, type TemplateId, type TemplateSummary } from '@samskapa/shared';
import { useLocaleStore, useT } from '../i18n/i18n';
import { loadTemplates } from '../session/api';

/** What a new workshop is built from. */
export type TemplateChoice = { kind: 'builtin'; id: TemplateId } | { kind: 'file'; file: TemplateFile };

type Loaded =
  { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; templates: TemplateSummary[] };

/** The title a choice gives a workshop whose name was left empty. */
export function titleOf(
  choice: TemplateChoice,
  templates: TemplateSummary[],
  locale: 'sv' | 'en',
): string | null {
  if (choice.kind === 'file') return choice.file.title;
  return templates.find((t) => t.id === choice.id)?.title[locale] ?? null;
}

/** Built-in templates as a radio group with a preview of the chosen one, and a saved template file. */
export function TemplatePicker({
  choice,
  onChoose,
  onTemplates,
}: {
  choice: TemplateChoice;
  onChoose: (choice: TemplateChoice) => void;
  onTemplates?: (templates: TemplateSummary[]) => void;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileId = useId();

  useEffect(() => {
    let cancelled = false;
    loadTemplates()
      .then(({ templates }) => {
        if (cancelled) return;
        setLoaded({ status: 'loaded', templates });
        onTemplates?.(templates);
      })
      .catch(() => !cancelled && setLoaded({ status: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [onTemplates]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    setFileProblem(null);
    if (!picked) return;
    let json: unknown;
    try {
      json = JSON.parse(await picked.text());
    } catch {
      setFileProblem(t('templates.fileNotJson'));
      return;
    }
    const parsed = TemplateFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      setFileProblem(t('templates.fileInvalid', { problem: `${where}${issue.message}` }));
      return;
    }
    onChoose({ kind: 'file', file: parsed.data });
  };

  const templates = loaded.status === 'loaded' ? loaded.templates : [];
  const chosen = choice.kind === 'builtin' ? templates.find((tpl) => tpl.id === choice.id) : undefined;

  return (
    <div className="template-picker">
      <fieldset disabled={choice.kind === 'file'}>
        <legend>{t('templates.legend')}</legend>
        {loaded.status === 'loading' && <p role="status">{t('templates.loading')}</p>}
        {loaded.status === 'failed' && (
          <p role="alert" className="error">
            {t('templates.loadFailed')}
          </p>
        )}
        <div className="template-options">
          {templates.map((template) => (
            <label key={template.id} className="template-option" data-testid={`template-${template.id}`}>
              <input
                type="radio"
                name="template"
                value={template.id}
                checked={choice.kind === 'builtin' && choice.id === template.id}
                onChange={() => onChoose({ kind: 'builtin', id: template.id })}
              />
              <span>
                <span className="template-title">{template.title[locale]}</span>
                <span className="template-summary">{template.summary[locale]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {chosen && <TemplatePreview template={chosen} />}
      <details className="template-file" open={choice.kind === 'file' || fileProblem !== null}>
        <summary>{t('templates.fromFile')}</summary>
        <label htmlFor={fileId}>{t('templates.fileLabel')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => void onFile(e)}
        />
        <p id={`${fileId}-hint`} className="hint">
          {t('templates.fileHint')}
        </p>
        {fileProblem && (
          <p role="alert" className="error" data-testid="template-file-problem">
            {fileProblem}
          </p>
        )}
        {choice.kind === 'file' && (
          <>
            <p role="status" data-testid="template-file-chosen">
              {t('templates.fileChosen', { title: choice.file.title, count: choice.file.areas.length })}
            </p>
            <button type="button" onClick={() => onChoose({ kind: 'builtin', id: 'tom' })}>
              {t('templates.fileClear')}
            </button>
          </>
        )}
      </details>
    </div>
  );
}

function TemplatePreview({ template }: { template: TemplateSummary }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const headingId = useId();
  return (
    <section className="template-preview" aria-labelledby={headingId} data-testid="template-preview">
      <h3 id={headingId}>{t('templates.preview', { title: template.title[locale] })}</h3>
      <h4>{t('templates.areas')}</h4>
      {template.areas.length === 0 ? (
        <p>{t('templates.noAreas')}</p>
      ) : (
        <ul className="template-areas">
          {template.areas.map((area) => (
            <li key={area.code}>
              <span className={`area-code area-color-${area.color}`}>{area.code}</span> {area.title[locale]}
            </li>
          ))}
        </ul>
      )}
      {template.agenda.length > 0 && (
        <>
          <h4>{t('templates.agenda')}</h4>
          <ol className="template-agenda">
            {template.agenda.map((step, i) => (
              <li key={i}>
                {step.title[locale]}
                {step.durationMinutes !== null &&
                  ` (${t('templates.minutes', { minutes: step.durationMinutes })})`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
