import type { Language } from '../../shared/settings';

/**
 * On-screen keyboard layouts as simple-keyboard data: rows of keys separated by single spaces,
 * function keys in braces. As on the PoolManager, the standard layout has no '@'. Shift (bottom
 * left) switches to capitals and special characters with '@' at the top left, and Shift again
 * returns. Alt (bottom right) cycles through the international layouts and back to the letters.
 */

export const KEYBOARD_MODES = ['letters', 'shift', 'french', 'german', 'spanishPortuguese', 'nordic', 'symbols'] as const;
export type KeyboardMode = (typeof KEYBOARD_MODES)[number];

/** Layouts that Alt steps through, in order, before it returns to the letters. */
export const ALT_MODES = ['french', 'german', 'spanishPortuguese', 'nordic', 'symbols'] as const satisfies readonly KeyboardMode[];

export const FUNCTION_KEYS = ['{bksp}', '{shift}', '{alt}', '{space}', '{left}', '{right}'] as const;
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

/** A simple-keyboard layout object with its single `default` layout name. */
export interface KeyboardLayout {
  default: string[];
}

/** Returns whether the key is one of the function keys rather than text to insert. */
export function isFunctionKey(key: string): key is FunctionKey {
  return (FUNCTION_KEYS as readonly string[]).includes(key);
}

/** Returns the mode after Shift or Alt is pressed in `mode`. */
export function nextMode(mode: KeyboardMode, key: '{shift}' | '{alt}'): KeyboardMode {
  if (key === '{shift}') return mode === 'shift' ? 'letters' : 'shift';

  const altIndex = (ALT_MODES as readonly KeyboardMode[]).indexOf(mode);
  if (altIndex < 0) return ALT_MODES[0];
  return ALT_MODES[altIndex + 1] ?? 'letters';
}

const BOTTOM_ROW = '{shift} {left} {space} {right} {alt}';

/** Special characters of the Shift layout's top row, '@' first as on the device. */
const SHIFT_TOP_ROW = '@ # $ % & * + = ! ? / \\ {bksp}';

const LETTER_LAYOUTS: Record<Language, { letters: string[]; shift: string[] }> = {
  fr: {
    letters: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'a z e r t y u i o p', 'q s d f g h j k l m', 'w x c v b n . - _', BOTTOM_ROW],
    shift: [SHIFT_TOP_ROW, 'A Z E R T Y U I O P ( ) _', 'Q S D F G H J K L M [ ] -', 'W X C V B N . , ; : \' "', BOTTOM_ROW],
  },
  en: {
    letters: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m . - _', BOTTOM_ROW],
    shift: [SHIFT_TOP_ROW, 'Q W E R T Y U I O P ( ) _', 'A S D F G H J K L [ ] -', 'Z X C V B N M . , ; : \' "', BOTTOM_ROW],
  },
  de: {
    letters: ['1 2 3 4 5 6 7 8 9 0 ß {bksp}', 'q w e r t z u i o p ü', 'a s d f g h j k l ö ä', 'y x c v b n m . - _', BOTTOM_ROW],
    shift: [SHIFT_TOP_ROW, 'Q W E R T Z U I O P Ü ( ) _', 'A S D F G H J K L Ö Ä [ ] -', 'Y X C V B N M . , ; : \' "', BOTTOM_ROW],
  },
};

/** International layouts, the same in every UI language. */
const ALT_LAYOUTS: Record<(typeof ALT_MODES)[number], string[]> = {
  french: ['é è ê ë à â ç {bksp}', 'î ï ô ù û ü ÿ œ æ', 'É È Ê Ë À Â Ç', 'Î Ï Ô Ù Û Ü Ÿ Œ Æ', BOTTOM_ROW],
  german: ['ä ö ü ß {bksp}', 'Ä Ö Ü ẞ', BOTTOM_ROW],
  spanishPortuguese: ['á é í ó ú ñ ü {bksp}', 'à â ê ô ã õ ç ¿ ¡', 'Á É Í Ó Ú Ñ Ü', 'À Â Ê Ô Ã Õ Ç º ª', BOTTOM_ROW],
  nordic: ['å ä ö ø æ {bksp}', 'Å Ä Ö Ø Æ', BOTTOM_ROW],
  symbols: ['€ £ ¥ ¢ ° § « » {bksp}', '< > ^ ` ~ { } | µ ²', '© ® ™ ± × ÷ ¬ ³ ¤ ¦', '.fr .com .de .net .org', BOTTOM_ROW],
};

/** Returns the layout of a mode, whose letter and Shift layouts follow the UI language: AZERTY, QWERTY or QWERTZ. */
export function layoutFor(language: Language, mode: KeyboardMode): KeyboardLayout {
  if (mode === 'letters' || mode === 'shift') return { default: [...LETTER_LAYOUTS[language][mode]] };
  return { default: [...ALT_LAYOUTS[mode]] };
}

/** i18next keys, in the `keyboard` namespace, of the visible label and of the accessible name of each function key. */
const FUNCTION_KEY_TEXT: Record<FunctionKey, string> = {
  '{bksp}': 'backspace',
  '{shift}': 'shift',
  '{alt}': 'alt',
  '{space}': 'space',
  '{left}': 'left',
  '{right}': 'right',
};

/** Builds simple-keyboard's `display` map: the translated visible label of each function key. */
export function displayLabels(translate: (key: string) => string): Record<FunctionKey, string> {
  return mapFunctionKeys((name) => translate(`keyboard:keys.${name}`));
}

/** Builds the translated accessible name of each function key, for its aria-label. */
export function functionKeyNames(translate: (key: string) => string): Record<FunctionKey, string> {
  return mapFunctionKeys((name) => translate(`keyboard:keyNames.${name}`));
}

function mapFunctionKeys(text: (name: string) => string): Record<FunctionKey, string> {
  const labels = {} as Record<FunctionKey, string>;
  for (const key of FUNCTION_KEYS) labels[key] = text(FUNCTION_KEY_TEXT[key]);
  return labels;
}
