import { RuleId, type PaperRule } from './rule';

export const invalidVote: PaperRule = {
  id: RuleId.invalidVote,
  scope: 'paper',
  severity: 'warning',
  description: 'The "Vote:" value is not a non-negative integer (for example "Vote: -").',
  check(paper, _ctx, report) {
    const vote = paper.vote;
    if (!vote || /^\d+$/.test(vote.value.text)) return;
    const shown = vote.value.text === '' ? 'empty' : `"${vote.value.text}"`;
    report({
      message: `The vote count is ${shown}; expected a non-negative whole number such as "Vote: 12".`,
      range: vote.value.text === '' ? vote.labelRange : vote.value.range,
    });
  },
};
