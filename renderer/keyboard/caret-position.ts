/**
 * Placing the caret where the user touched the shown value. The dialog renders the value as one
 * element per grapheme cluster, measures them, and calls `caretFromPoint` to find the nearest boundary.
 */

/** One grapheme cluster of the value: its text and its UTF-16 range, as `applyKey` counts the caret. */
export interface GraphemeSegment {
  text: string;
  start: number;
  end: number;
}

/** A grapheme's UTF-16 range and its rectangle on screen, in CSS pixels. */
export interface GraphemeBox {
  start: number;
  end: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Splits the value into grapheme clusters, so that an accented letter or an emoji is one element. */
export function graphemeSegments(value: string): GraphemeSegment[] {
  return Array.from(graphemes.segment(value), (segment) => ({
    text: segment.segment,
    start: segment.index,
    end: segment.index + segment.segment.length,
  }));
}

/** Boxes whose tops differ by less than this many pixels are on the same line. */
const SAME_LINE_TOLERANCE = 2;

/**
 * Returns the caret index for a touch at (x, y): on the line nearest to y, before the grapheme
 * touched in its left half and after it in its right half. A touch left of the line's first
 * grapheme gives its start, right of the last one its end. Without boxes (empty value) the
 * caret goes to the end.
 */
export function caretFromPoint(boxes: readonly GraphemeBox[], x: number, y: number, valueLength: number): number {
  const first = boxes[0];
  if (first === undefined) return valueLength;

  let nearest = first;
  for (const box of boxes) {
    if (verticalDistance(box, y) < verticalDistance(nearest, y)) nearest = box;
  }
  const line = boxes
    .filter((box) => Math.abs(box.top - nearest.top) < SAME_LINE_TOLERANCE)
    .sort((a, b) => a.left - b.left);

  for (const box of line) {
    const middle = (box.left + box.right) / 2;
    if (x < middle) return box.start;
    if (x <= box.right) return box.end;
  }
  return line[line.length - 1]?.end ?? valueLength;
}

function verticalDistance(box: GraphemeBox, y: number): number {
  if (y < box.top) return box.top - y;
  if (y > box.bottom) return y - box.bottom;
  return 0;
}
