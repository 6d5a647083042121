import type { Namespace } from './catalog';

export const keyboard = {
  fr: {},
  en: {},
  de: {},
} satisfies Namespace;
