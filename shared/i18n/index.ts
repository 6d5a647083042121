import type { Language } from '../settings';
import type { Catalog, Namespace } from './catalog';
import { ui } from './ui';
import { keyboard } from './keyboard';
import { providers } from './providers';
import { mail } from './mail';
import { alarms } from './alarms';
import { demo } from './demo';
import { validation } from './validation';

/** Every i18next namespace of the product; `ui` is the default one. */
export const NAMESPACES = { ui, keyboard, providers, mail, alarms, demo, validation } satisfies Record<string, Namespace>;
export type NamespaceName = keyof typeof NAMESPACES;

/** Builds the i18next `resources` object: language → namespace → catalog. */
export function i18nResources(): Record<Language, Record<NamespaceName, Catalog>> {
  const resources = { fr: {}, en: {}, de: {} } as Record<Language, Record<NamespaceName, Catalog>>;
  for (const [name, namespace] of Object.entries(NAMESPACES) as [NamespaceName, Namespace][]) {
    for (const language of Object.keys(resources) as Language[]) {
      resources[language][name] = namespace[language];
    }
  }
  return resources;
}
