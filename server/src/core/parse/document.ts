// Builds a DigestModel for one document version, reusing the parsed blocks of
// the previous version. Blocks whose text is unchanged at the start and at the
// end of the document are kept as they are (found with native string
// comparison); only the region between them is split and parsed again.

import type { BlockMarks, DigestModel, Paper, ParsedBlock, PlacedBlock, PlacedDay, PlacedPaper } from '../model';
import { parseBlock } from './block';
import { LineIndex } from './lineIndex';
import type { ChangeSpan, TextSource } from '../types';
import { splitText } from './split';
import { PrefixSums } from '../incremental/prefixSums';
import { replacePaperEntry } from '../incremental/paperEdits';

export type { DigestReason } from '../detect';
type DigestReason = DigestModel['reason'];

/** A block's text and parse; the same object for as long as the block's text is unchanged. */
interface Slot {
  readonly text: string;
  readonly block: ParsedBlock;
}

export class IncrementalParser {
  private slots: Slot[] = [];
  /**
   * Where each slot's text starts, as prefix sums of their lengths: a keystroke
   * that keeps the number of blocks updates O(log n) cells, not every later start.
   */
  private offsets = new PrefixSums();
  /** Where each slot's block starts, for the last parse. */
  private placed: readonly PlacedBlock[] = [];
  private last: DigestModel | undefined;
  private textLength = 0;
  /** How many blocks the last call parsed afresh; read by tests and the benchmark. */
  lastParsedBlocks = 0;
  /**
   * Placed blocks, papers and days the last call made anew (the rest were the previous
   * version's objects, unmoved); read by tests to show a keystroke's cost is its paper's.
   */
  lastPlacedObjects = 0;
  /** Block starts the last call wrote (prefix-sum cells, or every block when the count changed); read by tests. */
  lastWrittenStarts = 0;
  /** Blocks the last call placed or looked at after the parse: all of them, or only the replaced ones on the fast path. */
  lastVisitedBlocks = 0;

  /**
   * `change`, when given, says where `text` differs from the text of the
   * previous call; only that part is read. Without it the texts are compared.
   */
  parse(uri: string, version: number, text: TextSource, reason: DigestReason, change?: ChangeSpan): DigestModel {
    const old = this.slots;
    const starts = this.offsets;
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
    const midStart = prefix < old.length ? starts.startOf(prefix) : 0;
    if (suffix < old.length && starts.startOf(suffix) + delta < midStart) suffix = old.length;
    const firstLine = linesBefore(this.placed, old, prefix);
    const midEnd = suffix < old.length ? starts.startOf(suffix) + delta : text.length;
    let split = splitText(text.slice(midStart, midEnd), firstLine);
    if (split.openFence && suffix < old.length) {
      // A fence opened in the edited region swallows the headings after it.
      suffix = old.length;
      split = splitText(text.slice(midStart), firstLine);
    }
    const reusable = new Map<string, Slot>();
    for (let i = prefix; i < suffix; i++) reusable.set(old[i]!.text, old[i]!);

    const mid: Slot[] = [];
    let parsed = 0;
    for (const raw of split.blocks) {
      if (raw.text === '') continue;
      let slot = reusable.get(raw.text);
      if (!slot) {
        const blockText = flatCopy(raw.text);
        slot = { text: blockText, block: parseBlock(blockText) };
        parsed++;
      }
      mid.push(slot);
    }
    const previous = this.last;
    const replaced = previous && previous.uri === uri && previous.reason === reason ? replacePapers(previous, version, this.placed, old.slice(prefix, suffix), mid, prefix) : undefined;
    let slots: Slot[];
    if (mid.length === suffix - prefix) {
      // As many blocks as before (typing inside a paper): swap them in place.
      slots = old;
      this.lastWrittenStarts = 0;
      for (let j = 0; j < mid.length; j++) {
        starts.add(prefix + j, mid[j]!.text.length - old[prefix + j]!.text.length);
        this.lastWrittenStarts += starts.lastTouched;
        slots[prefix + j] = mid[j]!;
      }
    } else {
      // Blocks added or removed move every later index: rebuild, O(n).
      slots = old.slice(0, prefix).concat(mid, old.slice(suffix));
      this.offsets = new PrefixSums(slots.map((s) => s.text.length));
      this.lastWrittenStarts = slots.length;
    }
    this.slots = slots;
    this.textLength = text.length;
    this.lastParsedBlocks = parsed;
    const counter = { made: 0 };
    if (replaced) {
      this.placed = replaced.model.blocks;
      this.last = replaced.model;
      this.lastPlacedObjects = replaced.made;
      this.lastVisitedBlocks = mid.length;
      return this.last;
    }
    this.placed = place(slots, this.placed, counter);
    this.last = assemble(uri, version, this.placed, reason, this.last, counter);
    this.lastPlacedObjects = counter.made;
    this.lastVisitedBlocks = slots.length;
    return this.last;
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
      if (this.offsets.startOf(mid + 1) <= start) lo = mid + 1;
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
      if (this.offsets.startOf(mid) < oldEnd) lo = mid + 1;
      else hi = mid;
    }
    let at = this.offsets.startOf(lo) + delta;
    while (lo < this.slots.length) {
      if (at === 0 || startsLine(text, at)) break;
      at += this.slots[lo]!.text.length;
      lo++;
    }
    return lo;
  }

  /** Old blocks that still stand at the start, less the last one, which may now run on. */
  private unchangedPrefix(text: string): number {
    let n = 0;
    let at = 0;
    while (n < this.slots.length && text.startsWith(this.slots[n]!.text, at)) at += this.slots[n++]!.text.length;
    return Math.max(0, n - 1);
  }

  /** Index of the first old block of the unchanged tail. */
  private unchangedSuffix(text: string, prefix: number): number {
    const delta = text.length - this.textLength;
    let i = this.slots.length;
    // Walk back from the old text's end: the start of slot i - 1 is the end of the text after it.
    let end = this.textLength;
    while (i - 1 > prefix) {
      end -= this.slots[i - 1]!.text.length;
      const at = end + delta;
      if (at < 0 || !text.startsWith(this.slots[i - 1]!.text, at) || (at > 0 && !startsLine(text, at))) break;
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

/** The line where slot `count` starts: read from the last placement, which still holds for the slots before an edit. */
function linesBefore(placed: readonly PlacedBlock[], slots: readonly Slot[], count: number): number {
  if (count === 0) return 0;
  const last = placed[count - 1];
  return last ? last.line + slots[count - 1]!.block.lineCount - 1 : 0;
}

/**
 * Places every block. A block at the same line as before keeps its placed
 * object, so an edit that adds no line allocates only for its own block.
 */
function place(slots: readonly Slot[], previous: readonly PlacedBlock[], counter: { made: number }): PlacedBlock[] {
  const placed: PlacedBlock[] = new Array<PlacedBlock>(slots.length);
  let line = 0;
  // Blocks after the edit sit at the same index shifted by the change in count.
  const shift = slots.length - previous.length;
  for (let i = 0; i < slots.length; i++) {
    const block = slots[i]!.block;
    const before = previous[i] !== undefined && previous[i]!.block === block ? previous[i] : previous[i - shift];
    if (before !== undefined && before.block === block && before.line === line) {
      placed[i] = before;
    } else {
      placed[i] = { line, block };
      counter.made++;
    }
    line += block.lineCount - 1;
  }
  return placed;
}

/**
 * The common keystroke: papers replaced by as many papers of the same line
 * counts. Nothing moves, so the new model is the previous one with those
 * entries swapped in place, in the same `blocks` and `papers` arrays (copying
 * them cost O(papers) per keystroke, and their garbage more): no pass over the
 * other blocks. Each overwritten paper entry is logged (`paperEdits.ts`) for
 * the consumers that kept the array. Undefined when the edit is of another
 * shape (headings, added lines, added blocks): then every block is placed again.
 */
function replacePapers(previous: DigestModel, version: number, placed: readonly PlacedBlock[], before: readonly Slot[], after: readonly Slot[], first: number): { model: DigestModel; made: number } | undefined {
  if (before.length !== after.length || placed.length !== previous.blocks.length) return undefined;
  for (let j = 0; j < before.length; j++) {
    const a = before[j]!.block;
    const b = after[j]!.block;
    if (a.kind !== 'paper' || b.kind !== 'paper' || a.lineCount !== b.lineCount) return undefined;
  }
  // The parser owns these arrays; only it writes them.
  const blocks = placed as PlacedBlock[];
  const papers = previous.papers;
  let made = 0;
  let marksChanged = false;
  let newlyLabeled = false;
  for (let j = 0; j < after.length; j++) {
    const at = placed[first + j]!;
    const block = after[j]!.block;
    if (block === at.block) continue;
    marksChanged ||= isMarked(at.block) || isMarked(block);
    blocks[first + j] = { line: at.line, block };
    made++;
    const k = paperAtLine(papers, at.line);
    // A paper outside every day is not in `papers`; neither is its replacement.
    if (k >= 0 && block.kind === 'paper') {
      replacePaperEntry(papers, k, { line: at.line, paper: block.paper, dayIndex: papers[k]!.dayIndex });
      newlyLabeled ||= isLabeled(block.paper);
      made++;
    }
  }
  // A legacy digest stays legacy unless a replaced paper of a day gained a label; otherwise look for the first labeled one.
  const labeled = previous.legacy ? newlyLabeled : papers.some((p) => isLabeled(p.paper));
  const marks = marksChanged || !previous.marks ? markedBlocks(blocks) : previous.marks;
  const model: DigestModel = { ...previous, version, blocks, papers, legacy: papers.length > 0 && !labeled, marks };
  return { model, made };
}

/** Index of the placed paper at `line`, or -1. */
function paperAtLine(papers: readonly PlacedPaper[], line: number): number {
  let lo = 0;
  let hi = papers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = papers[mid]!.line;
    if (at === line) return mid;
    if (at < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function isLabeled(paper: Paper): boolean {
  return paper.entries.some((e) => e.markup !== undefined && e.markup.open !== '');
}

/** Whether a block holds suppression comments or control characters, which document-wide passes read. */
function isMarked(block: ParsedBlock): boolean {
  return (block.directives?.length ?? 0) > 0 || block.controlChars.length > 0 || block.omittedControlChars !== undefined;
}

function markedBlocks(blocks: readonly PlacedBlock[]): BlockMarks {
  const directives: PlacedBlock[] = [];
  const controlChars: PlacedBlock[] = [];
  for (const placed of blocks) {
    const b = placed.block;
    if ((b.directives?.length ?? 0) > 0) directives.push(placed);
    if (b.controlChars.length > 0 || b.omittedControlChars !== undefined) controlChars.push(placed);
  }
  return { directives, controlChars };
}

function assemble(uri: string, version: number, blocks: readonly PlacedBlock[], reason: DigestReason, previous: DigestModel | undefined, counter: { made: number }): DigestModel {
  const days: PlacedDay[] = [];
  const papers: PlacedPaper[] = [];
  const oldPapers = previous?.papers ?? [];
  const oldDays = previous?.days ?? [];
  let dayIndex = -1;
  let dayOpen = false;
  const closeDay = (line: number): void => {
    const last = days[days.length - 1];
    if (dayOpen && last && last.endLine !== line) days[days.length - 1] = { ...last, endLine: line };
    dayOpen = false;
  };
  // The placed paper with this block, line and day; the previous version's object when one matches.
  const paperAt = (line: number, paper: Paper, day: number): PlacedPaper => {
    const n = papers.length;
    const shift = oldPapers.length - n;
    const same = (before: PlacedPaper | undefined): before is PlacedPaper => before !== undefined && before.paper === paper && before.line === line && before.dayIndex === day;
    const at = oldPapers[n];
    if (same(at)) return at;
    const shifted = oldPapers[n + shift];
    if (same(shifted)) return shifted;
    counter.made++;
    return { line, paper, dayIndex: day };
  };
  for (const placed of blocks) {
    const b = placed.block;
    switch (b.kind) {
      case 'day': {
        closeDay(placed.line);
        const before = oldDays[days.length];
        const endLine = placed.line + b.lineCount - 1;
        const same = before !== undefined && before.day === b.day && before.line === placed.line && before.endLine === endLine;
        days.push(same ? before : { line: placed.line, day: b.day, endLine });
        dayIndex = days.length - 1;
        dayOpen = true;
        break;
      }
      case 'paper':
        if (dayOpen || (reason === 'setting' && days.length === 0)) papers.push(paperAt(placed.line, b.paper, dayOpen ? dayIndex : -1));
        break;
      case 'other':
        if (b.level >= 1 && b.level <= 2) closeDay(placed.line);
        break;
    }
  }
  const lastBlock = blocks[blocks.length - 1];
  const lineCount = lastBlock ? lastBlock.line + lastBlock.block.lineCount : 1;
  closeDay(lineCount - 1);
  const labeled = papers.some((p) => isLabeled(p.paper));
  return { uri, version, lineCount, blocks, days, papers, legacy: papers.length > 0 && !labeled, reason, marks: markedBlocks(blocks) };
}
