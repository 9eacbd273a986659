// Readers for the parts of a paper, given where they sit in the block's text.
// Shared by the remark path (block.ts) and the line-level path (lineReader.ts)
// so both report the same shapes for the same text.

import { classifyArxivUrl } from '../arxiv';
import { readLabelMarkup } from '../labels';
import type { AuthorsLine, LabeledLine, ListEntry, PaperLink, TextSpan } from '../model';
import type { LineIndex } from './lineIndex';

export interface SourceLine {
  readonly text: string;
  readonly offset: number;
}

/** `[text](target)` or `![alt](target)` spanning `[start, end)`; finds the raw target for an exact range. */
export function linkAt(start: number, end: number, text: string, index: LineIndex): PaperLink {
  const source = text.slice(start, end);
  const open = source.lastIndexOf('](');
  let urlStart = open === -1 ? end : start + open + 2;
  while (text[urlStart] === ' ' || text[urlStart] === '\t') urlStart++;
  let urlEnd = urlStart;
  if (text[urlStart] === '<') {
    urlStart++;
    urlEnd = text.indexOf('>', urlStart);
    if (urlEnd === -1 || urlEnd > end) urlEnd = urlStart;
  } else {
    let depth = 0;
    while (urlEnd < end) {
      const c = text[urlEnd];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
      if (c === '(') depth++;
      if (c === ')' && depth-- === 0) break;
      urlEnd++;
    }
  }
  const url = text.slice(urlStart, urlEnd);
  return { url, range: index.rangeAt(start, end), urlRange: index.rangeAt(urlStart, urlEnd), verdict: classifyArxivUrl(url) };
}

export function readLabeled(label: string, line: SourceLine, index: LineIndex): LabeledLine | undefined {
  if (!line.text.startsWith(`${label}:`)) return undefined;
  const afterLabel = label.length + 1;
  const lead = /^[ \t]*/.exec(line.text.slice(afterLabel))?.[0].length ?? 0;
  const valueText = line.text.slice(afterLabel + lead).trimEnd();
  const vs = line.offset + afterLabel + lead;
  return {
    range: index.rangeAt(line.offset, line.offset + line.text.length),
    labelRange: index.rangeAt(line.offset, line.offset + afterLabel),
    value: { text: valueText, range: index.rangeAt(vs, vs + valueText.length) },
  };
}

export function readAuthors(line: SourceLine, index: LineIndex): AuthorsLine | undefined {
  const base = readLabeled('Authors', line, index);
  if (!base) return undefined;
  const value = base.value.text;
  const valueOffset = index.offsetAt(base.value.range.start);
  const names: TextSpan[] = [];
  const list = value.startsWith('[');
  if (list) {
    const item = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
    for (let m = item.exec(value); m; m = item.exec(value)) {
      const name = m[1] ?? m[2] ?? '';
      const at = valueOffset + m.index + 1;
      names.push({ text: name.trim(), range: index.rangeAt(at, at + name.length) });
    }
  } else if (value !== '') {
    let at = 0;
    for (const part of value.split(',')) {
      const lead = part.length - part.trimStart().length;
      const name = part.trim();
      if (name !== '') names.push({ text: name, range: index.rangeAt(valueOffset + at + lead, valueOffset + at + lead + name.length) });
      at += part.length + 1;
    }
  }
  return { ...base, style: list ? 'list' : 'plain', names };
}

export const BULLET = /^([*+-]|\d{1,9}[.)])[ \t]+/;

/** A top-level list item spanning `[start, end)`. */
export function entryAt(start: number, end: number, text: string, index: LineIndex): ListEntry {
  const source = text.slice(start, end);
  const bullet = BULLET.exec(source)?.[0].length ?? source.length - source.trimStart().length;
  const body = source.slice(bullet);
  const markup = readLabelMarkup(body);
  const labelStart = start + bullet;
  const labelEnd = markup ? labelStart + markup.length : labelStart;
  const rest = text.slice(labelEnd, end);
  const lead = rest.length - rest.trimStart().length;
  const textValue = rest.trim();
  return {
    range: index.rangeAt(start, end),
    markup,
    labelRange: markup ? index.rangeAt(labelStart, labelEnd) : undefined,
    text: { text: textValue, range: index.rangeAt(labelEnd + lead, labelEnd + lead + textValue.length) },
  };
}

/** Offset where a block's content ends: before trailing blank lines (`\n`, `\r\n` or `\r`, then spaces). */
export function contentEnd(text: string): number {
  let end = text.length;
  for (;;) {
    let j = end;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    const c = text.charCodeAt(j - 1);
    if (c === 10) {
      j--;
      if (text.charCodeAt(j - 1) === 13) j--;
    } else if (c === 13) {
      j--;
    } else {
      return end;
    }
    end = j;
  }
}
