import type { Namespace } from './catalog';

export const demo = {
  fr: {},
  en: {},
  de: {},
} satisfies Namespace;
