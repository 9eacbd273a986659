// Builds a DigestModel for one document version, reusing the parsed blocks of
// the previous version. Blocks whose text is unchanged at the start and at the
// end of the document are kept as they are (found with native string
// comparison); only the region between them is split and parsed again.

import type { DigestModel, ParsedBlock, PlacedBlock, PlacedDay, PlacedPaper } from '../model';
import { parseBlock } from './block';
import { LineIndex } from './lineIndex';
import type { ChangeSpan, TextSource } from '../types';
import { splitText } from './split';

export type { DigestReason } from '../detect';
type DigestReason = DigestModel['reason'];

interface Slot {
  readonly offset: number;
  readonly text: string;
  readonly block: ParsedBlock;
}

export class IncrementalParser {
  private slots: Slot[] = [];
  /** Where each slot's block starts, for the last parse. */
  private placed: readonly PlacedBlock[] = [];
  private textLength = 0;
  /** How many blocks the last call parsed afresh; read by tests and the benchmark. */
  lastParsedBlocks = 0;

  /**
   * `change`, when given, says where `text` differs from the text of the
   * previous call; only that part is read. Without it the texts are compared.
   */
  parse(uri: string, version: number, text: TextSource, reason: DigestReason, change?: ChangeSpan): DigestModel {
    const old = this.slots;
    const delta = text.length - this.textLength;
    let prefix: number;
    let suffix: number;
    if (change) {
      prefix = this.prefixBefore(change.start);
      suffix = this.suffixAfter(text, change.oldEnd, prefix);
    } else {
      const full = text.slice(0, text.length);
      prefix = this.unchangedPrefix(full);
      suffix = this.unchangedSuffix(full, prefix);
    }
    const midStart = old[prefix]?.offset ?? 0;
    if (suffix < old.length && old[suffix]!.offset + delta < midStart) suffix = old.length;
    const firstLine = linesBefore(old, prefix);
    const midEnd = suffix < old.length ? old[suffix]!.offset + delta : text.length;
    let split = splitText(text.slice(midStart, midEnd), firstLine);
    if (split.openFence && suffix < old.length) {
      // A fence opened in the edited region swallows the headings after it.
      suffix = old.length;
      split = splitText(text.slice(midStart), firstLine);
    }
    const reusable = new Map<string, ParsedBlock>();
    for (let i = prefix; i < suffix; i++) reusable.set(old[i]!.text, old[i]!.block);

    const slots: Slot[] = old.slice(0, prefix);
    let offset = midStart;
    let parsed = 0;
    for (const raw of split.blocks) {
      if (raw.text === '') continue;
      let block = reusable.get(raw.text);
      let blockText = raw.text;
      if (!block) {
        blockText = flatCopy(raw.text);
        block = parseBlock(blockText);
        parsed++;
      }
      slots.push({ offset, text: blockText, block });
      offset += raw.text.length;
    }
    for (let i = suffix; i < old.length; i++) {
      const s = old[i]!;
      slots.push({ offset: s.offset + delta, text: s.text, block: s.block });
    }
    this.slots = slots;
    this.textLength = text.length;
    this.lastParsedBlocks = parsed;
    this.placed = place(slots);
    return assemble(uri, version, this.placed, reason);
  }

  /**
   * Line `line` of the last parsed text, without its line break (`\r\n`, `\r`
   * or `\n`), or '' past the end. Reads only the block that holds the line.
   */
  lineText(line: number): string {
    let lo = 0;
    let hi = this.placed.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.placed[mid]!.line <= line) lo = mid;
      else hi = mid - 1;
    }
    const slot = this.slots[lo];
    return slot ? new LineIndex(slot.text).lineText(line - this.placed[lo]!.line) : '';
  }

  /** Blocks wholly before `start`, less the last one, which may now run on. */
  private prefixBefore(start: number): number {
    let lo = 0;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.slots[mid]!;
      if (s.offset + s.text.length <= start) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** First block at or after `oldEnd` that still starts a line in the new text. */
  private suffixAfter(text: TextSource, oldEnd: number, prefix: number): number {
    const delta = text.length - this.textLength;
    let lo = prefix + 1;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.slots[mid]!.offset < oldEnd) lo = mid + 1;
      else hi = mid;
    }
    while (lo < this.slots.length) {
      const at = this.slots[lo]!.offset + delta;
      if (at === 0 || startsLine(text, at)) break;
      lo++;
    }
    return lo;
  }

  /** Old blocks that still stand at the start, less the last one, which may now run on. */
  private unchangedPrefix(text: string): number {
    let n = 0;
    while (n < this.slots.length && text.startsWith(this.slots[n]!.text, this.slots[n]!.offset)) n++;
    return Math.max(0, n - 1);
  }

  /** Index of the first old block of the unchanged tail. */
  private unchangedSuffix(text: string, prefix: number): number {
    const delta = text.length - this.textLength;
    let i = this.slots.length;
    while (i - 1 > prefix) {
      const s = this.slots[i - 1]!;
      const at = s.offset + delta;
      if (at < 0 || !text.startsWith(s.text, at) || (at > 0 && !startsLine(text, at))) break;
      i--;
    }
    return i;
  }
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8
 * keeps a slice as a pointer into its parent, so a cached block cut from a
 * 32 KB chunk kept that chunk alive: with edits spread over a 2,000-paper
 * digest, every block pinned its own old chunk (heap 27 MB -> 87 MB after
 * 3,000 edits). Concatenating and slicing forces a fresh flat string.
 */
export function flatCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** Whether a line break ends just before `at` (`\n`, or a `\r` not followed by `\n`). */
function startsLine(text: TextSource, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
}

function linesBefore(slots: readonly Slot[], count: number): number {
  let line = 0;
  for (let i = 0; i < count; i++) line += slots[i]!.block.lineCount - 1;
  return line;
}

function place(slots: readonly Slot[]): PlacedBlock[] {
  const placed: PlacedBlock[] = [];
  let line = 0;
  for (const s of slots) {
    placed.push({ line, block: s.block });
    line += s.block.lineCount - 1;
  }
  return placed;
}

function assemble(uri: string, version: number, blocks: readonly PlacedBlock[], reason: DigestReason): DigestModel {
  const days: PlacedDay[] = [];
  const papers: PlacedPaper[] = [];
  let dayIndex = -1;
  let dayOpen = false;
  const closeDay = (line: number): void => {
    const last = days[days.length - 1];
    if (dayOpen && last) days[days.length - 1] = { ...last, endLine: line };
    dayOpen = false;
  };
  for (const placed of blocks) {
    const b = placed.block;
    switch (b.kind) {
      case 'day':
        closeDay(placed.line);
        days.push({ line: placed.line, day: b.day, endLine: placed.line + b.lineCount - 1 });
        dayIndex = days.length - 1;
        dayOpen = true;
        break;
      case 'paper':
        if (dayOpen || (reason === 'setting' && days.length === 0)) {
          papers.push({ line: placed.line, paper: b.paper, dayIndex: dayOpen ? dayIndex : -1 });
        }
        break;
      case 'other':
        if (b.level >= 1 && b.level <= 2) closeDay(placed.line);
        break;
    }
  }
  const lastBlock = blocks[blocks.length - 1];
  const lineCount = lastBlock ? lastBlock.line + lastBlock.block.lineCount : 1;
  closeDay(lineCount - 1);
  const labeled = papers.some((p) => p.paper.entries.some((e) => e.markup !== undefined && e.markup.open !== ''));
  return { uri, version, lineCount, blocks, days, papers, legacy: papers.length > 0 && !labeled, reason };
}
