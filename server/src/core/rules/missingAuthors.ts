import { msg } from '../l10n';
import { RuleId, type PaperRule } from './rule';

export const missingAuthors: PaperRule = {
  id: RuleId.missingAuthors,
  scope: 'paper',
  severity: 'warning',
  description: 'A paper has no "Authors:" line, or it lists no names.',
  check(paper, ctx, report) {
    const authors = paper.authors;
    if (!authors) {
      if (!ctx.legacy) report({ ...msg('missingAuthors'), range: paper.heading.titleRange });
      return;
    }
    if (authors.names.length === 0) {
      report({ ...msg('emptyAuthors'), range: authors.value.text === '' ? authors.labelRange : authors.value.range });
    }
  },
};
