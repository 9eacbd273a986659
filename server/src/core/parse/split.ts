// Splits a digest into blocks at ATX headings of level 1 to 3, outside fenced
// code. Every block starts at a line boundary, so unchanged blocks keep their
// text across edits and can be reused from the cache.

import { nextLineStart } from './lineIndex';

export interface RawBlock {
  readonly startLine: number;
  readonly lineCount: number;
  readonly text: string;
}

const HASH = 35;
const SPACE = 32;
const TAB = 9;
const BACKTICK = 96;
const TILDE = 126;

/** Level of an ATX heading of level 1-3 at `i`, or 0. */
function headingLevel(text: string, i: number): number {
  let j = i;
  while (j - i < 3 && text.charCodeAt(j) === SPACE) j++;
  let level = 0;
  while (text.charCodeAt(j + level) === HASH) level++;
  if (level < 1 || level > 3) return 0;
  const after = text.charCodeAt(j + level);
  return after === SPACE || after === TAB || after === 10 || after === 13 || Number.isNaN(after) ? level : 0;
}

/** The fence that opens at `i` (e.g. "```"), or undefined. */
function fenceAt(text: string, i: number): string | undefined {
  let j = i;
  while (j - i < 3 && text.charCodeAt(j) === SPACE) j++;
  const c = text.charCodeAt(j);
  if (c !== BACKTICK && c !== TILDE) return undefined;
  let n = 0;
  while (text.charCodeAt(j + n) === c) n++;
  return n >= 3 ? String.fromCharCode(c).repeat(n) : undefined;
}

export interface SplitResult {
  readonly blocks: RawBlock[];
  /** True when the text ends inside an open code fence. */
  readonly openFence: boolean;
}

export function splitBlocks(text: string): RawBlock[] {
  return splitText(text, 0).blocks;
}

/** Splits `text`, numbering lines from `firstLine`. */
export function splitText(text: string, firstLine: number): SplitResult {
  const blocks: RawBlock[] = [];
  let blockStart = 0;
  let blockLine = firstLine;
  let line = firstLine;
  let fence: string | undefined;
  let i = 0;
  const cache = { cr: -2 };
  for (;;) {
    const next = nextLineStart(text, i, cache);
    if (fence !== undefined) {
      const closing = fenceAt(text, i);
      if (closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length) fence = undefined;
    } else if (i > blockStart && headingLevel(text, i) > 0) {
      blocks.push({ startLine: blockLine, lineCount: line - blockLine, text: text.slice(blockStart, i) });
      blockStart = i;
      blockLine = line;
    } else {
      fence = fenceAt(text, i);
    }
    if (next === -1) break;
    i = next;
    line++;
  }
  blocks.push({ startLine: blockLine, lineCount: line - blockLine + 1, text: text.slice(blockStart) });
  return { blocks, openFence: fence !== undefined };
}
