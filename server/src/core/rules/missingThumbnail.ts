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
      message: 'The paper has no thumbnail; expected "![](…/social-thumbnails/papers/<id>.png)" below the heading.',
      range: paper.heading.titleRange,
      ...(id ? { fix: { title: `Add the thumbnail of ${id}`, edits: [{ range: { start: end, end }, newText: `\n\n![](${thumbnailUrl(id)})` }], certain: true } } : {}),
    });
  },
};
