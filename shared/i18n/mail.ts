import type { Namespace } from './catalog';

export const mail = {
  fr: {},
  en: {},
  de: {},
} satisfies Namespace;
