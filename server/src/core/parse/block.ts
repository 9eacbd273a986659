// Parses one block (a heading and what follows it up to the next heading) into
// the model, with ranges relative to the block's first line.

import type { Heading, Html, Image, Link, List, ListItem, Nodes, Paragraph } from 'mdast';
import { DAY_LIKE } from '../detect';
import type { AuthorsLine, ControlChar, DayHeading, LabeledLine, ListEntry, ParsedBlock, Paper, PaperHeading, PaperLink, Thumbnail } from '../model';
import { MAX_REPORTS_PER_RULE_PER_PAPER, type OmittedReports } from '../limits';
import { findDirectives } from '../suppress/directives';
import type { Range } from '../types';
import { LineIndex } from './lineIndex';
import { readPaperByLines, remarkHeadingRoot } from './lineReader';
import { endOffset, plainText, plainTitle, startOffset } from './markdown';
import { contentEnd, entryAt, linkAt, readAuthors, readLabeled, type SourceLine } from './pieces';
import { parseHeadAndTail } from './plainLines';
import { isTame } from './shape';

const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const DAY_HEADING = /^Daily Papers \((\d{4})-(\d{2})-(\d{2})\)$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const VIDEO = /\.(mp4|webm|mov)(\?|$)/i;
const VIDEO_TAG = /<(?:video|iframe|source)\b[^>]*?\bsrc=["']([^"']+)["']/i;

export function parseBlock(text: string): ParsedBlock {
  const index = new LineIndex(text);
  const lineCount = index.lineCount;
  const { controlChars, omittedControlChars } = findControlChars(text, index);
  const directives = findDirectives(text, index);
  const first = HEADING_LINE.exec(index.lineText(0));
  const level = first?.[1]?.length ?? 0;
  const headingText = first?.[2] ?? '';
  if (level > 0 && level <= 2 && DAY_LIKE.test(headingText)) {
    return { kind: 'day', lineCount, controlChars, omittedControlChars, directives, day: parseDayHeading(index, level, headingText) };
  }
  if (level === 3) {
    return { kind: 'paper', lineCount, controlChars, omittedControlChars, directives, paper: parsePaper(text, index) };
  }
  return { kind: 'other', lineCount, controlChars, omittedControlChars, directives, level };
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

function findControlChars(text: string, index: LineIndex): { controlChars: ControlChar[]; omittedControlChars: OmittedReports | undefined } {
  const controlChars: ControlChar[] = [];
  let omitted = 0;
  let first: Range | undefined;
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    if (controlChars.length < MAX_REPORTS_PER_RULE_PER_PAPER) {
      controlChars.push({ code: text.charCodeAt(m.index), range: index.rangeAt(m.index, m.index + 1) });
    } else {
      first ??= index.rangeAt(m.index, m.index + 1);
      omitted++;
    }
  }
  return { controlChars, omittedControlChars: first ? { count: omitted, first } : undefined };
}

function parsePaper(text: string, index: LineIndex): Paper {
  // Blocks remark would parse slowly are read line by line; real papers never are (shape.ts).
  if (!isTame(text)) {
    return readPaperByLines(text, index, (line) => {
      const first = remarkHeadingRoot(line)?.children[0];
      return first?.type === 'heading' ? parseHeading(first, text, index) : undefined;
    });
  }
  const { root, tail } = parseHeadAndTail(text);
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
  for (const line of tail) {
    if (line.kind === 'item') {
      entries.push(entryAt(line.start, line.end, text, index));
    } else {
      const source = { text: text.slice(line.start, line.end), offset: line.start };
      vote ??= readLabeled('Vote', source, index);
      authors ??= readAuthors(source, index);
    }
  }
  const verdict = heading.link?.verdict;
  const arxiv = verdict && (verdict.kind === 'canonical' || verdict.kind === 'non-canonical') ? verdict.id : undefined;
  return { heading, arxiv, thumbnail, vote, authors, entries, extent: index.rangeAt(0, contentEnd(text)) };
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

function readLink(node: Link | Image, text: string, index: LineIndex): PaperLink {
  return linkAt(startOffset(node), endOffset(node), text, index);
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

function paragraphLines(node: Paragraph, text: string): SourceLine[] {
  const start = startOffset(node);
  const lines: SourceLine[] = [];
  let offset = start;
  // `\r\n`, `\r` and `\n` all end a line, as in CommonMark and LSP.
  const source = text.slice(start, endOffset(node));
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (let m = breaks.exec(source); m; m = breaks.exec(source)) {
    lines.push({ text: source.slice(from, m.index), offset: offset + from });
    from = m.index + m[0].length;
  }
  lines.push({ text: source.slice(from), offset: offset + from });
  return lines;
}

function readEntries(list: List, text: string, index: LineIndex): ListEntry[] {
  return list.children.map((item: ListItem) => entryAt(startOffset(item), endOffset(item), text, index));
}
