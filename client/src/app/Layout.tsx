import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the start and join pages: a header with the name and the language, then the content. */
export function PageLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="page-main">{children}</main>
    </div>
  );
}
