// The server's text document. It keeps its text in chunks, so an edit copies
// one chunk instead of the whole text, and it remembers where each edit
// landed, so the core re-reads only the blocks an edit touched. A plain
// string document would rebuild (and the parser re-flatten) megabytes per
// keystroke.

import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { lineBreaksIn } from '../core/parse/lineIndex';
import { ShiftedOffsets } from './shiftedOffsets';
import { composeChanges, type ChangeSpan, type TextDocumentLike, type TextSource } from '../core';

/** Edits split chunks larger than twice this. */
const CHUNK_SIZE = 16 * 1024;
/** Versions of edit history kept; older requests fall back to comparing text. */
const HISTORY = 64;

interface Step {
  readonly from: number;
  readonly to: number;
  readonly span: ChangeSpan;
}

export class TrackedDocument implements TextDocumentLike, TextSource {
  private chunks: string[] = [];
  /** Offset of each chunk's first character; an edit's shift of the later ones is kept pending (see ShiftedOffsets). */
  private starts = new ShiftedOffsets();
  /** Offset of each line's first character, shifted the same way. */
  private lineStarts = new ShiftedOffsets([0]);
  private joined: string | undefined;
  private readonly steps: Step[] = [];
  length = 0;
  /** Characters copied into new strings by edits and whole-text joins; tests read it to show an edit stays in its chunk. */
  copiedChars = 0;
  /** Line and chunk starts the last edit wrote (the rest shifted lazily); tests read it to show a keystroke stays local. */
  lastWrittenStarts = 0;
  /** True after a rejected change, until a full-text change. */
  isDesynchronised = false;
  private syncReport: SyncReport = { problem: undefined, versionReused: false };

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.reset(content);
  }

  static create(uri: string, languageId: string, version: number, content: string): TrackedDocument {
    return new TrackedDocument(uri, languageId, version, content);
  }

  /**
   * The TextDocuments `update` hook: applies the changes in order, recording where they landed.
   * A malformed change is rejected whole, and the document waits for a full-text change (or a
   * re-open) before it applies incremental ones again: they would land on the wrong text.
   */
  static update(doc: TrackedDocument, changes: TextDocumentContentChangeEvent[], version: number): TrackedDocument {
    const reused = version <= doc.version;
    const problem = findInvalidChange(changes);
    if (problem !== undefined || (doc.isDesynchronised && !changes.some((c) => !('range' in c) || c.range === undefined))) {
      doc.syncReport = {
        problem: problem !== undefined
          ? `Rejected a change to ${doc.uri} (version ${version}): ${problem}. Waiting for a full-text change or a re-open.`
          : `Ignored an incremental change to ${doc.uri} (version ${version}): its text is out of sync until a full-text change or a re-open.`,
        versionReused: reused,
      };
      doc.isDesynchronised = true;
      doc.version = version;
      doc.steps.length = 0;
      return doc;
    }
    // Incremental changes before the last full-text one apply to an unknown text: skip them.
    const lastFull = changes.reduce((at, c, i) => (!('range' in c) || c.range === undefined ? i : at), -1);
    if (doc.isDesynchronised) changes = changes.slice(lastFull);
    doc.isDesynchronised = false;
    doc.syncReport = { problem: undefined, versionReused: reused };
    const from = doc.version;
    let span: ChangeSpan | undefined;
    for (const change of changes) {
      const next = 'range' in change && change.range !== undefined ? doc.replace(change.range, change.text) : doc.replaceAll(change.text);
      span = span ? composeChanges(span, next) : next;
    }
    doc.version = version;
    if (span) {
      doc.steps.push({ from, to: version, span });
      if (doc.steps.length > HISTORY) doc.steps.shift();
    }
    return doc;
  }

  /** What the last update found; reading it clears the problem, so it is logged once. */
  takeSyncReport(): SyncReport {
    const report = this.syncReport;
    this.syncReport = { problem: undefined, versionReused: false };
    return report;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(): string {
    if (this.joined === undefined) {
      this.joined = this.chunks.join('');
      this.copiedChars += this.length;
    }
    return this.joined;
  }

  textSource(): TextSource {
    return this;
  }

  slice(start: number, end: number = this.length): string {
    const s = Math.max(0, Math.min(start, this.length));
    const e = Math.max(s, Math.min(end, this.length));
    if (this.joined !== undefined) return this.joined.slice(s, e);
    if (s === e) return '';
    const first = this.chunkAt(s);
    const last = this.chunkAt(e - 1);
    const base = this.starts.at(first);
    if (first === last) return this.chunks[first]!.slice(s - base, e - base);
    const parts = [this.chunks[first]!.slice(s - base)];
    for (let i = first + 1; i < last; i++) parts.push(this.chunks[i]!);
    parts.push(this.chunks[last]!.slice(0, e - this.starts.at(last)));
    return parts.join('');
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    const i = this.chunkAt(index);
    return this.chunks[i]!.charCodeAt(index - this.starts.at(i));
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts.at(position.line);
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts.at(position.line + 1) : this.length;
    return this.beforeLineBreak(Math.max(start, Math.min(start + position.character, next)), start);
  }

  /** A position past a line's end means its end, before `\r\n`, as LSP clients count. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let o = offset;
    while (o > lineStart && (this.charCodeAt(o - 1) === 10 || this.charCodeAt(o - 1) === 13)) o--;
    return o;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    const line = this.lineStarts.lastAtOrBefore(o);
    const start = this.lineStarts.at(line);
    return { line, character: this.beforeLineBreak(o, start) - start };
  }

  changedSince(version: number): ChangeSpan | undefined {
    if (version === this.version) return { start: 0, oldEnd: 0, newEnd: 0 };
    const first = this.steps.findIndex((s) => s.from === version);
    if (first === -1) return undefined;
    let span = this.steps[first]!.span;
    for (let i = first + 1; i < this.steps.length; i++) {
      if (this.steps[i]!.from !== this.steps[i - 1]!.to) return undefined;
      span = composeChanges(span, this.steps[i]!.span);
    }
    return span;
  }

  private replaceAll(text: string): ChangeSpan {
    const oldEnd = this.length;
    this.reset(text);
    return { start: 0, oldEnd, newEnd: text.length };
  }

  private replace(range: Range, text: string): ChangeSpan {
    let start = this.offsetAt(range.start);
    let end = this.offsetAt(range.end);
    if (end < start) [start, end] = [end, start];
    const written = this.starts.written + this.lineStarts.written;
    const first = this.chunkAt(Math.min(start, this.length - 1));
    const last = end > start ? this.chunkAt(end - 1) : first;
    const base = this.starts.at(first);
    const lastChunk = this.chunks[last]!;
    const merged = this.chunks[first]!.slice(0, start - base) + text + lastChunk.slice(end - this.starts.at(last));
    this.copiedChars += merged.length;
    const pieces = splitChunks(merged).filter((c) => c !== '');
    const delta = text.length - (end - start);
    this.length += delta;
    if (pieces.length === last - first + 1) {
      // As many chunks as before (a keystroke): swap them, and shift the later starts lazily.
      let offset = base;
      pieces.forEach((piece, j) => {
        this.chunks[first + j] = piece;
        this.starts.set(first + j, offset);
        offset += piece.length;
      });
      this.starts.shiftFrom(last + 1, delta);
    } else {
      this.chunks = this.chunks.slice(0, first).concat(pieces, this.chunks.slice(last + 1));
      if (this.chunks.length === 0) this.chunks.push('');
      this.restart();
    }
    this.joined = undefined;
    this.updateLines(start, end, text);
    this.lastWrittenStarts = this.starts.written + this.lineStarts.written - written;
    return { start, oldEnd: end, newEnd: start + text.length };
  }

  private reset(content: string): void {
    this.chunks = splitChunks(content);
    this.length = content.length;
    this.restart();
    this.lineStarts = new ShiftedOffsets([0, ...lineBreaksIn(content)]);
    this.joined = content;
  }

  /** Recomputes every chunk's start offset. */
  private restart(): void {
    const starts: number[] = [];
    let offset = 0;
    for (const chunk of this.chunks) {
      starts.push(offset);
      offset += chunk.length;
    }
    this.starts = new ShiftedOffsets(starts);
  }

  private chunkAt(offset: number): number {
    return this.starts.lastAtOrBefore(offset);
  }

  /** Line starts after replacing `[start, end)` with `text`. */
  private updateLines(start: number, end: number, text: string): void {
    const delta = text.length - (end - start);
    // Rescan from the line before the edit to the first line start safely past it: an
    // edit can join or part a `\r` and a `\n` on either side of it.
    const lines = this.lineStarts;
    const lo = Math.max(0, lines.lastAtOrBefore(start) - 1);
    let hi = lo + 1;
    while (hi < lines.length && lines.at(hi) <= end + 1) hi++;
    const from = lines.at(lo);
    const to = hi < lines.length ? lines.at(hi) + delta : this.length;
    const window = this.slice(from, to);
    const added = lineBreaksIn(window, from).filter((o) => o < to || hi >= lines.length);
    // A keystroke adds no line: the later starts shift lazily and the window's are rewritten in place.
    lines.shiftFrom(hi, delta);
    lines.splice(lo + 1, hi - lo - 1, added);
  }
}

export interface SyncReport {
  /** Why the last change was rejected or ignored. */
  readonly problem: string | undefined;
  /** The change kept (or lowered) the version number. */
  readonly versionReused: boolean;
}

function isPosition(p: unknown): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as Record<string, unknown>;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

/** Why a batch of content changes cannot be applied, or undefined when it can. */
export function findInvalidChange(changes: unknown): string | undefined {
  if (!Array.isArray(changes)) return 'contentChanges is not an array';
  for (const [i, c] of changes.entries()) {
    if (typeof c !== 'object' || c === null) return `change ${i} is not an object`;
    const { text, range } = c as Record<string, unknown>;
    if (typeof text !== 'string') return `change ${i} has ${text === undefined ? 'no' : `a ${text === null ? 'null' : typeof text}`} text; expected a string`;
    if (range !== undefined && (typeof range !== 'object' || range === null || !isPosition((range as Record<string, unknown>)['start']) || !isPosition((range as Record<string, unknown>)['end']))) {
      return `change ${i} has a malformed range`;
    }
  }
  return undefined;
}

function splitChunks(text: string): string[] {
  if (text.length <= 2 * CHUNK_SIZE) return [text];
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_SIZE) chunks.push(text.slice(i, i + CHUNK_SIZE));
  return chunks;
}
