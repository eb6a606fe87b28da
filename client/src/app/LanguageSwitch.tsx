import { LOCALES, type Locale } from '@samskapa/shared';
import { useLocaleStore, useT } from '../i18n/i18n';

/** Choose the UI language; tldraw's own UI follows. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
