import { fixTitle, msg } from '../l10n';
import { thumbnailUrl } from '../arxiv';
import { RuleId, type PaperRule } from './rule';

export const missingThumbnail: PaperRule = {
  id: RuleId.missingThumbnail,
  scope: 'paper',
  severity: 'warning',
  description: 'A paper has no thumbnail image or video below its heading.',
  check(paper, ctx, report) {
    if (ctx.legacy || paper.thumbnail) return;
    const id = paper.arxiv?.id;
    const end = paper.heading.range.end;
    report({
      ...msg('missingThumbnail'),
      range: paper.heading.titleRange,
      ...(id ? { fix: { ...fixTitle('addThumbnail', { id }), edits: [{ range: { start: end, end }, newText: `\n\n![](${thumbnailUrl(id)})` }], certain: true } } : {}),
    });
  },
};
