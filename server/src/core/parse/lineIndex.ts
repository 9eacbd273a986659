// Offset <-> position conversion over one string. Offsets and characters are
// UTF-16 code units, as LSP and JavaScript strings both count them.

import { lastAtOrBefore } from '../search';
import type { Position, Range } from '../types';

/** Offsets just after each `\n` in `text`, shifted by `base`. */
export function lineBreaksIn(text: string, base = 0): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(base + i + 1);
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

  /** End of a line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
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
