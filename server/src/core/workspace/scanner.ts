// A cheap line scanner for digests that are not open. It reads what the
// workspace index needs (days, paper headings, ids, titles, authors, votes)
// without running remark over every block: a full parse of every file at
// start-up is the slow path (Foam, markdown-notes). A corpus test checks that
// it agrees with the full parser on those fields.

import { classifyArxivUrl } from '../arxiv';
import { DAY_LIKE, hasDayHeading, type DigestReason } from '../detect';
import type { DigestModel, PlacedPaper } from '../model';
import { isRealDate } from '../parse/block';
import { plainTitle } from '../parse/markdown';
import { splitText } from '../parse/split';

export interface ScannedDay {
  /** 0-based line of the day heading. */
  readonly line: number;
  readonly level: number;
  /** The heading text, e.g. `Daily Papers (2025-05-09)`. */
  readonly text: string;
  /** `YYYY-MM-DD` when the heading is a valid day heading. */
  readonly date: string | undefined;
}

export interface ScannedPaper {
  /** 0-based line of the `### ` heading. */
  readonly line: number;
  /** UTF-16 length of the heading line, so a location can cover it. */
  readonly headingEnd: number;
  readonly title: string;
  /** arXiv id without version, from a well-formed link. */
  readonly id: string | undefined;
  readonly version: number | undefined;
  readonly authors: readonly string[];
  /** The `Vote:` value as written, or undefined when the line is missing. */
  readonly votes: string | undefined;
  /** Index into `days`, or -1 for a paper of a `digest.files` file above any day. */
  readonly dayIndex: number;
}

export interface ScannedDigest {
  readonly days: readonly ScannedDay[];
  readonly papers: readonly ScannedPaper[];
}

const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const DAY_HEADING = /^Daily Papers \((\d{4}-\d{2}-\d{2})\)$/;
/** `[text](target "title")`, with one level of nested brackets in the text. */
const LINK = /\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\([ \t]*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:[ \t]+(?:"[^"]*"|'[^']*'))?[ \t]*\)/g;
const BULLET_LINE = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g;

/** Plain text of inline Markdown without emphasis: escapes, entities and code spans resolved. */
function inlineText(source: string): string {
  return source
    .replace(/`+([^`]*)`+/g, '$1')
    // Inline HTML such as `<think>` has no text in the parser's tree.
    .replace(/(^|[^\\])<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '$1')
    .replace(ESCAPE, '$1')
    .replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return (name && ENTITIES[name]) ?? whole;
    });
}

/**
 * A copy of `s` that does not keep the file's text alive: V8 makes substrings
 * views into their parent, and the index would otherwise hold every file.
 */
function own(s: string): string {
  return s.length === 0 ? s : (` ${s}`).slice(1);
}

interface HeadingParts {
  readonly title: string;
  readonly url: string | undefined;
}

/** The title and link target of a paper heading's content, as the full parser reads them. */
function readHeading(content: string): HeadingParts {
  LINK.lastIndex = 0;
  const m = LINK.exec(content);
  if (!m) return { title: plainTitle(content) ?? inlineText(content).trim(), url: undefined };
  let url = m[2] ?? '';
  if (url.startsWith('<')) url = url.slice(1, -1);
  const onlyLink = content.slice(0, m.index).trim() === '' && content.slice(m.index + m[0].length).trim() === '';
  if (onlyLink) {
    const text = m[1] ?? '';
    return { title: plainTitle(text) ?? inlineText(text).trim(), url };
  }
  const flat = content.replace(LINK, (_w, text: string) => text);
  return { title: plainTitle(content) ?? inlineText(flat).trim(), url };
}

/** Author names from the value after `Authors:`: a Python-style list or comma-separated. */
export function splitAuthors(value: string): string[] {
  if (value.startsWith('[')) {
    const names: string[] = [];
    const item = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
    for (let m = item.exec(value); m; m = item.exec(value)) names.push(own((m[1] ?? m[2] ?? '').trim()));
    return names;
  }
  return value.split(',').map((n) => own(n.trim())).filter((n) => n !== '');
}

interface PaperLines {
  readonly votes: string | undefined;
  readonly authors: readonly string[];
}

/**
 * `Vote:` and `Authors:` lines that start a paragraph line outside lists, the
 * way the parser finds them in top-level paragraphs.
 */
function scanPaperLines(lines: readonly string[]): PaperLines {
  let votes: string | undefined;
  let authors: string[] | undefined;
  let inList = false;
  let fence: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      inList = false;
      continue;
    }
    if (line.trim() === '') {
      // A blank line ends a list only for text that is not indented under it.
      continue;
    }
    if (BULLET_LINE.test(line)) {
      inList = true;
      continue;
    }
    if (inList && (/^[ \t]/.test(line) || !lines[i - 1]!.trim())) {
      // Indented text continues the item; unindented text after a blank line leaves the list.
      if (/^[ \t]/.test(line)) continue;
      inList = false;
    } else if (inList) {
      continue; // lazy continuation of the item's paragraph
    }
    if (votes === undefined && line.startsWith('Vote:')) votes = own(line.slice(5).trim());
    else if (authors === undefined && line.startsWith('Authors:')) authors = splitAuthors(line.slice(8).trim());
  }
  return { votes, authors: authors ?? [] };
}

/**
 * Scans a digest. Returns undefined when the text is not a digest: no level-2
 * day heading outside code, and not forced by `digest.files` (`reason`).
 */
export function scanDigest(text: string, reason?: DigestReason): ScannedDigest | undefined {
  const why: DigestReason | undefined = hasDayHeading(text) ? 'heading' : reason;
  if (!why) return undefined;
  const days: ScannedDay[] = [];
  const papers: ScannedPaper[] = [];
  let dayOpen = false;
  for (const block of splitText(text, 0).blocks) {
    if (block.text === '') continue;
    const nl = block.text.indexOf('\n');
    const first = (nl === -1 ? block.text : block.text.slice(0, nl)).replace(/\r$/, '');
    const m = HEADING_LINE.exec(first);
    const level = m?.[1]?.length ?? 0;
    const content = m?.[2] ?? '';
    if (level >= 1 && level <= 2 && DAY_LIKE.test(content)) {
      const date = level === 2 ? DAY_HEADING.exec(content)?.[1] : undefined;
      days.push({ line: block.startLine, level, text: own(content), date: date && isRealDate(date) ? own(date) : undefined });
      dayOpen = true;
    } else if (level >= 1 && level <= 2) {
      dayOpen = false;
    } else if (level === 3 && (dayOpen || (why === 'setting' && days.length === 0))) {
      const heading = readHeading(content);
      const verdict = heading.url === undefined ? undefined : classifyArxivUrl(heading.url);
      const id = verdict && (verdict.kind === 'canonical' || verdict.kind === 'non-canonical') ? verdict.id : undefined;
      const body = scanPaperLines(block.text.split(/\r?\n/));
      papers.push({
        line: block.startLine,
        headingEnd: first.length,
        title: own(heading.title),
        id: id ? own(id.id) : undefined,
        version: id?.version,
        authors: body.authors,
        votes: body.votes,
        dayIndex: dayOpen ? days.length - 1 : -1,
      });
    }
  }
  if (why !== 'setting' && !days.some((d) => d.level === 2)) return undefined;
  return { days, papers };
}

/** The same fields from a full model, for open documents. */
export function scanModel(model: DigestModel): ScannedDigest {
  return {
    days: model.days.map(({ line, day }) => ({ line, level: day.level, text: day.text, date: day.date })),
    papers: model.papers.map(scanPlacedPaper),
  };
}

/** The index's fields of one paper of an open document. */
export function scanPlacedPaper({ line, paper, dayIndex }: PlacedPaper): ScannedPaper {
  return {
    line: line + paper.heading.range.start.line,
    headingEnd: paper.heading.range.end.character,
    title: paper.heading.title,
    id: paper.arxiv?.id,
    version: paper.arxiv?.version,
    authors: paper.authors?.names.map((n) => n.text) ?? [],
    votes: paper.vote?.value.text,
    dayIndex,
  };
}
