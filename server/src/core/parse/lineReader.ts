// Reads a paper block line by line, in linear time, for blocks that remark
// would parse too slowly (see shape.ts): huge pastes, deep nesting, long runs
// of brackets. It follows CommonMark where a paper's parts live (top-level
// list items, paragraph lines, fenced code), so what it reports is true of
// the text, only read more coarsely than by remark.

import type { ListEntry, Paper, PaperHeading, PaperLink, Thumbnail, LabeledLine, AuthorsLine } from '../model';
import type { LineIndex } from './lineIndex';
import { parseMarkdown, plainTitle } from './markdown';
import { BULLET, contentEnd, entryAt, linkAt, readAuthors, readLabeled } from './pieces';
import { isTame } from './shape';

const VIDEO = /\.(mp4|webm|mov)(\?|$)/i;
const VIDEO_TAG = /<(?:video|iframe|source)\b[^>]*?\bsrc=["']([^"']+)["']/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BARE_BULLET = /^([*+-]|\d{1,9}[.)])$/;
/** Lines longer than this are not searched with the backtracking thumbnail patterns. */
const MAX_PATTERN_LINE = 4096;
/** How far a link's text or target is looked for: a thumbnail link is short. */
const MAX_LINK_SCAN = 2048;
/** Links tried per line when looking for a thumbnail. */
const MAX_LINKS_PER_LINE = 64;

interface OpenItem {
  readonly start: number;
  readonly contentIndent: number;
  end: number;
}

/** Column of the first non-blank character, tabs to the next multiple of 4. */
function indentOf(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else return col;
  }
  return col;
}

export function readPaperByLines(text: string, index: LineIndex, readHeading: (line: string) => PaperHeading | undefined): Paper {
  const heading = readHeading(index.lineText(0)) ?? scanHeading(text, index);
  let thumbnail: Thumbnail | undefined;
  let vote: LabeledLine | undefined;
  let authors: AuthorsLine | undefined;
  const entries: ListEntry[] = [];
  let item: OpenItem | undefined;
  let fence: string | undefined;
  let inParagraph = false;
  let afterBlank = false;
  const closeItem = (): void => {
    if (item) entries.push(entryAt(item.start, item.end, text, index));
    item = undefined;
  };
  for (let n = 1; n < index.lineCount; n++) {
    const start = index.lineStart(n);
    const end = index.lineEnd(n);
    const line = text.slice(start, end);
    if (fence !== undefined) {
      const close = FENCE.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length && line.slice(line.indexOf(close) + close.length).trim() === '') fence = undefined;
      if (item) item.end = end;
      continue;
    }
    const indent = indentOf(line);
    if (indent === line.length) {
      afterBlank = true;
      inParagraph = false;
      continue;
    }
    const trimmed = line.trimStart();
    const isBullet = indent <= 3 && (BULLET.test(trimmed) || BARE_BULLET.test(trimmed));
    if (isBullet && (!item || indent < item.contentIndent)) {
      closeItem();
      const marker = BULLET.exec(trimmed)?.[0].length ?? trimmed.length + 1;
      item = { start: start + (line.length - trimmed.length), contentIndent: indent + marker, end };
      inParagraph = false;
    } else if (item && (indent >= item.contentIndent || (!afterBlank && !ATX.test(line) && !FENCE.test(line)))) {
      item.end = end;
      if (indent >= item.contentIndent) fence = FENCE.exec(line.slice(item.contentIndent))?.[1];
    } else {
      closeItem();
      const open = indent <= 3 ? FENCE.exec(line)?.[1] : undefined;
      if (open) {
        fence = open;
        inParagraph = false;
      } else if (ATX.test(line) || (indent >= 4 && !inParagraph)) {
        inParagraph = false;
      } else {
        vote ??= readLabeled('Vote', { text: line, offset: start }, index);
        authors ??= readAuthors({ text: line, offset: start }, index);
        thumbnail ??= scanThumbnail(line, start, text, index);
        inParagraph = true;
      }
    }
    afterBlank = false;
  }
  closeItem();
  const verdict = heading.link?.verdict;
  const arxiv = verdict && (verdict.kind === 'canonical' || verdict.kind === 'non-canonical') ? verdict.id : undefined;
  return { heading, arxiv, thumbnail, vote, authors, entries, extent: index.rangeAt(0, contentEnd(text)) };
}

/** End (after `)`) of an inline link whose `](` is at `at`, or -1. */
function linkEnd(line: string, at: number): number {
  let i = at + 2;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] === '<') {
    const close = line.indexOf('>', i);
    return close !== -1 && line[close + 1] === ')' ? close + 2 : -1;
  }
  let depth = 0;
  const limit = Math.min(line.length, i + MAX_LINK_SCAN);
  for (; i < limit; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t') break;
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) return i + 1;
  }
  while (line[i] === ' ' || line[i] === '\t') i++;
  // A title after the target: `[a](url "title")`.
  if (line[i] === '"') {
    const close = line.indexOf('"', i + 1);
    if (close !== -1 && line[close + 1] === ')') return close + 2;
  }
  return -1;
}

/** Index of the `]` closing the `[` at `open`, skipping escapes and nested pairs, or -1. */
function closingBracket(line: string, open: number, maxScan = MAX_LINK_SCAN): number {
  let depth = 0;
  const limit = Math.min(line.length, open + maxScan);
  for (let i = open; i < limit; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function scanThumbnail(line: string, lineStart: number, text: string, index: LineIndex): Thumbnail | undefined {
  const tag = line.length <= MAX_PATTERN_LINE ? VIDEO_TAG.exec(line) : null;
  if (tag && tag[1]) {
    const at = lineStart + tag.index + tag[0].indexOf(tag[1]);
    return { kind: 'video', url: tag[1], range: index.rangeAt(lineStart, lineStart + line.length), urlRange: index.rangeAt(at, at + tag[1].length) };
  }
  let tried = 0;
  for (let open = line.indexOf('['); open !== -1 && tried < MAX_LINKS_PER_LINE; open = line.indexOf('[', open + 1)) {
    tried++;
    const close = closingBracket(line, open);
    if (close === -1) continue;
    if (line[close + 1] !== '(') continue;
    const end = linkEnd(line, close);
    if (end === -1) continue;
    const image = open > 0 && line[open - 1] === '!';
    const start = image ? open - 1 : open;
    const link = linkAt(lineStart + start, lineStart + end, text, index);
    const video = VIDEO.test(link.url);
    if (image || video || /video/i.test(line.slice(open + 1, close))) {
      return { kind: image && !video ? 'image' : 'video', url: link.url, range: link.range, urlRange: link.urlRange };
    }
    open = end - 1;
  }
  return undefined;
}

/** The heading line read without remark: `### [title](url)` or `### title`. */
function scanHeading(text: string, index: LineIndex): PaperHeading {
  const lineEnd = index.lineEnd(0);
  const line = text.slice(0, lineEnd);
  const range = index.rangeAt(0, lineEnd);
  const hashes = /^ {0,3}#{1,6}[ \t]*/.exec(line)?.[0].length ?? 0;
  let contentEndAt = line.length;
  while (contentEndAt > hashes && (line[contentEndAt - 1] === ' ' || line[contentEndAt - 1] === '\t')) contentEndAt--;
  const open = line[hashes] === '[' ? hashes : -1;
  // A title may be long; it is scanned once, so in linear time.
  const close = open === -1 ? -1 : closingBracket(line, open, line.length);
  const end = close !== -1 && line[close + 1] === '(' ? linkEnd(line, close) : -1;
  if (end === -1) {
    const title = line.slice(hashes, contentEndAt);
    return { range, title: plainTitle(title) ?? title, titleRange: index.rangeAt(hashes, contentEndAt), link: undefined };
  }
  const link: PaperLink = linkAt(open, end, text, index);
  const onlyLink = line.slice(end, contentEndAt).trim() === '';
  const titleSource = onlyLink ? line.slice(open + 1, close) : line.slice(hashes, contentEndAt);
  const titleRange = onlyLink ? index.rangeAt(open + 1, close) : index.rangeAt(hashes, contentEndAt);
  return { range, title: (plainTitle(titleSource) ?? titleSource).trim(), titleRange, link };
}

/** Parses the heading line with remark when that is cheap; `undefined` leaves it to the scanner. */
export function remarkHeadingRoot(line: string): ReturnType<typeof parseMarkdown> | undefined {
  return line.length <= MAX_PATTERN_LINE && isTame(line) ? parseMarkdown(line) : undefined;
}
