import { fixTitle, msg, msgOf } from '../l10n';
import { absUrl, correctConfusables, idProblemMessage, findIdLike, parseArxivId, SOCIAL_THUMBNAIL } from '../arxiv';
import type { Paper } from '../model';
import type { Range } from '../types';
import { RuleId, type Fix, type PaperRule, type TextEdit } from './rule';

/** The paper heading must link to https://arxiv.org/abs/<valid id>. */
export const malformedArxivLink: PaperRule = {
  id: RuleId.malformedArxivLink,
  scope: 'paper',
  severity: 'error',
  description: 'The paper heading does not link to https://arxiv.org/abs/<id> with a valid arXiv id.',
  check(paper, ctx, report) {
    const link = paper.heading.link;
    if (!link) {
      report({ ...msg('noLink'), range: paper.heading.titleRange });
      return;
    }
    const fix = suggestFix(link.url, link.urlRange);
    const v = link.verdict;
    const idRange = (start: number, end: number): Range => ({
      start: { line: link.urlRange.start.line, character: link.urlRange.start.character + start },
      end: { line: link.urlRange.start.line, character: link.urlRange.start.character + end },
    });
    switch (v.kind) {
      case 'canonical':
      case 'non-canonical': {
        const yymm = ctx.date ? Number(ctx.date.slice(2, 4)) * 100 + Number(ctx.date.slice(5, 7)) : undefined;
        if (v.id.yymm !== undefined && yymm !== undefined && v.id.yymm > yymm) {
          report({ ...msg('idNewerThanDay', { id: v.id.id, date: ctx.date ?? '', month: ctx.date?.slice(0, 7) ?? '' }), range: idRange(v.idStart, v.idEnd) });
        }
        return;
      }
      case 'bad-id': {
        const range = v.rawId === '' ? link.urlRange : idRange(v.idStart, v.idEnd);
        // Letters: only the confusable-letter fix is certain; a truncated id found by findIdLike would be a guess.
        const idFix = v.problem.kind === 'letters' ? confusableFix(paper, v.rawId, range) : fix && { ...fix, certain: false };
        report(withFix({ ...msgOf(idProblemMessage(v.problem, v.rawId)), range }, idFix));
        return;
      }
      case 'relative':
        report(withFix({ ...(link.url === '' ? msg('linkEmpty') : msg('linkRelative', { url: link.url })), range: link.url === '' ? link.range : link.urlRange }, fix));
        return;
      case 'wrong-host':
        report(withFix({ ...msg('linkWrongHost', { host: v.host }), range: link.urlRange }, fix));
        return;
      case 'wrong-scheme':
        report(withFix({ ...msg('linkWrongScheme', { scheme: v.scheme }), range: link.urlRange }, fix));
        return;
      case 'wrong-path':
        report(withFix({ ...msg('linkWrongPath', { url: link.url }), range: link.urlRange }, fix));
        return;
    }
  },
};

function suggestFix(url: string, urlRange: Range): Fix | undefined {
  const id = findIdLike(url);
  // Only offer a link that would pass: an invalid id or the same URL again fixes nothing.
  if (!id || !parseArxivId(id).ok || absUrl(id) === url) return undefined;
  // The whole id is in the link already: only the host or path around it changes.
  return { ...fixTitle('linkTo', { url: absUrl(id) }), edits: [{ range: urlRange, newText: absUrl(id) }], certain: true };
}

/**
 * `2502.O0917` → `2502.00917`, when the result is valid and the thumbnail, if
 * any, shows that id. A thumbnail with the same typo is corrected with it.
 */
function confusableFix(paper: Paper, rawId: string, range: Range): Fix | undefined {
  const fixed = correctConfusables(rawId);
  if (!fixed) return undefined;
  const thumb = paper.thumbnail;
  const shown = thumb ? SOCIAL_THUMBNAIL.exec(thumb.url)?.[1] : undefined;
  const edits: TextEdit[] = [{ range, newText: fixed }];
  if (thumb && shown !== undefined) {
    const unversioned = (id: string): string => id.replace(/v\d+$/, '');
    const shownFixed = correctConfusables(shown) ?? shown;
    if (unversioned(shownFixed) !== unversioned(fixed)) return undefined;
    if (shownFixed !== shown) {
      const at = thumb.urlRange.start.character + thumb.url.lastIndexOf(shown);
      const line = thumb.urlRange.start.line;
      edits.push({ range: { start: { line, character: at }, end: { line, character: at + shown.length } }, newText: shownFixed });
    }
  }
  return { ...fixTitle('changeIdTo', { id: fixed }), edits, certain: true };
}

function withFix<T extends { message: string; range: Range }>(r: T, fix: Fix | undefined): T & { fix?: Fix } {
  return fix ? { ...r, fix } : r;
}
