// Most of a digest is plain lines: a paper's summary bullets, its `Vote:` and
// `Authors:` lines, a `### [title](url)` heading and a `![](url)` thumbnail
// (in older digests a `[Watch Video](url)` line and a `<div><video …>` line).
// remark spends most of its time tokenizing inline text the model never reads
// (of a bullet only the item's span is kept), and a fixed setup cost per call,
// which a digest pays once per paper. So the plain lines at the end of a paper
// block are read here, and remark parses only what comes before them, or
// nothing when the heading and every line after it are plain. The shapes taken
// here are those where the model is exactly remark's, checked against remark
// block by block on the real corpus and on generated tricky lines
// (test/core/plainLines.test.ts); anything else is parsed by remark, as before.

import type { Heading, Html, Link, Nodes, Paragraph, Root } from 'mdast';
import { parseMarkdown } from './markdown';

/** A line read here: a top-level list item that is exactly that line, or a line of a top-level paragraph. */
export interface TailLine {
  readonly kind: 'item' | 'paragraph';
  readonly start: number;
  /** End of the line's content, before its line break; remark's end of the item. */
  readonly end: number;
}

export interface HeadAndTail {
  /**
   * remark's tree of the part before `tail` (the whole block when `tail` is
   * empty), or the same nodes built here when that part is a plain heading;
   * the image, link and `<div>` lines after it are added as the nodes remark
   * builds for them.
   */
  readonly root: Root;
  /** The bullets and paragraph lines after `root`'s text, in order. */
  readonly tail: readonly TailLine[];
}

/** Switched off only by tests and the benchmark, to compare with remark on the whole block. */
let enabled = true;
export function setPlainLines(on: boolean): void {
  enabled = on;
}

/**
 * First characters of an item's content that may open something other than a
 * paragraph (code, HTML, quote, nested list, heading, setext or thematic break,
 * a link definition) or whose end remark places past the line.
 */
const UNSAFE_ITEM_FIRST = new Set([' ', '\t', '<', '`', '~', '>', '-', '+', '_', '#', '=', '|', '[', '\\', '!', '&']);
/** First characters of a line that may open something other than a paragraph, or (`[`) an old `[Watch Video]` thumbnail. */
const UNSAFE_LINE_FIRST = /^[ \t#>*+\-_=`~<|\d\\[]/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** Control characters other than tab and line breaks, which remark may read differently. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * In a paragraph line, what can make a thumbnail: an inline link or image,
 * HTML. Brackets alone stay text (`Authors: ['A', 'B']`) when the block
 * defines no reference for them to name.
 */
const INLINE_MARKUP = /\]\(|</;
/** A character reference, which remark decodes in a title. */
const REFERENCE = /&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/;
/**
 * Link text and target with nothing for remark to resolve: no escapes,
 * code, HTML, nested brackets, or spaces in the target. Emphasis is left as
 * text in blocks (markdown.ts) and read from the source for titles.
 */
const PLAIN_TEXT = '[^\\[\\]\\\\`<\\u0000-\\u001F\\u007F]';
const PLAIN_TARGET = '[^\\s()<>\\\\&\\u0000-\\u001F\\u007F]+';
const PLAIN_HEADING = new RegExp(`^### \\[((?!\\s)${PLAIN_TEXT}+(?<!\\s))\\]\\((${PLAIN_TARGET})\\)$`);
const PLAIN_IMAGE = new RegExp(`^!\\[(${PLAIN_TEXT}*)\\]\\((${PLAIN_TARGET})\\)$`);
/** A paragraph that is one link, as older digests give a video: `[Watch Video](url)`. */
const PLAIN_LINK = new RegExp(`^\\[(${PLAIN_TEXT}+)\\]\\((${PLAIN_TARGET})\\)$`);
/** A `<div>` HTML block (CommonMark's kind 6, which a blank line ends), as older digests embed a video. */
const HTML_DIV = /^<div(?:[ \t>]|\/>)/i;

type LineKind = 'heading' | 'blank' | 'item' | 'paragraph' | 'image' | 'link' | 'html' | 'other';

function classify(line: string, hasDefinitions: boolean): LineKind {
  if (/^[ \t]*$/.test(line)) return 'blank';
  if (CONTROL.test(line)) return 'other';
  const marker = line[0];
  if ((marker === '-' || marker === '*' || marker === '+') && line[1] === ' ' && line.length >= 3) {
    const first = line[2]!;
    if (UNSAFE_ITEM_FIRST.has(first)) return 'other';
    // `* ` opens a nested list; `***label***` does not.
    if (first === '*' && (line.length < 4 || line[3] === ' ' || line[3] === '\t')) return 'other';
    return THEMATIC_BREAK.test(line) ? 'other' : 'item';
  }
  if (PLAIN_IMAGE.test(line)) return 'image';
  // `&#118;ideo` is "video" to remark.
  if (PLAIN_LINK.test(line)) return REFERENCE.test(line) ? 'other' : 'link';
  if (HTML_DIV.test(line)) return 'html';
  if (UNSAFE_LINE_FIRST.test(line) || INLINE_MARKUP.test(line)) return 'other';
  return hasDefinitions && /[[\]]/.test(line) ? 'other' : 'paragraph';
}

interface Line {
  readonly kind: LineKind;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

interface Scan {
  /** The heading line when it is `### [plain title](plain target)`. */
  readonly heading: Line | undefined;
  /** The plain lines that end the block, blank lines left out; `run[0]` is where remark's part ends. */
  readonly run: Line[];
  /** The first line after the heading that is not blank. */
  readonly firstContent: number;
  /** Whether the line before `run[0]` is blank. */
  readonly blankBefore: boolean;
}

/**
 * The longest run of plain lines (blank, item, paragraph, image, link,
 * `<div>`) that ends the block and starts with an item, or with another plain
 * line after a blank line or the heading; in which no line could continue an
 * item lazily, and a `<div>` line is followed by a blank line. Line 0, the
 * heading, is never in it.
 */
function scan(text: string): Scan {
  const lines: Line[] = [];
  let runFrom = -1;
  let previous: LineKind = 'other';
  /** Whether a paragraph line here would continue a list item lazily (no blank line since an item). */
  let lazy = false;
  let heading: Line | undefined;
  let firstContent = -1;
  let blankBefore = false;
  let lineNo = 0;
  let start = 0;
  // `[x]: url` anywhere would turn `[x]` in a line into a link.
  const hasDefinitions = text.includes(']:');
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    const end = i;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    const lineText = text.slice(start, end);
    const kind: LineKind = lineNo === 0 ? 'heading' : classify(lineText, hasDefinitions);
    if (kind === 'heading') {
      if (PLAIN_HEADING.test(lineText) && !REFERENCE.test(lineText)) heading = { kind, start, end, line: lineNo };
    } else if (kind === 'other' || (kind !== 'item' && kind !== 'blank' && lazy) || (previous === 'html' && kind !== 'blank')) {
      // An HTML block runs on to a blank line: one line of it is read here only when a blank line follows.
      runFrom = -1;
    } else if (kind !== 'blank') {
      if (runFrom === -1 && (kind === 'item' || previous === 'blank' || previous === 'heading')) {
        runFrom = lines.length;
        blankBefore = previous === 'blank';
      }
      if (runFrom !== -1) lines.push({ kind, start, end, line: lineNo });
    }
    if (kind === 'item') lazy = true;
    else if (kind === 'blank') lazy = false;
    if (firstContent === -1 && kind !== 'heading' && kind !== 'blank') firstContent = lineNo;
    previous = kind;
    lineNo++;
    start = i + 1;
  }
  return { heading, run: runFrom === -1 ? [] : lines.slice(runFrom), firstContent, blankBefore };
}

/** HTML blocks that end at their own end marker (`-->`, `</pre>`…) rather than at a blank line. */
const HTML_TO_MARKER = /^ {0,3}<(?:(?:script|pre|style|textarea)(?:[ \t>]|$)|[!?])/i;

/**
 * Whether what follows `root`'s text can neither continue its last block nor
 * change it: the last block, followed down through lists, is a heading or a
 * paragraph (a bullet interrupts a paragraph; a paragraph line of the tail has
 * a blank line before it), or, after a blank line, HTML that a blank line
 * ends. Open code, quotes or other HTML would run on into the tail.
 */
function endsClosed(root: Root, blankBefore: boolean): boolean {
  let node: Nodes = root;
  for (;;) {
    switch (node.type) {
      case 'root':
      case 'list':
      case 'listItem': {
        const last: Nodes | undefined = node.children[node.children.length - 1];
        if (!last) return false;
        node = last;
        break;
      }
      case 'heading':
      case 'paragraph':
        return true;
      case 'html':
        return blankBefore && !HTML_TO_MARKER.test(node.value);
      default:
        return false;
    }
  }
}

type Position = NonNullable<Nodes['position']>;

function span(line: Line, from: number, to: number): Position {
  const col = (offset: number): number => offset - line.start + 1;
  return { start: { line: line.line + 1, column: col(from), offset: from }, end: { line: line.line + 1, column: col(to), offset: to } };
}

/** A one-line `[label](url)` starting at `start`, as remark builds it. */
function linkNode(line: Line, start: number, label: string, url: string): Link {
  const textStart = start + 1;
  return {
    type: 'link',
    url,
    title: null,
    children: [{ type: 'text', value: label, position: span(line, textStart, textStart + label.length) }],
    position: span(line, start, line.end),
  };
}

/** The `### [title](url)` heading as remark builds it. */
function headingNode(text: string, line: Line): Heading {
  const m = PLAIN_HEADING.exec(text.slice(line.start, line.end))!;
  return { type: 'heading', depth: 3, children: [linkNode(line, line.start + 4, m[1]!, m[2]!)], position: span(line, line.start, line.end) };
}

/** A `![alt](url)` line as the paragraph remark builds for it. */
function imageParagraph(text: string, line: Line): Paragraph {
  const m = PLAIN_IMAGE.exec(text.slice(line.start, line.end))!;
  const image = { type: 'image' as const, url: m[2]!, alt: m[1]!, title: null, position: span(line, line.start, line.end) };
  return { type: 'paragraph', children: [image], position: span(line, line.start, line.end) };
}

/** A `[text](url)` line as the paragraph remark builds for it. */
function linkParagraph(text: string, line: Line): Paragraph {
  const m = PLAIN_LINK.exec(text.slice(line.start, line.end))!;
  return { type: 'paragraph', children: [linkNode(line, line.start, m[1]!, m[2]!)], position: span(line, line.start, line.end) };
}

/** A one-line `<div …>` HTML block, as remark builds it. */
function htmlNode(text: string, line: Line): Html {
  return { type: 'html', value: text.slice(line.start, line.end), position: span(line, line.start, line.end) };
}

/** remark's tree of a paper block, with its trailing plain lines read from the text when that is exact. */
export function parseHeadAndTail(text: string): HeadAndTail {
  const { heading, run, firstContent, blankBefore } = enabled ? scan(text) : { heading: undefined, run: [], firstContent: -1, blankBefore: false };
  const first = run[0];
  if (first) {
    // Nothing but blank lines between a plain heading and the run: remark is not needed at all.
    const head: Root =
      heading && first.line === firstContent ? { type: 'root', children: [headingNode(text, heading)] } : parseMarkdown(text.slice(0, first.start));
    if (endsClosed(head, blankBefore)) {
      const tail: TailLine[] = [];
      for (const line of run) {
        if (line.kind === 'image') head.children.push(imageParagraph(text, line));
        else if (line.kind === 'link') head.children.push(linkParagraph(text, line));
        else if (line.kind === 'html') head.children.push(htmlNode(text, line));
        else tail.push({ kind: line.kind === 'item' ? 'item' : 'paragraph', start: line.start, end: line.end });
      }
      return { root: head, tail };
    }
  }
  return { root: parseMarkdown(text), tail: [] };
}
