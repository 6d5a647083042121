import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../settings';
import type { Catalog } from './catalog';
import { NAMESPACES } from './index';

/** Lists "key: problem" for every leaf that is not a non-empty string, keyed by dotted path. */
function leaves(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [inner, leaf] of leaves(value, path)) result.set(inner, leaf);
    else result.set(path, value);
  }
  return result;
}

describe('translation catalogs', () => {
  for (const [name, namespace] of Object.entries(NAMESPACES)) {
    it(`${name} has the same keys in every language`, () => {
      const reference = [...leaves(namespace.fr).keys()].sort();
      for (const language of LANGUAGES) {
        expect([...leaves(namespace[language]).keys()].sort(), `${name}.${language}`).toEqual(reference);
      }
    });

    it(`${name} has no empty string`, () => {
      for (const language of LANGUAGES) {
        for (const [key, value] of leaves(namespace[language])) {
          expect(typeof value, `${name}.${language}.${key}`).toBe('string');
          expect(String(value).trim(), `${name}.${language}.${key}`).not.toBe('');
        }
      }
    });

    // The device manual writes "Réglages de l'appareil": one apostrophe form on every screen.
    it(`${name} French uses the straight apostrophe`, () => {
      for (const [key, value] of leaves(namespace.fr)) {
        expect(String(value), `${name}.fr.${key}`).not.toContain('’');
      }
    });

    it(`${name} uses the same placeholders in every language`, () => {
      const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)/g)].map((match) => match[1]).sort();
      const french = leaves(namespace.fr);
      for (const language of LANGUAGES) {
        for (const [key, value] of leaves(namespace[language])) {
          expect(placeholders(value), `${name}.${language}.${key}`).toEqual(placeholders(french.get(key)));
        }
      }
    });
  }
});
