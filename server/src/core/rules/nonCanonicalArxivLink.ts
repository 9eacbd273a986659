import { absUrl } from '../arxiv';
import { RuleId, type PaperRule } from './rule';

const REASON = {
  pdf: 'a PDF link',
  html: 'an HTML-version link',
  http: 'plain http',
  www: 'the www. host',
  query: 'a query or fragment',
} as const;

/** Works, but is not the canonical abstract link. */
export const nonCanonicalArxivLink: PaperRule = {
  id: RuleId.nonCanonicalArxivLink,
  scope: 'paper',
  severity: 'warning',
  description: 'The paper links to arXiv, but not to the canonical https://arxiv.org/abs/<id> page (pdf/, html/, http:).',
  check(paper, _ctx, report) {
    const link = paper.heading.link;
    if (!link || link.verdict.kind !== 'non-canonical') return;
    const versioned = link.verdict.id.version ? `${link.verdict.id.id}v${link.verdict.id.version}` : link.verdict.id.id;
    const wanted = absUrl(versioned);
    report({
      message: `The paper link uses ${REASON[link.verdict.reason]}; expected the abstract page ${wanted}.`,
      range: link.urlRange,
      fix: { title: `Link to ${wanted}`, edits: [{ range: link.urlRange, newText: wanted }], certain: true },
    });
  },
};
