import type { Namespace } from './catalog';

export const alarms = {
  fr: {},
  en: {},
  de: {},
} satisfies Namespace;
