import { RuleId, type PaperRule } from './rule';

export const missingVote: PaperRule = {
  id: RuleId.missingVote,
  scope: 'paper',
  severity: 'warning',
  description: 'A paper has no "Vote:" line.',
  check(paper, ctx, report) {
    if (ctx.legacy || paper.vote) return;
    report({ message: 'The paper has no "Vote: <number>" line.', range: paper.heading.titleRange });
  },
};
