import { msg, ref } from '../l10n';
import { RuleId, type PaperRule } from './rule';

export const invalidVote: PaperRule = {
  id: RuleId.invalidVote,
  scope: 'paper',
  severity: 'warning',
  description: 'The "Vote:" value is not a non-negative integer (for example "Vote: -").',
  check(paper, _ctx, report) {
    const vote = paper.vote;
    if (!vote || /^\d+$/.test(vote.value.text)) return;
    const shown = vote.value.text === '' ? ref('voteEmpty') : ref('voteQuoted', { text: vote.value.text });
    report({
      ...msg('invalidVote', { shown }),
      range: vote.value.text === '' ? vote.labelRange : vote.value.range,
    });
  },
};
