import { useEffect } from 'react';
import { useLocaleStore, useT } from '../i18n/i18n';
import { BoardPage } from './BoardPage';
import { useDocumentTitle } from '../common/documentTitle';
import { JoinCodePage } from './JoinCodePage';
import { PageLayout } from './Layout';
import { routeOf, usePath } from '../common/router';
import { StartPage } from './StartPage';

/** The app: one page per route. */
export function App() {
  const locale = useLocaleStore((s) => s.locale);
  const route = routeOf(usePath());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'joinCode':
      return <JoinCodePage code={route.code} />;
    case 'board':
      return <BoardPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.heading'));
  return (
    <PageLayout>
      <h1>{t('notFound.heading')}</h1>
      <a href="/">{t('common.backToStart')}</a>
    </PageLayout>
  );
}
