import { describe, expect, it } from 'vitest';
import { LANGUAGES, MAX_LENGTH } from '../../shared/settings';
import { applyKey, applyPhysicalKey, type EditState } from './editing';
import { KEYBOARD_MODES, isFunctionKey, layoutFor } from './layouts';

/** Every text key of every layout, with where it comes from. */
const textKeys = LANGUAGES.flatMap((language) =>
  KEYBOARD_MODES.flatMap((mode) =>
    layoutFor(language, mode)
      .default.flatMap((row) => row.split(' '))
      .filter((key) => !isFunctionKey(key))
      .map((key) => ({ language, mode, key })),
  ),
);

const allKeys = LANGUAGES.flatMap((language) =>
  KEYBOARD_MODES.flatMap((mode) => layoutFor(language, mode).default.flatMap((row) => row.split(' '))),
);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const isOneGrapheme = (text: string) => [...graphemes.segment(text)].length === 1;

describe('on-screen keys', () => {
  it('cover a multi-character key', () => {
    expect(textKeys.some(({ key }) => key.length > 1)).toBe(true);
  });

  it.each(textKeys)('$language $mode "$key" inserts exactly its characters at the caret', ({ key }) => {
    const value = 'abc';
    for (let caret = 0; caret <= value.length; caret++) {
      const result = applyKey({ value, caret }, key, 100);
      expect(result.rejected, `caret ${caret}`).toBeUndefined();
      expect(result.value, `caret ${caret}`).toBe(value.slice(0, caret) + key + value.slice(caret));
      expect(result.caret, `caret ${caret}`).toBe(caret + key.length);
    }
  });

  it.each(textKeys)('$language $mode "$key" respects the maximum length', ({ key }) => {
    const fits = 'x'.repeat(10 - key.length);
    const full = applyKey({ value: fits, caret: fits.length }, key, 10);
    expect(full.rejected).toBeUndefined();
    expect(full.value).toHaveLength(10);

    const tooLong = 'x'.repeat(11 - key.length);
    const rejected = applyKey({ value: tooLong, caret: 2 }, key, 10);
    expect(rejected).toEqual({ value: tooLong, caret: 2, rejected: 'maxLength' });
  });

  it('never exceed any field maximum, whatever is typed', () => {
    for (const maxLength of Object.values(MAX_LENGTH)) {
      let state: EditState = { value: '', caret: 0 };
      for (let round = 0; round < 3; round++) {
        for (const key of allKeys) {
          if (key === '{bksp}') continue;
          state = applyKey(state, key, maxLength);
          expect(state.value.length, `${maxLength} after ${key}`).toBeLessThanOrEqual(maxLength);
          expect(state.caret).toBeGreaterThanOrEqual(0);
          expect(state.caret).toBeLessThanOrEqual(state.value.length);
        }
      }
      expect(state.value.length, String(maxLength)).toBeGreaterThan(maxLength - 5);
    }
  });

  it.each(textKeys.filter(({ key }) => isOneGrapheme(key)))(
    '$language $mode "$key" is removed whole by one backspace',
    ({ key }) => {
      const inserted = applyKey({ value: 'ab', caret: 1 }, key, 100);
      expect(applyKey(inserted, '{bksp}', 100)).toEqual({ value: 'ab', caret: 1 });
    },
  );

  it('shift and alt leave the value alone', () => {
    for (const key of ['{shift}', '{alt}']) {
      expect(applyKey({ value: 'abc', caret: 1 }, key, 10)).toEqual({ value: 'abc', caret: 1 });
    }
  });

  it('space inserts a space', () => {
    expect(applyKey({ value: 'PM5(x)', caret: 3 }, '{space}', 64)).toEqual({ value: 'PM5 (x)', caret: 4 });
  });

  it('space respects the maximum length', () => {
    expect(applyKey({ value: 'abc', caret: 3 }, '{space}', 3)).toEqual({ value: 'abc', caret: 3, rejected: 'maxLength' });
  });

  it('multi-character key goes in whole or not at all', () => {
    expect(applyKey({ value: 'nom@orange', caret: 10 }, '.fr', 13)).toEqual({ value: 'nom@orange.fr', caret: 13 });
    expect(applyKey({ value: 'nom@orange', caret: 10 }, '.com', 13)).toEqual({ value: 'nom@orange', caret: 10, rejected: 'maxLength' });
  });

  it.each(['\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u2028', 'a\tb'])('rejects control key %j', (key) => {
    expect(applyKey({ value: 'abc', caret: 1 }, key, 100)).toEqual({ value: 'abc', caret: 1, rejected: 'control' });
  });
});

describe('backspace and caret moves', () => {
  it('deletes the character before the caret', () => {
    expect(applyKey({ value: 'abc', caret: 2 }, '{bksp}', 10)).toEqual({ value: 'ac', caret: 1 });
  });

  it('does nothing at the start', () => {
    expect(applyKey({ value: 'abc', caret: 0 }, '{bksp}', 10)).toEqual({ value: 'abc', caret: 0 });
  });

  it('deletes a surrogate pair whole', () => {
    expect(applyKey({ value: 'a😀b', caret: 3 }, '{bksp}', 10)).toEqual({ value: 'ab', caret: 1 });
  });

  it('deletes a letter with a combining accent whole', () => {
    expect(applyKey({ value: 'cafe\u0301!', caret: 5 }, '{bksp}', 10)).toEqual({ value: 'caf!', caret: 3 });
  });

  it('deletes a flag whole', () => {
    expect(applyKey({ value: 'x🇫🇷', caret: 5 }, '{bksp}', 10)).toEqual({ value: 'x', caret: 1 });
  });

  it('still deletes above the maximum length', () => {
    expect(applyKey({ value: 'abcdef', caret: 6 }, '{bksp}', 3)).toEqual({ value: 'abcde', caret: 5 });
  });

  it('moves left and right by grapheme', () => {
    const value = 'a😀b';
    expect(applyKey({ value, caret: 3 }, '{left}', 10)).toEqual({ value, caret: 1 });
    expect(applyKey({ value, caret: 1 }, '{right}', 10)).toEqual({ value, caret: 3 });
    expect(applyKey({ value, caret: 0 }, '{left}', 10)).toEqual({ value, caret: 0 });
    expect(applyKey({ value, caret: 4 }, '{right}', 10)).toEqual({ value, caret: 4 });
  });

  it('clamps a caret outside the value', () => {
    expect(applyKey({ value: 'abc', caret: 99 }, 'd', 10)).toEqual({ value: 'abcd', caret: 4 });
    expect(applyKey({ value: 'abc', caret: -5 }, 'd', 10)).toEqual({ value: 'dabc', caret: 1 });
    expect(applyKey({ value: 'abc', caret: Number.NaN }, 'd', 10)).toEqual({ value: 'abcd', caret: 4 });
  });

  it('never splits a surrogate pair', () => {
    expect(applyKey({ value: 'a😀b', caret: 2 }, 'x', 10)).toEqual({ value: 'ax😀b', caret: 2 });
  });
});

describe('physical keyboard', () => {
  const start: EditState = { value: 'abc', caret: 1 };

  it('inserts a printable key', () => {
    expect(applyPhysicalKey(start, { key: 'x' }, 10)).toEqual({ value: 'axbc', caret: 2, handled: true });
    expect(applyPhysicalKey(start, { key: ' ' }, 10)).toEqual({ value: 'a bc', caret: 2, handled: true });
    expect(applyPhysicalKey(start, { key: 'é' }, 10)).toEqual({ value: 'aébc', caret: 2, handled: true });
    expect(applyPhysicalKey(start, { key: '😀' }, 10)).toEqual({ value: 'a😀bc', caret: 3, handled: true });
  });

  it('edits with Backspace and Delete', () => {
    expect(applyPhysicalKey(start, { key: 'Backspace' }, 10)).toEqual({ value: 'bc', caret: 0, handled: true });
    expect(applyPhysicalKey(start, { key: 'Delete' }, 10)).toEqual({ value: 'ac', caret: 1, handled: true });
    expect(applyPhysicalKey({ value: 'a😀', caret: 1 }, { key: 'Delete' }, 10)).toEqual({ value: 'a', caret: 1, handled: true });
    expect(applyPhysicalKey({ value: 'abc', caret: 3 }, { key: 'Delete' }, 10)).toEqual({ value: 'abc', caret: 3, handled: true });
  });

  it('moves with arrows, Home and End', () => {
    expect(applyPhysicalKey(start, { key: 'ArrowLeft' }, 10)).toEqual({ value: 'abc', caret: 0, handled: true });
    expect(applyPhysicalKey(start, { key: 'ArrowRight' }, 10)).toEqual({ value: 'abc', caret: 2, handled: true });
    expect(applyPhysicalKey(start, { key: 'Home' }, 10)).toEqual({ value: 'abc', caret: 0, handled: true });
    expect(applyPhysicalKey(start, { key: 'End' }, 10)).toEqual({ value: 'abc', caret: 3, handled: true });
  });

  it.each(['Tab', 'Enter', 'Escape', 'Shift', 'Control', 'CapsLock', 'Dead', 'F1', 'ArrowUp', 'Unidentified'])(
    'leaves %s to the dialog',
    (key) => {
      expect(applyPhysicalKey(start, { key }, 10)).toEqual({ value: 'abc', caret: 1, handled: false });
    },
  );

  it('leaves Ctrl and Meta shortcuts alone', () => {
    expect(applyPhysicalKey(start, { key: 'v', ctrlKey: true }, 10)).toEqual({ value: 'abc', caret: 1, handled: false });
    expect(applyPhysicalKey(start, { key: 'c', metaKey: true }, 10)).toEqual({ value: 'abc', caret: 1, handled: false });
  });

  it('inserts AltGr characters', () => {
    expect(applyPhysicalKey(start, { key: '@', ctrlKey: true, altKey: true }, 10)).toEqual({ value: 'a@bc', caret: 2, handled: true });
    expect(applyPhysicalKey(start, { key: '€', altKey: true }, 10)).toEqual({ value: 'a€bc', caret: 2, handled: true });
  });

  it('respects the maximum length', () => {
    expect(applyPhysicalKey(start, { key: 'x' }, 3)).toEqual({ value: 'abc', caret: 1, rejected: 'maxLength', handled: true });
  });

  it.each(textKeys.filter(({ key }) => isOneGrapheme(key)))(
    '$language $mode "$key" typed physically matches the on-screen key',
    ({ key }) => {
      const onScreen = applyKey(start, key, 10);
      expect(applyPhysicalKey(start, { key }, 10)).toEqual({ ...onScreen, handled: true });
    },
  );
});
