// The typed digest model. Blocks keep ranges relative to their first line so a
// block that did not change can be reused as is when lines above it move.

import type { ArxivId, LinkVerdict } from './arxiv';
import type { DigestReason } from './detect';
import type { LabelMarkup } from './labels';
import type { OmittedReports } from './limits';
import type { Directive } from './suppress/directives';
import type { Range } from './types';

export interface TextSpan {
  readonly text: string;
  readonly range: Range;
}

export interface PaperLink {
  /** The link target exactly as written. */
  readonly url: string;
  /** `[title](url)` including brackets. */
  readonly range: Range;
  readonly urlRange: Range;
  readonly verdict: LinkVerdict;
}

export interface PaperHeading {
  /** The whole `### …` line. */
  readonly range: Range;
  /** The title as plain text. */
  readonly title: string;
  readonly titleRange: Range;
  readonly link: PaperLink | undefined;
}

export interface Thumbnail {
  readonly kind: 'image' | 'video';
  readonly url: string;
  readonly range: Range;
  readonly urlRange: Range;
}

export interface LabeledLine {
  readonly range: Range;
  readonly labelRange: Range;
  readonly value: TextSpan;
}

export interface AuthorsLine extends LabeledLine {
  readonly style: 'plain' | 'list';
  readonly names: readonly TextSpan[];
}

/** A top-level bullet of a paper, with its label markup when it has one. */
export interface ListEntry {
  readonly range: Range;
  readonly markup: LabelMarkup | undefined;
  readonly labelRange: Range | undefined;
  readonly text: TextSpan;
}

export interface ControlChar {
  readonly code: number;
  readonly range: Range;
}

export interface Paper {
  readonly heading: PaperHeading;
  /** The id from a well-formed link, canonical or not. */
  readonly arxiv: ArxivId | undefined;
  readonly thumbnail: Thumbnail | undefined;
  readonly vote: LabeledLine | undefined;
  readonly authors: AuthorsLine | undefined;
  readonly entries: readonly ListEntry[];
  /** Range of the block's text without trailing blank lines. */
  readonly extent: Range;
}

export interface DayHeading {
  readonly range: Range;
  readonly level: number;
  readonly text: string;
  /** Set when the heading is exactly `## Daily Papers (YYYY-MM-DD)` with a real date. */
  readonly date: string | undefined;
  readonly dateRange: Range | undefined;
}

interface BlockBase {
  readonly lineCount: number;
  /** At most MAX_REPORTS_PER_RULE_PER_PAPER of them; `omittedControlChars` counts the rest. */
  readonly controlChars: readonly ControlChar[];
  readonly omittedControlChars?: OmittedReports;
  /** Suppression comments in the block, relative to its first line (absent: none). */
  readonly directives?: readonly Directive[];
}

/** A parsed block; cached by its text. */
export type ParsedBlock =
  | (BlockBase & { readonly kind: 'paper'; readonly paper: Paper })
  | (BlockBase & { readonly kind: 'day'; readonly day: DayHeading })
  | (BlockBase & { readonly kind: 'other'; /** Heading level, 0 for text before any heading. */ readonly level: number });

/** A block placed in a document version. */
export interface PlacedBlock {
  readonly line: number;
  readonly block: ParsedBlock;
}

export interface PlacedPaper {
  readonly line: number;
  readonly paper: Paper;
  /** Index into `days` of the day heading above, or -1. */
  readonly dayIndex: number;
}

export interface PlacedDay {
  readonly line: number;
  readonly day: DayHeading;
  /** The block's extent up to the next day heading, absolute. */
  readonly endLine: number;
}

export interface DigestModel {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  readonly blocks: readonly PlacedBlock[];
  readonly days: readonly PlacedDay[];
  readonly papers: readonly PlacedPaper[];
  /** True when no paper uses labeled sections: the 2023-2024 bullet style. */
  readonly legacy: boolean;
  /** Why the file counts as a digest. */
  readonly reason: DigestReason;
  /** The few blocks that document-wide passes read; absent: those passes scan `blocks`. */
  readonly marks?: BlockMarks;
}

/** Blocks with something to report or apply, in document order, so a keystroke need not scan every block. */
export interface BlockMarks {
  /** Blocks with suppression comments. */
  readonly directives: readonly PlacedBlock[];
  /** Blocks with control characters. */
  readonly controlChars: readonly PlacedBlock[];
}
