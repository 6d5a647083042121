import type { Namespace } from "./catalog";
export const ui = { fr: {}, en: {}, de: {} } satisfies Namespace;
