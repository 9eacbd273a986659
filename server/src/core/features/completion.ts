// Completion that writes a digest entry: section labels after `- **`, the
// missing parts of a paper on an empty line, a paper skeleton between papers
// and a day heading where a new day can start. Pure: the adapter maps kinds.

import { thumbnailUrl } from '../arxiv';
import { ref, render, type MessageRef } from '../l10n';
import { matchLabel } from '../labels';
import type { DigestModel, Paper, PlacedBlock } from '../model';
import type { DigestSettings } from '../settings';
import type { CancellationTokenLike, Position, Range } from '../types';

/** An English detail and its id. */
function detailOf(r: MessageRef): { detail: string; detailL10n: MessageRef } {
  return { detail: render('en', r), detailL10n: r };
}

export type CompletionKind = 'section' | 'thumbnail' | 'vote' | 'authors' | 'paper' | 'day';

export interface DigestCompletion {
  readonly kind: CompletionKind;
  readonly label: string;
  readonly detail: string;
  /** The ids of `label` (when it is prose) and `detail`, for adapters that render another language. */
  readonly labelL10n?: MessageRef;
  readonly detailL10n?: MessageRef;
  /** Replaces `range`; a snippet (`$1`, `${1:…}`) when `snippet` is true. */
  readonly newText: string;
  readonly snippet: boolean;
  readonly range: Range;
  /** What the editor matches the typed text against. */
  readonly filterText: string;
  /** Orders items; missing parts first, in the entry's own order. */
  readonly sortText: string;
  readonly preselect: boolean;
}

/**
 * Characters that open completion without Ctrl+Space: bullet and emphasis
 * for labels, `#` for headings, `!` for the thumbnail, and the first letters
 * of `Vote:` and `Authors:` (VS Code has no "start of line" trigger).
 */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['*', '-', '#', '!', 'V', 'A'];

export const DAY_HEADING_PREFIX = '## Daily Papers';
const VOTE_LABEL = 'Vote: ';
const AUTHORS_LABEL = 'Authors: ';
/** The label markup a completion writes when the user has not picked one. */
const DEFAULT_MARKS = '***';

/** Text being typed at the start of a line: `-`, `- **Wha`, `*`… */
const SECTION_PREFIX = /^([ \t]*)-(?:[ \t]+(\**)([^*:\n]*))?$/;
/** A heading marker with no text yet. */
const BARE_HASHES = /^[ \t]*#{1,3}[ \t]*$/;
/** A single word (or nothing) on an otherwise empty line. */
const WORD_PREFIX = /^([ \t]*)(\S*)$/;

export interface CompletionInput {
  readonly model: DigestModel;
  /** Reads one line of the document, without its line break; '' past the end. */
  readonly lineText: (line: number) => string;
  readonly position: Position;
  readonly settings: DigestSettings;
  /** The local date today; used when the digest has no dated day. */
  readonly today: Date;
}

export function getCompletions(input: CompletionInput, token: CancellationTokenLike): DigestCompletion[] {
  const { model, position, lineText } = input;
  if (token.isCancellationRequested || position.line >= model.lineCount) return [];
  const line = lineText(position.line);
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  let placed = blockAt(model, position.line);
  // Bare `#`s being typed start a block of their own: complete them as part of the text above.
  if (placed && placed.line === position.line && position.line > 0 && BARE_HASHES.test(line)) placed = blockAt(model, position.line - 1);
  // A heading line is not completed; the text before the first heading is.
  if (!placed || (position.line === placed.line && !(placed.block.kind === 'other' && placed.block.level === 0))) return [];

  const section = SECTION_PREFIX.exec(before);
  if (section && placed.block.kind === 'paper' && /^[*_:\s]*$/.test(after)) {
    const range = lineRange(position.line, section[1]?.length ?? 0, line.length);
    return sectionItems(placed.block.paper, placed.line, input, range, before.trimStart(), section[2] ?? '');
  }
  const word = WORD_PREFIX.exec(before);
  if (!word || after.trim() !== '') return [];
  const range = lineRange(position.line, word[1]?.length ?? 0, line.length);
  const items: DigestCompletion[] = [];
  const block = placed.block;
  switch (block.kind) {
    case 'paper': {
      items.push(...partItems(block.paper, placed.line, input, range));
      const inTail = position.line > placed.line + block.paper.extent.end.line;
      if (inTail) {
        // After the paper's last line: a new paper, or a new day after the last paper.
        items.push(paperItem(input, range, position.line, 'b'));
        if (!paperFollows(model, position.line)) items.push(dayItem(input, range, 'c'));
      }
      break;
    }
    case 'day':
      items.push(paperItem(input, range, position.line, 'a'), dayItem(input, range, 'b'));
      break;
    case 'other':
      // Text before the first day heading (a title, an introduction).
      if (!model.days.some((d) => d.line < placed.line)) items.push(dayItem(input, range, 'a'));
      break;
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
  return items;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The block holding `line` (blocks are in order and tile the document). */
function blockAt(model: DigestModel, line: number): PlacedBlock | undefined {
  let lo = 0;
  let hi = model.blocks.length - 1;
  let found: PlacedBlock | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = model.blocks[mid]!;
    if (b.line <= line) {
      found = b;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Whether the first block below `line` is a paper (the cursor line may start a block of its own). */
function paperFollows(model: DigestModel, line: number): boolean {
  return model.blocks.find((b) => b.line > line)?.block.kind === 'paper';
}

/** Required sections the paper has, ignoring the line being typed. */
function presentSections(paper: Paper, paperLine: number, cursorLine: number, required: readonly string[]): Set<string> {
  const present = new Set<string>();
  for (const entry of paper.entries) {
    if (!entry.markup || paperLine + entry.range.start.line === cursorLine) continue;
    const match = matchLabel(entry.markup, required);
    if (match.kind !== 'none') present.add(match.expected);
  }
  return present;
}

function sectionItems(paper: Paper, paperLine: number, input: CompletionInput, range: Range, typed: string, stars: string): DigestCompletion[] {
  const required = input.settings.requiredSections;
  const present = presentSections(paper, paperLine, input.position.line, required);
  // Keep what the user typed (`- **` stays bold), and match their prefix exactly.
  const marks = stars === '**' ? '**' : DEFAULT_MARKS;
  const typedMarkup = /^-[ \t]*\**/.exec(typed)?.[0] ?? '-';
  const missingFirst = required.filter((l) => !present.has(l));
  return required.map((label) => {
    const missing = !present.has(label);
    return {
      kind: 'section',
      label,
      ...detailOf(missing ? ref('completeMissingSection') : ref('completePresentSection')),
      newText: `- ${marks}${label}${marks}: `,
      snippet: false,
      range,
      filterText: `${typedMarkup}${label}`,
      sortText: `${missing ? 'a' : 'b'}${String(required.indexOf(label)).padStart(3, '0')}`,
      preselect: label === missingFirst[0],
    };
  });
}

/** The missing parts of a paper, in the order they appear in an entry. */
function partItems(paper: Paper, paperLine: number, input: CompletionInput, range: Range): DigestCompletion[] {
  const cursor = input.position.line;
  const onCursor = (r: Range | undefined): boolean => r !== undefined && paperLine + r.start.line === cursor;
  const items: DigestCompletion[] = [];
  const add = (kind: CompletionKind, label: string, detail: MessageRef, newText: string): void => {
    items.push({ kind, label, ...detailOf(detail), newText, snippet: false, range, filterText: newText, sortText: `a${String(items.length).padStart(3, '0')}`, preselect: items.length === 0 });
  };
  const id = paper.arxiv?.id;
  if (id && (!paper.thumbnail || onCursor(paper.thumbnail.range))) add('thumbnail', `![](…/${id}.png)`, ref('completeThumbnail'), `![](${thumbnailUrl(id)})`);
  if (!paper.vote || onCursor(paper.vote.range)) add('vote', VOTE_LABEL.trim(), ref('completeVote'), VOTE_LABEL);
  if (!paper.authors || onCursor(paper.authors.range)) add('authors', AUTHORS_LABEL.trim(), ref('completeAuthors'), AUTHORS_LABEL);
  // A paper summarised with unlabeled bullets (the legacy style) gets no labels.
  if (paper.entries.length > 0 && paper.entries.every((e) => !e.markup)) return items;
  const required = input.settings.requiredSections;
  const present = presentSections(paper, paperLine, cursor, required);
  for (const label of required) {
    if (!present.has(label)) add('section', label, ref('completeMissingSection'), `- ${DEFAULT_MARKS}${label}${DEFAULT_MARKS}: `);
  }
  return items;
}

/** Escapes text for a snippet body. */
function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function paperItem(input: CompletionInput, range: Range, line: number, sort: string): DigestCompletion {
  const yymm = dayBefore(input.model, line)?.slice(2, 7).replace('-', '') ?? yymmOf(input.today);
  const body = [
    `### [\${2:Paper title}](https://arxiv.org/abs/\${1:${yymm}.00000})`,
    '',
    `![](${thumbnailUrl('${1}')})`,
    '',
    `${VOTE_LABEL}\${3:0}`,
    '',
    `${AUTHORS_LABEL}\${4:First Author, Second Author}`,
    '',
    ...input.settings.requiredSections.map((label, i) => `- ${DEFAULT_MARKS}${snippetText(label)}${DEFAULT_MARKS}: \${${i + 5}}`),
  ];
  // Keep a blank line between the new paper and the text around it.
  const above = line > 0 && input.lineText(line - 1).trim() !== '' ? '\n' : '';
  const below = input.lineText(line + 1).trim() !== '' ? '\n\n' : '';
  return {
    kind: 'paper',
    label: render('en', ref('completeNewPaper')),
    labelL10n: ref('completeNewPaper'),
    ...detailOf(ref('completeNewPaperDetail')),
    newText: `${above}${body.join('\n')}$0${below}`,
    snippet: true,
    range,
    filterText: '### paper',
    sortText: sort,
    preselect: sort === 'a',
  };
}

function dayItem(input: CompletionInput, range: Range, sort: string): DigestCompletion {
  const last = [...input.model.days].reverse().find((d) => d.day.date)?.day.date;
  const date = last ? nextDate(last) : isoDate(input.today);
  const heading = `${DAY_HEADING_PREFIX} (${date})`;
  return {
    kind: 'day',
    label: heading,
    ...detailOf(last ? ref('completeDayAfter', { date: last }) : ref('completeToday')),
    newText: heading,
    snippet: false,
    range,
    filterText: heading,
    sortText: sort,
    preselect: sort === 'a',
  };
}

function dayBefore(model: DigestModel, line: number): string | undefined {
  let date: string | undefined;
  for (const d of model.days) {
    if (d.line > line) break;
    date = d.day.date ?? date;
  }
  return date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function yymmOf(d: Date): string {
  return `${pad(d.getFullYear() % 100)}${pad(d.getMonth() + 1)}`;
}

/** `YYYY-MM-DD` plus one calendar day, in UTC so no time zone shifts it. */
export function nextDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
