import { msg, ref } from '../l10n';
import { shiftRange } from '../types';
import { compareListings, type Listing } from '../workspace/workspaceIndex';
import { listingMessage, headingRange, otherListings, type ListingKey } from '../workspace/crossDay';
import { RuleId, type WorkspaceRule } from './rule';

/** Related entries per report; a paper listed on dozens of days needs no dozens of links. */
const MAX_RELATED = 20;
const MAX_DAYS_IN_MESSAGE = 3;
/** Stands for a listing with no day date while the days are deduplicated. */
const UNDATED = '';

/**
 * A paper that another digest of the workspace also lists. Like
 * `duplicate-paper`, every listing but the earliest (by day date) is reported.
 */
export const listedOnAnotherDay: WorkspaceRule = {
  id: RuleId.listedOnAnotherDay,
  scope: 'workspace',
  severity: 'information',
  description: 'The same arXiv id (ignoring vN) is listed in another digest of the workspace; reported on every listing but the earliest.',
  check(model, { workspace }, report) {
    // No listing anywhere (no folder, or the index is empty): nothing to compare, no pass over the papers.
    if (workspace.idCount?.() === 0) return;
    // Papers listed elsewhere are few: find them first, and only then rank this document's own listings.
    const listedElsewhere: { readonly index: number; readonly elsewhere: readonly Listing[] }[] = [];
    model.papers.forEach(({ paper }, index) => {
      const id = paper.arxiv?.id;
      const elsewhere = id ? otherListings(workspace, model.uri, id) : [];
      if (elsewhere.length > 0) listedElsewhere.push({ index, elsewhere });
    });
    if (listedElsewhere.length === 0) return;
    // This document's own earliest listing of each id, from the model (its text wins over the index).
    const ownFirst = new Map<string, ListingKey>();
    const keys = model.papers.map((p): ListingKey => ({ uri: model.uri, line: p.line, date: model.days[p.dayIndex]?.day.date }));
    model.papers.forEach((p, i) => {
      const id = p.paper.arxiv?.id;
      const first = id ? ownFirst.get(id) : undefined;
      if (id && (!first || compareListings(keys[i]!, first) < 0)) ownFirst.set(id, keys[i]!);
    });
    for (const { index: i, elsewhere } of listedElsewhere) {
      const { paper, line } = model.papers[i]!;
      const id = paper.arxiv!.id;
      const own = ownFirst.get(id)!;
      const first = compareListings(own, elsewhere[0]!) < 0 ? own : elsewhere[0]!;
      if (first === keys[i]) continue;
      const days = [...new Set(elsewhere.map((l) => l.date ?? UNDATED))];
      const more = days.length > MAX_DAYS_IN_MESSAGE ? ref('moreDays', { count: days.length - MAX_DAYS_IN_MESSAGE }) : '';
      const where = first.uri === model.uri ? ref('lineOfThisFile', { line: first.line + 1 }) : listingMessage(first);
      report({
        ...msg('listedOnAnotherDay', { id, days: days.slice(0, MAX_DAYS_IN_MESSAGE).map((d) => (d === UNDATED ? ref('undatedDay') : d)), more, where }),
        range: shiftRange(paper.heading.link ? paper.heading.link.urlRange : paper.heading.titleRange, line),
        related: elsewhere.slice(0, MAX_RELATED).map((l) => ({ uri: l.uri, range: headingRange(l), ...msg('alsoListed', { listing: listingMessage(l) }) })),
      });
    }
  },
};
