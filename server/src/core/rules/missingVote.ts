import { msg } from '../l10n';
import { RuleId, type PaperRule } from './rule';

export const missingVote: PaperRule = {
  id: RuleId.missingVote,
  scope: 'paper',
  severity: 'warning',
  description: 'A paper has no "Vote:" line.',
  check(paper, ctx, report) {
    if (ctx.legacy || paper.vote) return;
    report({ ...msg('missingVote'), range: paper.heading.titleRange });
  },
};
