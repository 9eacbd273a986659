// Folding for day blocks and paper blocks, so a 40-paper digest collapses to
// its titles.

import type { DigestModel } from '../model';
import { shiftRange } from '../types';

export interface DigestFoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

export function getFoldingRanges(model: DigestModel): DigestFoldingRange[] {
  const ranges: DigestFoldingRange[] = [];
  for (const day of model.days) {
    const last = lastContentLine(model, day.endLine);
    if (last > day.line) ranges.push({ startLine: day.line, endLine: last });
  }
  for (const { line, paper } of model.papers) {
    const end = shiftRange(paper.extent, line).end.line;
    if (end > line) ranges.push({ startLine: line, endLine: end });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

/** The last line before `endLine` that a paper of the day covers. */
function lastContentLine(model: DigestModel, endLine: number): number {
  let last = 0;
  for (const { line, paper } of model.papers) {
    // A paper may start on the day's last line (a heading-only paper at the end of the file).
    if (line > endLine) break;
    last = Math.max(last, shiftRange(paper.extent, line).end.line);
  }
  return last;
}
