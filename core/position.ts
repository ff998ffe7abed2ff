import type { Point, Span } from './types.js';

/** Converts character offsets of one text to 1-based line/column points. */
export interface LineIndex {
  point(offset: number): Point;
  span(startOffset: number, endOffset: number): Span;
}

export function createLineIndex(text: string): LineIndex {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  function point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low]! + 1, offset: clamped };
  }
  return {
    point,
    span: (startOffset, endOffset) => ({ start: point(startOffset), end: point(endOffset) }),
  };
}

/** The span of a unist node's position, with offsets. */
export function spanOf(position: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } | undefined): Span {
  if (!position) return startOfDocument();
  return {
    start: { line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0 },
    end: { line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0 },
  };
}

export function startOfDocument(): Span {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
