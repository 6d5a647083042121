import { describe, expect, it } from 'vitest';
import { caretFromPoint, graphemeSegments, type GraphemeBox } from './caret-position';

/** Lays the value out as boxes of `width` px per grapheme, `perLine` graphemes per 30 px line. */
function layout(value: string, width = 10, perLine = 100): GraphemeBox[] {
  return graphemeSegments(value).map((segment, index) => {
    const column = index % perLine;
    const row = Math.floor(index / perLine);
    return {
      start: segment.start,
      end: segment.end,
      left: column * width,
      right: (column + 1) * width,
      top: row * 30,
      bottom: row * 30 + 28,
    };
  });
}

describe('graphemeSegments', () => {
  it('splits plain text', () => {
    expect(graphemeSegments('ab')).toEqual([
      { text: 'a', start: 0, end: 1 },
      { text: 'b', start: 1, end: 2 },
    ]);
  });

  it('keeps a combining accent', () => {
    const segments = graphemeSegments('e\u0301x');
    expect(segments.map((segment) => segment.text)).toEqual(['e\u0301', 'x']);
    expect(segments[1]).toEqual({ text: 'x', start: 2, end: 3 });
  });

  it('keeps an emoji whole', () => {
    expect(graphemeSegments('a👍🏽b').map((segment) => segment.end)).toEqual([1, 5, 6]);
  });

  it('returns nothing for empty value', () => {
    expect(graphemeSegments('')).toEqual([]);
  });
});

describe('caretFromPoint', () => {
  const boxes = layout('name1@t-onlne.de');

  it('left half gives the start', () => {
    // "n" of "onlne" is the 11th grapheme (index 10): 100 to 110 px.
    expect(caretFromPoint(boxes, 102, 10, 16)).toBe(10);
  });

  it('right half gives the end', () => {
    expect(caretFromPoint(boxes, 108, 10, 16)).toBe(11);
  });

  it('left of the text gives 0', () => {
    expect(caretFromPoint(boxes, -20, 10, 16)).toBe(0);
  });

  it('right of the text gives the end', () => {
    expect(caretFromPoint(boxes, 500, 10, 16)).toBe(16);
  });

  it('below the text uses the last line', () => {
    expect(caretFromPoint(boxes, 35, 90, 16)).toBe(4);
  });

  it('empty value gives the end', () => {
    expect(caretFromPoint([], 10, 10, 0)).toBe(0);
  });

  it('picks the touched line', () => {
    const wrapped = layout('abcdefghij', 10, 4);
    // Second line contains "efgh" at 0-40 px, 30-58 px high.
    expect(caretFromPoint(wrapped, 12, 40, 10)).toBe(5);
    expect(caretFromPoint(wrapped, 100, 40, 10)).toBe(8);
    expect(caretFromPoint(wrapped, 100, 70, 10)).toBe(10);
    expect(caretFromPoint(wrapped, 0, 5, 10)).toBe(0);
  });

  it('counts UTF-16 units across an emoji', () => {
    const emoji = layout('a👍🏽b');
    expect(caretFromPoint(emoji, 18, 10, 6)).toBe(5);
    expect(caretFromPoint(emoji, 12, 10, 6)).toBe(1);
  });
});
