// Offset <-> position conversion over one string. Offsets and characters are
// UTF-16 code units, as LSP and JavaScript strings both count them.

import { lastAtOrBefore } from '../search';
import type { Position, Range } from '../types';

const LF = 10;
const CR = 13;

/**
 * Offset just after the line break at or after `from` (`\r\n`, `\r` or `\n`,
 * as LSP counts them), or -1. `cr` caches the next `\r` at or after `from`;
 * pass the returned object back to scan a text in one pass.
 */
export function nextLineStart(text: string, from: number, cache: { cr: number } = { cr: -2 }): number {
  if (cache.cr !== -1 && cache.cr < from) cache.cr = text.indexOf('\r', from);
  const nl = text.indexOf('\n', from);
  if (cache.cr !== -1 && (nl === -1 || cache.cr < nl)) return text.charCodeAt(cache.cr + 1) === LF ? cache.cr + 2 : cache.cr + 1;
  return nl === -1 ? -1 : nl + 1;
}

/** Offsets just after each line break in `text`, shifted by `base`. */
export function lineBreaksIn(text: string, base = 0): number[] {
  const starts: number[] = [];
  const cache = { cr: -2 };
  for (let i = nextLineStart(text, 0, cache); i !== -1; i = nextLineStart(text, i, cache)) starts.push(base + i);
  return starts;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = [0, ...lineBreaksIn(text)];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** End of a line's content, before `\r\n`, `\r` or `\n`. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 1) === LF && this.text.charCodeAt(next - 2) === CR ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Never between `\r` and `\n`: that is the end of the line.
    if (o > 0 && this.text.charCodeAt(o) === LF && this.text.charCodeAt(o - 1) === CR) o--;
    const line = lastAtOrBefore(this.starts, o);
    return { line, character: o - (this.starts[line] ?? 0) };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  offsetAt(p: Position): number {
    return Math.min(this.lineStart(p.line) + p.character, this.lineEnd(p.line));
  }
}
