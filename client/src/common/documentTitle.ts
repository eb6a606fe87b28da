import { useEffect } from 'react';
import { useT } from '../i18n/i18n';

/** Gives the browser tab the page's own title ("<page> – Samskapa"), so each page is told apart (WCAG 2.4.2). */
export function useDocumentTitle(page: string): void {
  const t = useT();
  const title = t('common.pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
