// Builders for digest text, documents and edits, shared by the core and LSP tests.
// All text here is written for the tests; none of it comes from the real corpus.

import type { Position, Range, TextDocumentLike } from '../../server/src/core';

export function doc(text: string, uri = 'file:///test/digest.md', version = 1): TextDocumentLike {
  return { uri, version, getText: () => text };
}

export function thumbnailFor(id: string): string {
  return `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`;
}

export interface PaperSpec {
  readonly title?: string;
  /** arXiv id used for the link and the thumbnail. */
  readonly id?: string;
  /** Overrides the whole link target. */
  readonly url?: string;
  /** `null` leaves the thumbnail line out. */
  readonly thumbnail?: string | null;
  /** `null` leaves the vote line out. */
  readonly vote?: string | null;
  /** `null` leaves the authors line out. */
  readonly authors?: string | null;
  /** Bullet lines, without the leading "- ". Defaults to the three required sections. */
  readonly sections?: readonly string[];
}

export const DEFAULT_SECTIONS: readonly string[] = [
  "***What's New***: A new method for testing digests.",
  '***Technical Details***: It parses Markdown and checks each paper.',
  '***Performance Highlights***: It finds every defect in the fixtures.',
];

export function paperText(spec: PaperSpec = {}): string {
  const id = spec.id ?? '2501.12948';
  const lines = [`### [${spec.title ?? 'A Paper About Testing'}](${spec.url ?? `https://arxiv.org/abs/${id}`})`, ''];
  if (spec.thumbnail !== null) lines.push(`![](${spec.thumbnail ?? thumbnailFor(id.replace(/v\d+$/, ''))})`, '');
  if (spec.vote !== null) lines.push(`Vote: ${spec.vote ?? '12'}`, '');
  if (spec.authors !== null) lines.push(`Authors: ${spec.authors ?? 'Ada Lovelace, Alan Turing'}`, '');
  for (const s of spec.sections ?? DEFAULT_SECTIONS) lines.push(`- ${s}`);
  return `${lines.join('\n')}\n`;
}

export function digestText(date: string, papers: readonly PaperSpec[]): string {
  return `## Daily Papers (${date})\n\n${papers.map(paperText).join('\n')}`;
}

/** A clean digest of `n` papers with distinct ids and titles. */
export function bigDigest(n: number, date = '2025-01-23'): string {
  const papers: PaperSpec[] = [];
  for (let i = 0; i < n; i++) {
    const id = `2501.${String(10000 + i).padStart(5, '0')}`;
    papers.push({ id, title: `Generated Paper Number ${i}`, vote: String(i), authors: `Author ${i}A, Author ${i}B` });
  }
  return digestText(date, papers);
}

/** 0-based line of the first line containing `needle` (after `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if ((lines[i] ?? '').includes(needle)) return i;
  throw new Error(`"${needle}" not found in the text`);
}

/** The range of the `occurrence`-th (0-based) occurrence of `needle`; columns are UTF-16 code units. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`occurrence ${occurrence} of "${needle}" not found`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + p.character, text.length);
}

export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/** Applies non-overlapping edits, as an editor applies a WorkspaceEdit. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

export function fmtRange(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
