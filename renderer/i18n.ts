import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nResources } from '../shared/i18n';
import type { Language } from '../shared/settings';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: i18nResources(),
  lng: 'fr',
  fallbackLng: false,
  defaultNS: 'ui',
  ns: ['ui', 'keyboard', 'providers', 'mail', 'alarms', 'demo', 'validation'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language at once, without a restart. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
