import type { Language } from '../settings';

/** A nested catalog of translated strings; leaves are i18next strings with {{placeholders}}. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** One i18next namespace in the three UI languages, kept side by side so that their keys can be compared. */
export type Namespace = Record<Language, Catalog>;
