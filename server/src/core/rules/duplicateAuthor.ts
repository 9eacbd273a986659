import { msg } from '../l10n';
import type { TextSpan } from '../model';
import { RuleId, type PaperRule } from './rule';

export const duplicateAuthor: PaperRule = {
  id: RuleId.duplicateAuthor,
  scope: 'paper',
  severity: 'warning',
  description: 'The same author name appears twice in one author list.',
  check(paper, _ctx, report) {
    const seen = new Map<string, TextSpan>();
    for (const name of paper.authors?.names ?? []) {
      const key = name.text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
      if (key === '' || key.startsWith('+')) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, name);
        continue;
      }
      report({
        ...msg('duplicateAuthor', { name: name.text }),
        range: name.range,
        related: [{ range: first.range, ...msg('duplicateAuthorFirst', { name: first.text }) }],
      });
    }
  },
};
