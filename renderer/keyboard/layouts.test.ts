import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nResources } from '../../shared/i18n';
import { LANGUAGES, type Language } from '../../shared/settings';
import {
  ALT_MODES,
  FUNCTION_KEYS,
  KEYBOARD_MODES,
  displayLabels,
  functionKeyNames,
  isFunctionKey,
  layoutFor,
  nextMode,
  type KeyboardMode,
} from './layouts';

const combinations = LANGUAGES.flatMap((language) => KEYBOARD_MODES.map((mode) => ({ language, mode })));

function rows(language: Language, mode: KeyboardMode): string[][] {
  return layoutFor(language, mode).default.map((row) => row.split(' '));
}

function keys(language: Language, mode: KeyboardMode): string[] {
  return rows(language, mode).flat();
}

function textKeys(language: Language, mode: KeyboardMode): string[] {
  return keys(language, mode).filter((key) => !isFunctionKey(key));
}

describe('keyboard layouts', () => {
  it.each(combinations)('$language $mode has well-formed rows', ({ language, mode }) => {
    const layout = layoutFor(language, mode).default;
    expect(layout.length).toBeGreaterThanOrEqual(3);
    for (const row of layout) {
      expect(row, row).toMatch(/^\S+( \S+)*$/);
      // 14 keys in 800 px leave about 57 px per key, above the 48 px touch target.
      expect(row.split(' ').length, row).toBeLessThanOrEqual(14);
    }
  });

  it.each(combinations)('$language $mode has every function key once', ({ language, mode }) => {
    const all = keys(language, mode);
    for (const functionKey of FUNCTION_KEYS) {
      expect(all.filter((key) => key === functionKey), functionKey).toHaveLength(1);
    }
  });

  it.each(combinations)('$language $mode puts Shift bottom left and Alt bottom right', ({ language, mode }) => {
    const bottom = rows(language, mode).at(-1) ?? [];
    expect(bottom[0]).toBe('{shift}');
    expect(bottom.at(-1)).toBe('{alt}');
  });

  it.each(combinations)('$language $mode has no duplicate keys', ({ language, mode }) => {
    const all = keys(language, mode);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(combinations)('$language $mode keys are printable text', ({ language, mode }) => {
    for (const key of textKeys(language, mode)) {
      expect(key, key).not.toMatch(/[\s\u0000-\u001f\u007f-\u009f]/u);
      // simple-keyboard treats any key containing both braces as a function key.
      expect(key.includes('{') && key.includes('}'), key).toBe(false);
    }
  });

  it.each(combinations)('no layout but Shift has @ ($language $mode)', ({ language, mode }) => {
    const hasAt = keys(language, mode).some((key) => key.includes('@'));
    expect(hasAt).toBe(mode === 'shift');
  });

  it.each(LANGUAGES)('Shift has @ first on the top row (%s)', (language) => {
    expect(rows(language, 'shift')[0]?.[0]).toBe('@');
  });

  it.each(LANGUAGES)('Shift has the capital of every letter (%s)', (language) => {
    const shiftKeys = new Set(keys(language, 'shift'));
    for (const key of textKeys(language, 'letters')) {
      if (key.toLowerCase() === key.toUpperCase() || key === 'ß') continue;
      expect(shiftKeys.has(key.toUpperCase()), key).toBe(true);
    }
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') expect(shiftKeys.has(letter), letter).toBe(true);
  });

  it.each(LANGUAGES)('letters have a-z and digits without capitals (%s)', (language) => {
    const letterKeys = new Set(keys(language, 'letters'));
    for (const character of 'abcdefghijklmnopqrstuvwxyz0123456789') expect(letterKeys.has(character), character).toBe(true);
    for (const key of letterKeys) expect(key === key.toUpperCase() && key !== key.toLowerCase(), key).toBe(false);
  });

  it('letter rows follow AZERTY, QWERTY and QWERTZ', () => {
    expect(rows('fr', 'letters')[1]?.slice(0, 6).join('')).toBe('azerty');
    expect(rows('en', 'letters')[1]?.slice(0, 6).join('')).toBe('qwerty');
    expect(rows('de', 'letters')[1]?.slice(0, 6).join('')).toBe('qwertz');
    expect(rows('fr', 'shift')[1]?.slice(0, 6).join('')).toBe('AZERTY');
    expect(rows('de', 'shift')[1]?.slice(0, 6).join('')).toBe('QWERTZ');
  });

  it.each(LANGUAGES)('every printable ASCII character is reachable (%s)', (language) => {
    const reachable = new Set(KEYBOARD_MODES.flatMap((mode) => textKeys(language, mode)));
    reachable.add(' ');
    for (let code = 0x20; code < 0x7f; code++) {
      const character = String.fromCharCode(code);
      expect(reachable.has(character), JSON.stringify(character)).toBe(true);
    }
  });

  it('international layouts have their letters', () => {
    const expected: Record<(typeof ALT_MODES)[number], string> = {
      french: 'éèêëàâçîïôùûüÿœæÉÈÊËÀÂÇÎÏÔÙÛÜŸŒÆ',
      german: 'äöüßÄÖÜẞ',
      spanishPortuguese: 'áéíóúñãõç¿¡ÁÉÍÓÚÑÃÕÇ',
      nordic: 'åäöøæÅÄÖØÆ',
      symbols: '€£°§«»',
    };
    for (const language of LANGUAGES) {
      for (const mode of ALT_MODES) {
        const modeKeys = new Set(keys(language, mode));
        for (const character of expected[mode]) expect(modeKeys.has(character), `${language} ${mode} ${character}`).toBe(true);
      }
    }
  });

  it('returns a copy that callers may change', () => {
    const layout = layoutFor('fr', 'letters');
    layout.default[0] = 'changed';
    expect(layoutFor('fr', 'letters').default[0]).not.toBe('changed');
  });
});

describe('nextMode', () => {
  it('Shift switches to Shift and back', () => {
    expect(nextMode('letters', '{shift}')).toBe('shift');
    expect(nextMode('shift', '{shift}')).toBe('letters');
  });

  it('Shift from an international layout goes to Shift', () => {
    for (const mode of ALT_MODES) expect(nextMode(mode, '{shift}'), mode).toBe('shift');
  });

  it('Alt cycles through every international layout, then back to letters', () => {
    const visited: KeyboardMode[] = [];
    let mode: KeyboardMode = 'letters';
    for (let press = 0; press < ALT_MODES.length + 1; press++) {
      mode = nextMode(mode, '{alt}');
      visited.push(mode);
    }
    expect(visited).toEqual([...ALT_MODES, 'letters']);
  });

  it('Alt from Shift starts the international layouts', () => {
    expect(nextMode('shift', '{alt}')).toBe(ALT_MODES[0]);
  });

  it('every mode is reachable from letters', () => {
    const reached = new Set<KeyboardMode>(['letters']);
    const queue: KeyboardMode[] = ['letters'];
    while (queue.length > 0) {
      const mode = queue.shift() as KeyboardMode;
      for (const key of ['{shift}', '{alt}'] as const) {
        const next = nextMode(mode, key);
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...KEYBOARD_MODES].sort());
  });
});

describe('function key labels', () => {
  it('exist in every language', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: i18nResources(), lng: 'fr', interpolation: { escapeValue: false } });
    for (const language of LANGUAGES) {
      const requested: string[] = [];
      const translate = (key: string): string => {
        requested.push(key);
        return i18n.getFixedT(language)(key);
      };
      const labels = displayLabels(translate);
      const names = functionKeyNames(translate);
      expect(requested).toHaveLength(2 * FUNCTION_KEYS.length);
      for (const key of requested) expect(i18n.exists(key, { lng: language }), `${language} ${key}`).toBe(true);
      for (const functionKey of FUNCTION_KEYS) {
        expect(labels[functionKey], `${language} ${functionKey}`).not.toBe('');
        expect(names[functionKey], `${language} ${functionKey}`).not.toBe('');
      }
      for (const mode of KEYBOARD_MODES) expect(i18n.exists(`keyboard:modes.${mode}`, { lng: language }), mode).toBe(true);
    }
  });

  it('read Maj, Alt, Espace and Effacer in French', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: i18nResources(), lng: 'fr', interpolation: { escapeValue: false } });
    const labels = displayLabels((key) => i18n.t(key));
    expect(labels['{shift}']).toBe('Maj');
    expect(labels['{alt}']).toBe('Alt');
    expect(labels['{space}']).toBe('Espace');
    expect(labels['{bksp}']).toBe('Effacer');
  });
});
