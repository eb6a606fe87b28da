import '../i18n/laterMessages';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
} from 'react';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  ImportableExport,
  normalizeJoinCode,
  SIGN_IN_PATH,
  type CreateWorkshopResponse,
  type TemplateSummary,
} from '@samskapa/shared';
import { AccountBar } from '../account/AccountBar';
import { AccountWorkshops } from '../account/AccountWorkshops';
import { PendingInvitation } from '../account/PendingInvitation';
import { useAccount } from '../account/useAccount';
import { MyWorkshops } from '../cockpit/MyWorkshops';
import { adoptCreatedWorkshop, useMyWorkshops } from '../cockpit/myWorkshops';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiError, createWorkshop, importWorkshop } from '../session/api';
import { loadIdentity, saveName } from '../session/identity';
import { CopyField } from '../common/CopyField';
import { useDocumentTitle } from '../common/documentTitle';
import { PageLayout } from './Layout';
import { navigate } from '../common/router';
import { titleOf, TemplatePicker, type TemplateChoice } from './TemplatePicker';

// The QR code's encoder is needed only once a workshop is created: it is not part of every page's code.
const QrCode = lazy(() => import('../common/QrCode'));

/** A link from the server, re-rooted on the origin this page was opened from (proxies may differ). */
function onThisOrigin(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${window.location.origin}${parsed.pathname}${parsed.hash}`;
}

/** True when links made here point at the facilitator's own computer, where phones cannot reach them. */
export function isLoopbackHost(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname) || hostname.endsWith('.localhost');
}

function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Create a workshop, or join one with a code. */
export function StartPage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [title, setTitle] = useState('');
  // The facilitator's name for the board: typed here once, it is not asked again when the board opens.
  const [name, setName] = useState(() => loadIdentity().name);
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string | boolean>(false);
  const [choice, setChoice] = useState<TemplateChoice>({ kind: 'builtin', id: 'tom' });
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  // The name the last chosen template filled in: replaced by the next choice, unless the person typed one.
  const [suggestedTitle, setSuggestedTitle] = useState('');
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState(false);
  const facilitated = useMyWorkshops();
  const account = useAccount();
  const mustSignIn = Boolean(account?.requireSignInToCreate && !account.user);
  // Once shown, the list stays while the page is open: removing its last entry must not drop the focus.
  const [listShown, setListShown] = useState(false);
  if (facilitated.length > 0 && !listShown) setListShown(true);
  useDocumentTitle(created ? t('start.created.title', { title: created.title }) : t('start.title'));

  /** Remembers the name typed here as this browser's display name (left empty, the board asks for one). */
  const keepName = () => {
    if (name.trim()) saveName(name);
  };

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    setCreateError(false);
    try {
      const workshop = await createWorkshop({
        title: title.trim(),
        locale,
        ...(choice.kind === 'builtin' ? { template: choice.id } : { templateFile: choice.file }),
      });
      keepName();
      adoptCreatedWorkshop(workshop);
      setCreated(workshop);
    } catch (err) {
      setCreateError(err instanceof ApiError && err.status === 400 && err.detail ? err.detail : true);
    } finally {
      setBusy(false);
    }
  };

  const importId = useId();
  const [importing, setImporting] = useState(false);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  // A JSON export becomes a new workshop at once: checked here with the server's own schema first, so
  // a wrong file says which field is wrong without a round trip.
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    setImportProblem(null);
    if (!picked) return;
    let json: unknown;
    try {
      json = JSON.parse(await picked.text());
    } catch {
      setImportProblem(t('import.notJson'));
      return;
    }
    const parsed = ImportableExport.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      setImportProblem(t('import.invalid', { problem: `${where}${issue.message}` }));
      return;
    }
    setImporting(true);
    try {
      const workshop = await importWorkshop(parsed.data);
      keepName();
      adoptCreatedWorkshop(workshop);
      setCreated(workshop);
    } catch (err) {
      setImportProblem(
        err instanceof ApiError && err.detail
          ? t('import.invalid', { problem: err.detail })
          : t('import.failed'),
      );
    } finally {
      setImporting(false);
    }
  };

  const onTemplates = useCallback((loaded: TemplateSummary[]) => setTemplates(loaded), []);
  const onChoose = (next: TemplateChoice) => {
    setChoice(next);
    const nextTitle =
      next.kind === 'builtin' && next.id === 'tom' ? '' : (titleOf(next, templates, locale) ?? '');
    if (title === '' || title === suggestedTitle) {
      setTitle(nextTitle);
      setSuggestedTitle(nextTitle);
    }
  };

  const onJoin = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (!isJoinCode(normalized)) {
      setCodeError(true);
      return;
    }
    navigate(`/j/${normalized}`);
  };

  return (
    <PageLayout>
      <h1>{t('app.name')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      {account && <AccountBar account={account} />}
      {account && <PendingInvitation account={account} />}
      <div className="start-grid">
        <section aria-labelledby="join-heading" className="card">
          <h2 id="join-heading">{t('start.join.heading')}</h2>
          <form onSubmit={onJoin} noValidate>
            <label htmlFor="join-code">{t('start.join.codeLabel')}</label>
            <input
              id="join-code"
              name="code"
              className="code-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby="join-code-hint"
              aria-invalid={codeError}
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setCodeError(false);
              }}
            />
            <p id="join-code-hint" className="hint">
              {t('start.join.codeHint')}
            </p>
            <button type="submit">{t('start.join.submit')}</button>
            {codeError && (
              <p role="alert" className="error">
                {t('start.join.invalid')}
              </p>
            )}
          </form>
        </section>
        {/* Most who come here join with a code: the list shows only once this browser facilitates. */}
        {account?.user && <AccountWorkshops refresh={created?.id} />}
        {listShown && <MyWorkshops heading={account?.user ? 'browser' : 'mine'} />}
        <section aria-labelledby="create-heading" className="card card-create">
          <h2 id="create-heading">{t('start.create.heading')}</h2>
          {created ? (
            <CreatedWorkshop workshop={created} />
          ) : mustSignIn ? (
            <p data-testid="sign-in-to-create">
              {t('account.requiredToCreate')} <a href={SIGN_IN_PATH}>{t('account.signIn')}</a>
            </p>
          ) : (
            <form onSubmit={onCreate}>
              <label htmlFor="workshop-title">{t('start.create.titleLabel')}</label>
              <input
                id="workshop-title"
                name="title"
                required
                maxLength={200}
                value={title}
                placeholder={t('start.create.titlePlaceholder')}
                onChange={(e) => setTitle(e.target.value)}
              />
              <label htmlFor="facilitator-name">{t('start.create.nameLabel')}</label>
              <input
                id="facilitator-name"
                name="name"
                autoComplete="nickname"
                maxLength={60}
                aria-describedby="facilitator-name-hint"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <p id="facilitator-name-hint" className="hint">
                {t('start.create.nameHint')}
              </p>
              <TemplatePicker choice={choice} onChoose={onChoose} onTemplates={onTemplates} />
              <details className="template-file" open={importProblem !== null || importing}>
                <summary>{t('import.heading')}</summary>
                <label htmlFor={importId}>{t('import.fileLabel')}</label>
                <input
                  id={importId}
                  type="file"
                  accept="application/json,.json"
                  aria-describedby={`${importId}-hint`}
                  disabled={importing}
                  data-testid="import-file"
                  onChange={(e) => void onImport(e)}
                />
                <p id={`${importId}-hint`} className="hint">
                  {t('import.fileHint')}
                </p>
                {importing && <p role="status">{t('import.busy')}</p>}
                {importProblem && (
                  <p role="alert" className="error" data-testid="import-problem">
                    {importProblem}
                  </p>
                )}
              </details>
              <button type="submit" disabled={busy}>
                {busy ? t('start.create.busy') : t('start.create.submit')}
              </button>
              {createError && (
                <p role="alert" className="error">
                  {createError === true
                    ? t('start.create.failed')
                    : t('templates.fileInvalid', { problem: createError })}
                </p>
              )}
            </form>
          )}
        </section>
      </div>
    </PageLayout>
  );
}

function CreatedWorkshop({ workshop }: { workshop: CreateWorkshopResponse }) {
  const t = useT();
  const participantUrl = onThisOrigin(workshop.participantUrl);
  // The form that had the focus is gone; the heading says what happened and starts what to do next.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="created" data-testid="created-workshop">
      <h3 ref={heading} tabIndex={-1} data-testid="created-heading">
        {t('start.created.heading', { title: workshop.title })}
      </h3>
      <p>{t('start.created.intro')}</p>
      <p data-testid="retention">
        {t('start.created.retention', {
          date: new Intl.DateTimeFormat(document.documentElement.lang || 'sv', { dateStyle: 'long' }).format(
            new Date(workshop.retainUntil),
          ),
        })}
      </p>
      {isLoopbackHost(window.location.hostname) && (
        <div
          className="warning-box"
          role="note"
          aria-labelledby="loopback-warning-title"
          data-testid="loopback-warning"
        >
          <p id="loopback-warning-title" className="warning-box-title">
            <span aria-hidden="true">⚠ </span>
            {t('start.created.loopbackTitle')}
          </p>
          <p>{t('start.created.loopbackWarning')}</p>
        </div>
      )}
      <CopyField
        label={t('start.created.participantLink')}
        value={participantUrl}
        testId="participant-link"
      />
      <p className="join-code-label">{t('start.created.joinCode')}</p>
      <p className="join-code" data-testid="join-code">
        {workshop.joinCode}
      </p>
      <Suspense fallback={null}>
        <QrCode text={participantUrl} label={t('start.created.qr')} />
      </Suspense>
      <CopyField
        label={t('start.created.viewerLink')}
        value={onThisOrigin(workshop.viewerUrl)}
        testId="viewer-link"
      />
      <CopyField
        label={t('start.created.facilitatorLink')}
        value={onThisOrigin(workshop.facilitatorUrl)}
        description={t('facilitatorLink.warning')}
        testId="facilitator-link"
      />
      <p className="hint">{t('start.created.facilitatorNote')}</p>
      <button type="button" className="primary" onClick={() => navigate(`/w/${workshop.id}`)}>
        {t('start.created.openFacilitator')}
      </button>
    </div>
  );
}
