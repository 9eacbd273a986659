// Folding for day blocks and paper blocks, so a 40-paper digest collapses to
// its titles.

import type { DigestModel } from '../model';
import { noCancellation, type CancellationTokenLike } from '../types';

export interface DigestFoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

export function getFoldingRanges(model: DigestModel, token: CancellationTokenLike = noCancellation): DigestFoldingRange[] {
  const ranges: DigestFoldingRange[] = [];
  // One pass: days and papers are both in document order, so each day's last
  // paper is found by walking the papers once, not once per day.
  let next = 0;
  let lastEnd = 0;
  for (const day of model.days) {
    if (token.isCancellationRequested) return [];
    for (; next < model.papers.length && model.papers[next]!.line <= day.endLine; next++) {
      const { line, paper } = model.papers[next]!;
      lastEnd = Math.max(lastEnd, line + paper.extent.end.line);
    }
    if (lastEnd > day.line) ranges.push({ startLine: day.line, endLine: lastEnd });
  }
  for (const { line, paper } of model.papers) {
    const end = line + paper.extent.end.line;
    if (end > line) ranges.push({ startLine: line, endLine: end });
  }
  if (token.isCancellationRequested) return [];
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
