import { create } from 'zustand';
import { useCallback } from 'react';
import { LOCALES, type Locale } from '@samskapa/shared';
import { sv } from './messages/sv';
import { en } from './messages/en';
import type { later } from './messages/later';

export type MessageKey = keyof typeof sv | keyof typeof later.sv;
type Catalog = Partial<Record<MessageKey, string>>;
// The first script's strings; the rest arrive with the code that shows them (laterMessages.ts).
const catalogs: Record<Locale, Catalog> = { sv: { ...sv }, en: { ...en } };

/** Adds strings to the catalogs: the code loaded after the first script brings its own. */
export function addMessages(more: Record<Locale, Catalog>): void {
  for (const locale of LOCALES) Object.assign(catalogs[locale], more[locale]);
}

const LOCALE_STORAGE_KEY = 'samskapa.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return 'sv';
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The chosen UI language (local UI state); Swedish unless the person chose otherwise. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // not remembered, still applied
    }
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** Whether a string is a message key (close reasons come from shared code as plain strings). */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogs.sv;
}

/** Translates a key in a locale, filling `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  // A key whose strings have not arrived yet shows as itself rather than break the page (a bug to fix:
  // the code using it must import laterMessages.ts).
  const template = catalogs[locale][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translate function of the current language. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}
