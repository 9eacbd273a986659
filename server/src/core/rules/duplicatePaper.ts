import { fixTitle, msg, ref } from '../l10n';
import { shiftRange } from '../types';
import type { Paper, PlacedPaper } from '../model';
import { lastAtOrBefore } from '../search';
import { RuleId, type DocumentRule, type Fix } from './rule';

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

/** The same arXiv id twice, or the same title under two ids. */
export const duplicatePaper: DocumentRule = {
  id: RuleId.duplicatePaper,
  scope: 'document',
  severity: 'warning',
  description: 'The same arXiv id (ignoring vN) or the same title appears twice in one digest.',
  check(model, _ctx, report) {
    const blockLines = model.blocks.map((b) => b.line);
    const byId = new Map<string, PlacedPaper>();
    const byTitle = new Map<string, PlacedPaper>();
    for (const placed of model.papers) {
      const { paper, line } = placed;
      const id = paper.arxiv?.id;
      const first = id ? byId.get(id) : undefined;
      const title = titleKey(paper);
      const sameTitle = title !== '' ? byTitle.get(title) : undefined;
      const firstLine = (p: PlacedPaper): number => p.line + 1;
      if (first && id) {
        const urlRange = paper.heading.link ? paper.heading.link.urlRange : paper.heading.titleRange;
        report({
          ...msg('duplicatePaperId', { id, line: firstLine(first) }),
          range: shiftRange(urlRange, line),
          related: [{ range: shiftRange(first.paper.heading.titleRange, first.line), ...msg('duplicatePaperIdFirst', { id }) }],
          fix: removeEntry(placed, blockLines),
        });
      } else if (sameTitle && (id === undefined || sameTitle.paper.arxiv?.id !== id)) {
        report({
          ...msg('duplicatePaperTitle', { title: paper.heading.title, line: firstLine(sameTitle), other: sameTitle.paper.arxiv?.id ?? ref('anotherLink') }),
          range: shiftRange(paper.heading.titleRange, line),
          related: [{ range: shiftRange(sameTitle.paper.heading.titleRange, sameTitle.line), ...msg('duplicatePaperTitleFirst') }],
          fix: removeEntry(placed, blockLines),
        });
      }
      if (id && !first) byId.set(id, placed);
      if (title !== '' && !sameTitle) byTitle.set(title, placed);
    }
  },
};

/**
 * Deletes the later entry's whole block, up to the next heading. It deletes
 * content, so it is never part of fix-all.
 */
function removeEntry(placed: PlacedPaper, blockLines: readonly number[]): Fix {
  const next = blockLines[lastAtOrBefore(blockLines, placed.line) + 1];
  const start = { line: placed.line, character: 0 };
  const end = next !== undefined ? { line: next, character: 0 } : shiftRange(placed.paper.extent, placed.line).end;
  return { ...fixTitle('removeEntry'), edits: [{ range: { start, end }, newText: '' }], certain: false };
}
