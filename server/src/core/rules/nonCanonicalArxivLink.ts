import { fixTitle, msg, ref, type MessageId } from '../l10n';
import { absUrl } from '../arxiv';
import { RuleId, type PaperRule } from './rule';

const REASON = {
  pdf: 'reasonPdf',
  html: 'reasonHtml',
  http: 'reasonHttp',
  www: 'reasonWww',
  query: 'reasonQuery',
} as const satisfies Record<string, MessageId>;

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
      ...msg('nonCanonicalLink', { reason: ref(REASON[link.verdict.reason]), url: wanted }),
      range: link.urlRange,
      fix: { ...fixTitle('linkTo', { url: wanted }), edits: [{ range: link.urlRange, newText: wanted }], certain: true },
    });
  },
};
