import { msg } from '../l10n';
import { RuleId, type PaperRule } from './rule';

/** Truncated author lists end in a bare "+" in real digests. */
export const authorPlaceholder: PaperRule = {
  id: RuleId.authorPlaceholder,
  scope: 'paper',
  severity: 'warning',
  description: 'The author list contains a "+" placeholder instead of names.',
  check(paper, _ctx, report) {
    for (const name of paper.authors?.names ?? []) {
      if (!/^\+\s*\d*\s*(?:more|others|authors)?$/i.test(name.text)) continue;
      report({ ...msg('authorPlaceholder', { name: name.text }), range: name.range });
    }
  },
};
