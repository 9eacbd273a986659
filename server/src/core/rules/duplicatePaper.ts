import { fixTitle, msg, ref } from '../l10n';
import { shiftRange } from '../types';
import type { Paper, PlacedBlock, PlacedPaper } from '../model';
import { paperKeysOf, type Repeat } from '../incremental/paperKeyIndex';
import { RuleId, type DocumentRule, type Fix, type Report } from './rule';

/** Folds case, punctuation and spacing so retyped titles still match. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
}

const titleKeys = new WeakMap<Paper, string>();

/** A paper's normalized title, computed once per parsed paper. */
export function titleKey(paper: Paper): string {
  let key = titleKeys.get(paper);
  if (key === undefined) {
    key = normalizeTitle(paper.heading.title);
    titleKeys.set(paper, key);
  }
  return key;
}

/** The reports made from the key index, kept per document between versions. */
interface DuplicateState {
  /** By paper index: the report and what it was made from, reused while they are unchanged. */
  reports: Map<number, CachedReport>;
}

interface CachedReport {
  readonly placed: PlacedPaper;
  readonly first: PlacedPaper;
  /** Index of the paper's block in `model.blocks`. */
  readonly block: number;
  readonly next: number | undefined;
  readonly report: Report;
}

/** The same arXiv id twice, or the same title under two ids. */
export const duplicatePaper: DocumentRule = {
  id: RuleId.duplicatePaper,
  scope: 'document',
  severity: 'warning',
  description: 'The same arXiv id (ignoring vN) or the same title appears twice in one digest.',
  check(model, ctx, report) {
    let state = ctx.state?.get(RuleId.duplicatePaper) as DuplicateState | undefined;
    if (!state) {
      state = { reports: new Map() };
      ctx.state?.set(RuleId.duplicatePaper, state);
    }
    const keys = paperKeysOf(ctx.state, model.papers, titleKey);
    const reports = new Map<number, CachedReport>();
    for (const { index, first: firstIndex, kind } of keys.repeats()) {
      const placed = model.papers[index]!;
      const first = model.papers[firstIndex]!;
      const cached = state.reports.get(index);
      // The paper's block is still at its index when its line is: then only the block after needs a look.
      const block = cached && model.blocks[cached.block]?.line === placed.line ? cached.block : blockAt(model.blocks, placed.line);
      const next = model.blocks[block + 1]?.line;
      const reuse = cached && cached.placed === placed && cached.first === first && cached.block === block && cached.next === next;
      const made = reuse ? cached : { placed, first, block, next, report: repeatReport(placed, first, kind, next) };
      reports.set(index, made);
      report(made.report);
    }
    state.reports = reports;
  },
};

function repeatReport(placed: PlacedPaper, first: PlacedPaper, kind: Repeat['kind'], next: number | undefined): Report {
  const { paper, line } = placed;
  const firstLine = first.line + 1;
  if (kind === 'id') {
    const id = paper.arxiv!.id;
    const urlRange = paper.heading.link ? paper.heading.link.urlRange : paper.heading.titleRange;
    return {
      ...msg('duplicatePaperId', { id, line: firstLine }),
      range: shiftRange(urlRange, line),
      related: [{ range: shiftRange(first.paper.heading.titleRange, first.line), ...msg('duplicatePaperIdFirst', { id }) }],
      fix: removeEntry(placed, next),
    };
  }
  return {
    ...msg('duplicatePaperTitle', { title: paper.heading.title, line: firstLine, other: first.paper.arxiv?.id ?? ref('anotherLink') }),
    range: shiftRange(paper.heading.titleRange, line),
    related: [{ range: shiftRange(first.paper.heading.titleRange, first.line), ...msg('duplicatePaperTitleFirst') }],
    fix: removeEntry(placed, next),
  };
}

/** Index of the last block that starts at or before `line`. */
function blockAt(blocks: readonly PlacedBlock[], line: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.line <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Deletes the later entry's whole block, up to the next heading. It deletes
 * content, so it is never part of fix-all.
 */
function removeEntry(placed: PlacedPaper, next: number | undefined): Fix {
  const start = { line: placed.line, character: 0 };
  const end = next !== undefined ? { line: next, character: 0 } : shiftRange(placed.paper.extent, placed.line).end;
  return { ...fixTitle('removeEntry'), edits: [{ range: { start, end }, newText: '' }], certain: false };
}
