// Parses one block (a heading and what follows it up to the next heading) into
// the model, with ranges relative to the block's first line.

import type { Heading, Html, Image, Link, List, ListItem, Nodes, Paragraph } from 'mdast';
import { classifyArxivUrl } from '../arxiv';
import { DAY_LIKE } from '../detect';
import { readLabelMarkup } from '../labels';
import type { AuthorsLine, ControlChar, DayHeading, LabeledLine, ListEntry, ParsedBlock, Paper, PaperHeading, PaperLink, TextSpan, Thumbnail } from '../model';
import { findDirectives } from '../suppress/directives';
import { LineIndex } from './lineIndex';
import { endOffset, parseMarkdown, plainText, plainTitle, startOffset } from './markdown';

const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const DAY_HEADING = /^Daily Papers \((\d{4})-(\d{2})-(\d{2})\)$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const VIDEO = /\.(mp4|webm|mov)(\?|$)/i;
const VIDEO_TAG = /<(?:video|iframe|source)\b[^>]*?\bsrc=["']([^"']+)["']/i;
/**
 * Real papers stay under 12 KB. Past this, only the start of a block is parsed:
 * 62 KB of links in one paragraph, just under it, took 0.8 s here.
 */
export const MAX_PARSED_PAPER_CHARS = 64 * 1024;
/** Blank lines and trailing newlines after a paper's last text. */
const TRAILING_BLANK = /(?:\r?\n[ \t]*)+$/;

export function parseBlock(text: string): ParsedBlock {
  const index = new LineIndex(text);
  const lineCount = index.lineCount;
  const controlChars = findControlChars(text, index);
  const directives = findDirectives(text, index);
  const first = HEADING_LINE.exec(index.lineText(0));
  const level = first?.[1]?.length ?? 0;
  const headingText = first?.[2] ?? '';
  if (level > 0 && level <= 2 && DAY_LIKE.test(headingText)) {
    return { kind: 'day', lineCount, controlChars, directives, day: parseDayHeading(index, level, headingText) };
  }
  if (level === 3) {
    return { kind: 'paper', lineCount, controlChars, directives, paper: parsePaper(text, index) };
  }
  return { kind: 'other', lineCount, controlChars, directives, level };
}

function parseDayHeading(index: LineIndex, level: number, headingText: string): DayHeading {
  const line = index.lineText(0);
  const range = index.rangeAt(0, index.lineEnd(0));
  const m = level === 2 ? DAY_HEADING.exec(headingText) : null;
  const dateText = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  const date = dateText && isRealDate(dateText) ? dateText : undefined;
  const at = dateText ? line.indexOf(dateText) : -1;
  const dateRange = at >= 0 && dateText ? index.rangeAt(at, at + dateText.length) : undefined;
  return { range, level, text: headingText, date, dateRange };
}

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function findControlChars(text: string, index: LineIndex): ControlChar[] {
  const found: ControlChar[] = [];
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    found.push({ code: text.charCodeAt(m.index), range: index.rangeAt(m.index, m.index + 1) });
  }
  return found;
}

function parsePaper(text: string, index: LineIndex): Paper {
  const root = parseMarkdown(text.length > MAX_PARSED_PAPER_CHARS ? text.slice(0, text.lastIndexOf('\n', MAX_PARSED_PAPER_CHARS) + 1) : text);
  const [first, ...rest] = root.children;
  const heading = first?.type === 'heading' ? parseHeading(first, text, index) : fallbackHeading(index);
  let thumbnail: Thumbnail | undefined;
  let vote: LabeledLine | undefined;
  let authors: AuthorsLine | undefined;
  const entries: ListEntry[] = [];
  for (const node of rest) {
    switch (node.type) {
      case 'paragraph':
        thumbnail ??= findThumbnail(node, text, index);
        for (const line of paragraphLines(node, text)) {
          vote ??= readLabeled('Vote', line, index);
          authors ??= readAuthors(line, index);
        }
        break;
      case 'html':
        thumbnail ??= htmlThumbnail(node, index);
        break;
      case 'list':
        entries.push(...readEntries(node, text, index));
        break;
      default:
        break;
    }
  }
  const verdict = heading.link?.verdict;
  const arxiv = verdict && (verdict.kind === 'canonical' || verdict.kind === 'non-canonical') ? verdict.id : undefined;
  const contentEnd = text.length - (TRAILING_BLANK.exec(text)?.[0].length ?? 0);
  return { heading, arxiv, thumbnail, vote, authors, entries, extent: index.rangeAt(0, contentEnd) };
}

function fallbackHeading(index: LineIndex): PaperHeading {
  const range = index.rangeAt(0, index.lineEnd(0));
  return { range, title: '', titleRange: range, link: undefined };
}

function parseHeading(node: Heading, text: string, index: LineIndex): PaperHeading {
  const range = index.rangeAt(0, index.lineEnd(0));
  const contentStart = node.children[0] ? startOffset(node.children[0]) : index.lineEnd(0);
  const contentEnd = node.children.length ? endOffset(node.children[node.children.length - 1] as Nodes) : contentStart;
  const linkNode = node.children.find((c): c is Link => c.type === 'link');
  const onlyLink = linkNode !== undefined && node.children.every((c) => c === linkNode || (c.type === 'text' && c.value.trim() === ''));
  if (!linkNode) {
    const title = plainTitle(text.slice(contentStart, contentEnd)) ?? plainText(node).trim();
    return { range, title, titleRange: index.rangeAt(contentStart, contentEnd), link: undefined };
  }
  const link = readLink(linkNode, text, index);
  const textStart = startOffset(linkNode) + 1;
  const textEnd = linkNode.children.length ? endOffset(linkNode.children[linkNode.children.length - 1] as Nodes) : textStart;
  const titleSource = onlyLink ? text.slice(textStart, textEnd) : text.slice(contentStart, contentEnd);
  const title = plainTitle(titleSource) ?? (onlyLink ? plainText(linkNode) : plainText(node)).trim();
  const titleRange = onlyLink ? index.rangeAt(textStart, textEnd) : index.rangeAt(contentStart, contentEnd);
  return { range, title, titleRange, link };
}

/** Finds the raw target of `[text](target)` or `![alt](target)` in the source, for an exact range. */
function readLink(node: Link | Image, text: string, index: LineIndex): PaperLink {
  const start = startOffset(node);
  const end = endOffset(node);
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
      if (c === ' ' || c === '\t' || c === '\n') break;
      if (c === '(') depth++;
      if (c === ')' && depth-- === 0) break;
      urlEnd++;
    }
  }
  const url = text.slice(urlStart, urlEnd);
  return { url, range: index.rangeAt(start, end), urlRange: index.rangeAt(urlStart, urlEnd), verdict: classifyArxivUrl(url) };
}

function findThumbnail(node: Paragraph, text: string, index: LineIndex): Thumbnail | undefined {
  for (const child of node.children) {
    if (child.type === 'html') {
      const video = htmlThumbnail(child, index);
      if (video) return video;
      continue;
    }
    if (child.type === 'image' || (child.type === 'link' && (VIDEO.test(child.url) || /video/i.test(plainText(child))))) {
      const link = readLink(child, text, index);
      const kind = child.type === 'image' && !VIDEO.test(child.url) ? 'image' : 'video';
      return { kind, url: link.url, range: link.range, urlRange: link.urlRange };
    }
  }
  // `[Watch Video]https://…` from older digests: a broken link, but still the paper's video.
  const source = text.slice(startOffset(node), endOffset(node));
  const m = /^\[[^\]]*video[^\]]*\]\(?(https?:\/\/\S+?)\)?$/im.exec(source);
  if (m && m[1]) {
    const at = startOffset(node) + m.index + m[0].indexOf(m[1]);
    const range = index.rangeAt(startOffset(node) + m.index, startOffset(node) + m.index + m[0].length);
    return { kind: 'video', url: m[1], range, urlRange: index.rangeAt(at, at + m[1].length) };
  }
  return undefined;
}

function htmlThumbnail(node: Html, index: LineIndex): Thumbnail | undefined {
  const m = VIDEO_TAG.exec(node.value);
  if (!m || !m[1]) return undefined;
  const start = startOffset(node);
  const at = start + m.index + m[0].indexOf(m[1]);
  return { kind: 'video', url: m[1], range: index.rangeAt(start, endOffset(node)), urlRange: index.rangeAt(at, at + m[1].length) };
}

interface SourceLine {
  readonly text: string;
  readonly offset: number;
}

function paragraphLines(node: Paragraph, text: string): SourceLine[] {
  const start = startOffset(node);
  const lines: SourceLine[] = [];
  let offset = start;
  for (const line of text.slice(start, endOffset(node)).split('\n')) {
    lines.push({ text: line.replace(/\r$/, ''), offset });
    offset += line.length + 1;
  }
  return lines;
}

function readLabeled(label: string, line: SourceLine, index: LineIndex): LabeledLine | undefined {
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

function readAuthors(line: SourceLine, index: LineIndex): AuthorsLine | undefined {
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

const BULLET = /^([*+-]|\d{1,9}[.)])[ \t]+/;

function readEntries(list: List, text: string, index: LineIndex): ListEntry[] {
  return list.children.map((item: ListItem) => {
    const start = startOffset(item);
    const end = endOffset(item);
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
  });
}

