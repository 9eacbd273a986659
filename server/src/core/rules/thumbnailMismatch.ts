import { fixTitle, msg } from '../l10n';
import { SOCIAL_THUMBNAIL, thumbnailUrl } from '../arxiv';
import { RuleId, type PaperRule } from './rule';

export const thumbnailMismatch: PaperRule = {
  id: RuleId.thumbnailMismatch,
  scope: 'paper',
  severity: 'warning',
  description: "The thumbnail shows another paper's id.",
  check(paper, _ctx, report) {
    const thumb = paper.thumbnail;
    const id = paper.arxiv?.id;
    if (!thumb || !id) return;
    const shown = SOCIAL_THUMBNAIL.exec(thumb.url)?.[1];
    if (shown === undefined || shown.replace(/v\d+$/, '') === id) return;
    report({
      ...msg('thumbnailMismatch', { shown, id }),
      range: thumb.urlRange,
      // Not certain: the link may be the wrong half, so it stays out of fix-all.
      fix: { ...fixTitle('useThumbnailOf', { id }), edits: [{ range: thumb.urlRange, newText: thumbnailUrl(id) }] },
    });
  },
};
