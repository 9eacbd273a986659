// The outline: day heading > papers > sections.

import type { DigestModel, Paper } from '../model';
import { shiftRange, type CancellationTokenLike, type Range } from '../types';

export type SymbolKind = 'day' | 'paper' | 'section';

export interface DigestSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly detail: string;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly DigestSymbol[];
}

export function paperDetail(paper: Paper): string {
  const parts: string[] = [];
  if (paper.arxiv) parts.push(`arXiv:${paper.arxiv.id}`);
  if (paper.vote && /^\d+$/.test(paper.vote.value.text)) parts.push(`${paper.vote.value.text} votes`);
  return parts.join(' · ');
}

function paperSymbol(paper: Paper, line: number): DigestSymbol {
  const sections = paper.entries
    .filter((e) => e.markup && e.labelRange && (e.markup.open !== '' || e.markup.colon))
    .map((e): DigestSymbol => ({
      kind: 'section',
      name: e.markup?.label ?? '',
      detail: '',
      range: shiftRange(e.range, line),
      selectionRange: shiftRange(e.labelRange ?? e.range, line),
      children: [],
    }));
  return {
    kind: 'paper',
    name: paper.heading.title || '(untitled paper)',
    detail: paperDetail(paper),
    range: shiftRange(paper.extent, line),
    selectionRange: shiftRange(paper.heading.range, line),
    children: sections,
  };
}

export function getDocumentSymbols(model: DigestModel, token: CancellationTokenLike): DigestSymbol[] {
  const days: DigestSymbol[] = [];
  for (const [index, { line, day, endLine }] of model.days.entries()) {
    if (token.isCancellationRequested) break;
    const papers = model.papers.filter((p) => p.dayIndex === index);
    const end = papers.length ? shiftRange(papers[papers.length - 1]!.paper.extent, papers[papers.length - 1]!.line).end : shiftRange(day.range, line).end;
    const headingRange = shiftRange(day.range, line);
    days.push({
      kind: 'day',
      name: day.text,
      detail: `${papers.length} paper${papers.length === 1 ? '' : 's'}`,
      range: { start: headingRange.start, end: endLine > line ? end : headingRange.end },
      selectionRange: headingRange,
      children: papers.map((p) => paperSymbol(p.paper, p.line)),
    });
  }
  const orphans = model.papers.filter((p) => p.dayIndex === -1).map((p) => paperSymbol(p.paper, p.line));
  return [...days, ...orphans];
}
