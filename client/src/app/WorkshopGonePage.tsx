import { useT } from '../i18n/i18n';
import { useDocumentTitle } from '../common/documentTitle';
import { useFocusOnArrival } from '../common/focusOnArrival';
import { PageLayout } from './Layout';

/** Shown when the server says the workshop no longer exists; nothing of it is kept in this browser. */
export function WorkshopGonePage() {
  const t = useT();
  useDocumentTitle(t('gone.heading'));
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <PageLayout>
      <h1 ref={heading} tabIndex={-1}>
        {t('gone.heading')}
      </h1>
      <p data-testid="workshop-gone">{t('gone.body')}</p>
      <a href="/">{t('common.backToStart')}</a>
    </PageLayout>
  );
}
