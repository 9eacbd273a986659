import { RuleId, type PaperRule } from './rule';

export const missingAuthors: PaperRule = {
  id: RuleId.missingAuthors,
  scope: 'paper',
  severity: 'warning',
  description: 'A paper has no "Authors:" line, or it lists no names.',
  check(paper, ctx, report) {
    const authors = paper.authors;
    if (!authors) {
      if (!ctx.legacy) report({ message: 'The paper has no "Authors:" line; expected "Authors: First Author, Second Author".', range: paper.heading.titleRange });
      return;
    }
    if (authors.names.length === 0) {
      report({ message: 'The "Authors:" line lists no names; expected comma-separated author names.', range: authors.value.text === '' ? authors.labelRange : authors.value.range });
    }
  },
};
