import { msg, ref } from '../l10n';
import { shiftRange } from '../types';
import { compareListings, type Listing, type WorkspaceView } from '../workspace/workspaceIndex';
import type { DigestModel } from '../model';
import { paperKeysOf } from '../incremental/paperKeyIndex';
import { titleKey } from './duplicatePaper';
import { listingMessage, headingRange, otherListings, type ListingKey } from '../workspace/crossDay';
import { RuleId, type RuleState, type WorkspaceRule } from './rule';

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
  check(model, { workspace, state }, report) {
    // No listing anywhere (no folder, or the index is empty): nothing to compare, no pass over the papers.
    if (workspace.idCount?.() === 0) return;
    // Papers listed elsewhere are few: find them first, and only then rank this document's own listings.
    const listedElsewhere: { readonly index: number; readonly elsewhere: readonly Listing[] }[] = [];
    for (const index of candidates(model, workspace, state)) {
      const id = model.papers[index]!.paper.arxiv?.id;
      const elsewhere = id ? otherListings(workspace, model.uri, id) : [];
      if (elsewhere.length > 0) listedElsewhere.push({ index, elsewhere });
    }
    if (listedElsewhere.length === 0) return;
    // This document's own earliest listing of an id, from the model (its text wins over the index): only its papers with that id are read.
    const paperKeys = paperKeysOf(state, model.papers, titleKey);
    const keys = new Map<number, ListingKey>();
    const keyAt = (i: number): ListingKey => {
      let key = keys.get(i);
      if (!key) keys.set(i, (key = { uri: model.uri, line: model.papers[i]!.line, date: model.days[model.papers[i]!.dayIndex]?.day.date }));
      return key;
    };
    const ownFirst = (id: string): ListingKey => {
      let best: ListingKey | undefined;
      for (const i of paperKeys.indicesOfId(id)) if (!best || compareListings(keyAt(i), best) < 0) best = keyAt(i);
      return best!;
    };
    for (const { index: i, elsewhere } of listedElsewhere) {
      const { paper, line } = model.papers[i]!;
      const id = paper.arxiv!.id;
      const own = ownFirst(id);
      const first = compareListings(own, elsewhere[0]!) < 0 ? own : elsewhere[0]!;
      if (first === keyAt(i)) continue;
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

/**
 * Indices of the papers that may be listed in another file, ascending: those
 * whose id the index knows in two or more files. The smaller side is walked:
 * the shared ids (looked up in the document's key index) or the papers.
 */
export function candidates(model: DigestModel, workspace: WorkspaceView, state: RuleState | undefined): Iterable<number> {
  const shared = workspace.sharedIds?.(model.uri);
  if (shared === undefined) return model.papers.keys();
  if (shared.size >= model.papers.length) {
    const found: number[] = [];
    model.papers.forEach((p, i) => {
      const id = p.paper.arxiv?.id;
      if (id !== undefined && shared.has(id)) found.push(i);
    });
    return found;
  }
  const keys = paperKeysOf(state, model.papers, titleKey);
  const found: number[] = [];
  for (const id of shared) for (const i of keys.indicesOfId(id)) found.push(i);
  return found.sort((a, b) => a - b);
}
