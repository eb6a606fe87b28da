import { lazy, Suspense, useEffect } from 'react';
import { useLocaleStore, useT } from '../i18n/i18n';
import { BoardPage } from './BoardPage';
import { useDocumentTitle } from '../common/documentTitle';
import { PageLayout } from './Layout';
import { routeOf, usePath } from '../common/router';

// The start page (templates, "Mina workshoppar", imports) is code of its own: a participant's phone that
// opens a workshop link never downloads it.
const StartPage = lazy(() => import('./StartPage').then((m) => ({ default: m.StartPage })));
const JoinCodePage = lazy(() => import('./JoinCodePage').then((m) => ({ default: m.JoinCodePage })));

/** The app: one page per route. */
export function App() {
  const locale = useLocaleStore((s) => s.locale);
  const route = routeOf(usePath());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  switch (route.page) {
    case 'start':
      return (
        <Suspense fallback={null}>
          <StartPage />
        </Suspense>
      );
    case 'joinCode':
      return (
        <Suspense fallback={null}>
          <JoinCodePage code={route.code} />
        </Suspense>
      );
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
