import type { Namespace } from './catalog';

export const providers = {
  fr: {},
  en: {},
  de: {},
} satisfies Namespace;
