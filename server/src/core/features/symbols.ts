// The outline: day heading > papers > sections.

import type { DigestModel, Paper, PlacedPaper } from '../model';
import { shiftRange, type CancellationTokenLike, type Range } from '../types';
import { DEFAULT_LOCALE, ref, render, type Locale } from '../l10n';

export type SymbolKind = 'day' | 'paper' | 'section';

export interface DigestSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly detail: string;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly DigestSymbol[];
}

export function paperDetail(paper: Paper, locale: Locale = DEFAULT_LOCALE): string {
  const parts: string[] = [];
  if (paper.arxiv) parts.push(`arXiv:${paper.arxiv.id}`);
  if (paper.vote && /^\d+$/.test(paper.vote.value.text)) parts.push(render(locale, ref('outlineVotes', { count: paper.vote.value.text })));
  return parts.join(' · ');
}

function paperSymbol(paper: Paper, line: number, locale: Locale): DigestSymbol {
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
    name: paper.heading.title || render(locale, ref('untitledPaper')),
    detail: paperDetail(paper, locale),
    range: shiftRange(paper.extent, line),
    selectionRange: shiftRange(paper.heading.range, line),
    children: sections,
  };
}

export function getDocumentSymbols(model: DigestModel, token: CancellationTokenLike, locale: Locale = DEFAULT_LOCALE): DigestSymbol[] {
  // Papers grouped by day in one pass; filtering per day was quadratic in the number of days.
  const byDay: PlacedPaper[][] = model.days.map(() => []);
  const orphanPapers: PlacedPaper[] = [];
  for (const p of model.papers) (byDay[p.dayIndex] ?? orphanPapers).push(p);
  const days: DigestSymbol[] = [];
  for (const [index, { line, day, endLine }] of model.days.entries()) {
    if (token.isCancellationRequested) return [];
    const papers = byDay[index]!;
    const lastPaper = papers[papers.length - 1];
    const end = lastPaper ? shiftRange(lastPaper.paper.extent, lastPaper.line).end : shiftRange(day.range, line).end;
    const headingRange = shiftRange(day.range, line);
    days.push({
      kind: 'day',
      name: day.text,
      detail: render(locale, ref(papers.length === 1 ? 'outlinePaper' : 'outlinePapers', { count: papers.length })),
      range: { start: headingRange.start, end: endLine > line ? end : headingRange.end },
      selectionRange: headingRange,
      children: papers.map((p) => paperSymbol(p.paper, p.line, locale)),
    });
  }
  if (token.isCancellationRequested) return [];
  return [...days, ...orphanPapers.map((p) => paperSymbol(p.paper, p.line, locale))];
}
