// Plain data types shared by the core. They match LSP's shapes (0-based lines,
// UTF-16 columns) without importing vscode-languageserver.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * Where a text changed between two versions, in UTF-16 offsets: `[start, oldEnd)`
 * of the old text became `[start, newEnd)` of the new one.
 */
export interface ChangeSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Read access to text that need not be one string. A plain string is one. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end?: number): string;
  charCodeAt(index: number): number;
}

/** The part of a text document the core reads. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /**
   * Optional: the text without joining it into one string. With
   * `changedSince`, the parser then reads only the part an edit touched.
   */
  textSource?(): TextSource;
  /**
   * Optional: what changed since `version`, when the document tracked it. With
   * it the parser skips comparing old and new text; without it, it compares.
   */
  changedSince?(version: number): ChangeSpan | undefined;
}

/** The change from applying `second` after `first`, as one span. */
export function composeChanges(first: ChangeSpan, second: ChangeSpan): ChangeSpan {
  const firstDelta = first.newEnd - first.oldEnd;
  const secondDelta = second.newEnd - second.oldEnd;
  const end = Math.max(first.newEnd, second.oldEnd);
  return { start: Math.min(first.start, second.start), oldEnd: end - firstDelta, newEnd: end + secondDelta };
}

/** Checked between units of work; the LSP adapter passes its own token. */
export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
}

export const noCancellation: CancellationTokenLike = { isCancellationRequested: false };

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** Moves a range that is relative to a block down to the block's first line. */
export function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
