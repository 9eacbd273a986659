import { absUrl, describeIdProblem, findIdLike, parseArxivId } from '../arxiv';
import type { Range } from '../types';
import { RuleId, type Fix, type PaperRule } from './rule';

/** The paper heading must link to https://arxiv.org/abs/<valid id>. */
export const malformedArxivLink: PaperRule = {
  id: RuleId.malformedArxivLink,
  scope: 'paper',
  severity: 'error',
  description: 'The paper heading does not link to https://arxiv.org/abs/<id> with a valid arXiv id.',
  check(paper, ctx, report) {
    const link = paper.heading.link;
    if (!link) {
      report({ message: 'The paper heading has no link; expected "### [Title](https://arxiv.org/abs/<id>)".', range: paper.heading.titleRange });
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
          report({ message: `The arXiv id ${v.id.id} is newer than the digest's date ${ctx.date}; expected an id from ${ctx.date?.slice(0, 7)} or earlier.`, range: idRange(v.idStart, v.idEnd) });
        }
        return;
      }
      case 'bad-id':
        report(withFix({ message: describeIdProblem(v.problem, v.rawId), range: v.rawId === '' ? link.urlRange : idRange(v.idStart, v.idEnd) }, fix));
        return;
      case 'relative':
        report(withFix({ message: link.url === '' ? 'The paper link is empty; expected https://arxiv.org/abs/<id>.' : `The paper link "${link.url}" is relative; expected an absolute https://arxiv.org/abs/<id> link.`, range: link.url === '' ? link.range : link.urlRange }, fix));
        return;
      case 'wrong-host':
        report(withFix({ message: `The paper link points to "${v.host}"; expected arxiv.org.`, range: link.urlRange }, fix));
        return;
      case 'wrong-scheme':
        report(withFix({ message: `The paper link uses "${v.scheme}:"; expected https://arxiv.org/abs/<id>.`, range: link.urlRange }, fix));
        return;
      case 'wrong-path':
        report(withFix({ message: `The paper link "${link.url}" is not an arXiv abstract page; expected https://arxiv.org/abs/<id>.`, range: link.urlRange }, fix));
        return;
    }
  },
};

function suggestFix(url: string, urlRange: Range): Fix | undefined {
  const id = findIdLike(url);
  // Only offer a link that would pass: an invalid id or the same URL again fixes nothing.
  if (!id || !parseArxivId(id).ok || absUrl(id) === url) return undefined;
  return { title: `Link to ${absUrl(id)}`, edits: [{ range: urlRange, newText: absUrl(id) }] };
}

function withFix<T extends { message: string; range: Range }>(r: T, fix: Fix | undefined): T & { fix?: Fix } {
  return fix ? { ...r, fix } : r;
}
