/**
 * Caret-aware editing of a field value by on-screen and physical keys. Pure functions: the dialog
 * keeps the state and renders it.
 *
 * The caret is a UTF-16 index, like `selectionStart` of an input, and `maxLength` counts UTF-16
 * code units, like `String.length` and the zod schemas of the settings. Deleting and moving the
 * caret go by grapheme cluster (Intl.Segmenter), so an emoji or a letter with a combining accent
 * is never split.
 */

export interface EditState {
  value: string;
  caret: number;
}

export type EditRejection = 'maxLength' | 'control';

export interface EditResult extends EditState {
  /** Set when the key was rejected and the state left unchanged. */
  rejected?: EditRejection;
}

export interface PhysicalKeyResult extends EditResult {
  /** False for keys the dialog handles itself (Tab, Enter, Escape, shortcuts), which the caller lets through. */
  handled: boolean;
}

/** The fields of a KeyboardEvent that `applyPhysicalKey` reads. */
export interface PhysicalKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Line breaks, tabs and other control characters, which no field accepts. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Applies one on-screen key: text is inserted at the caret, {bksp}, {left}, {right} and {space} edit or move. */
export function applyKey(state: EditState, key: string, maxLength: number): EditResult {
  const current = normalise(state);

  switch (key) {
    case '{bksp}':
      return deleteBefore(current);
    case '{left}':
      return { value: current.value, caret: previousBoundary(current.value, current.caret) };
    case '{right}':
      return { value: current.value, caret: nextBoundary(current.value, current.caret) };
    case '{space}':
      return insert(current, ' ', maxLength);
  }

  // Shift, Alt and any other function key change the layout, not the value.
  if (key.startsWith('{') && key.endsWith('}') && key.length > 2) return current;
  return insert(current, key, maxLength);
}

/**
 * Applies a key from a physical keyboard: printable characters, Backspace, Delete, ArrowLeft,
 * ArrowRight, Home and End. Tab, Enter, Escape, Ctrl or Meta shortcuts and other named keys are
 * not handled, because the dialog owns them. Ctrl+Alt with a printable key is AltGr on Windows
 * ('@' on French and German keyboards), so that character is inserted.
 */
export function applyPhysicalKey(state: EditState, event: PhysicalKey, maxLength: number): PhysicalKeyResult {
  const current = normalise(state);
  const notHandled: PhysicalKeyResult = { ...current, handled: false };

  if (event.metaKey) return notHandled;

  switch (event.key) {
    case 'Backspace':
      return { ...deleteBefore(current), handled: true };
    case 'Delete':
      return { ...deleteAfter(current), handled: true };
    case 'ArrowLeft':
      return { ...applyKey(current, '{left}', maxLength), handled: true };
    case 'ArrowRight':
      return { ...applyKey(current, '{right}', maxLength), handled: true };
    case 'Home':
      return { value: current.value, caret: 0, handled: true };
    case 'End':
      return { value: current.value, caret: current.value.length, handled: true };
  }

  const altGraph = event.ctrlKey === true && event.altKey === true;
  if (event.ctrlKey && !altGraph) return notHandled;
  if (!isOneGrapheme(event.key)) return notHandled;
  return { ...insert(current, event.key, maxLength), handled: true };
}

function insert(state: EditState, text: string, maxLength: number): EditResult {
  if (text === '') return state;
  if (CONTROL_CHARACTER.test(text)) return { ...state, rejected: 'control' };
  // A key of several characters (".com") goes in whole or not at all.
  if (state.value.length + text.length > maxLength) return { ...state, rejected: 'maxLength' };

  const value = state.value.slice(0, state.caret) + text + state.value.slice(state.caret);
  return { value, caret: state.caret + text.length };
}

function deleteBefore(state: EditState): EditResult {
  if (state.caret === 0) return state;
  const start = previousBoundary(state.value, state.caret);
  return { value: state.value.slice(0, start) + state.value.slice(state.caret), caret: start };
}

function deleteAfter(state: EditState): EditResult {
  if (state.caret === state.value.length) return state;
  const end = nextBoundary(state.value, state.caret);
  return { value: state.value.slice(0, state.caret) + state.value.slice(end), caret: state.caret };
}

/** Clamps the caret into the value and moves it back to the start of the grapheme it falls inside. */
function normalise(state: EditState): EditState {
  const value = state.value;
  const clamped = Number.isFinite(state.caret) ? Math.min(Math.max(Math.trunc(state.caret), 0), value.length) : value.length;
  let caret = 0;
  for (const boundary of boundaries(value)) {
    if (boundary > clamped) break;
    caret = boundary;
  }
  return { value, caret };
}

/** Returns the grapheme boundaries of the value, from 0 to its length. */
function boundaries(value: string): number[] {
  const result: number[] = [];
  for (const segment of graphemes.segment(value)) result.push(segment.index);
  result.push(value.length);
  return result;
}

function previousBoundary(value: string, caret: number): number {
  let previous = 0;
  for (const boundary of boundaries(value)) {
    if (boundary >= caret) break;
    previous = boundary;
  }
  return previous;
}

function nextBoundary(value: string, caret: number): number {
  for (const boundary of boundaries(value)) {
    if (boundary > caret) return boundary;
  }
  return value.length;
}

function isOneGrapheme(text: string): boolean {
  const segments = graphemes.segment(text)[Symbol.iterator]();
  const first = segments.next();
  return first.done !== true && segments.next().done === true;
}
