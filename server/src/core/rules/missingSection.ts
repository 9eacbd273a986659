import { canonicalLabel, matchLabel } from '../labels';
import type { ListEntry } from '../model';
import { RuleId, type PaperRule } from './rule';

/** Every required section is present and has text. */
export const missingSection: PaperRule = {
  id: RuleId.missingSection,
  scope: 'paper',
  severity: 'error',
  description: 'A paper lacks one of the required sections (digest.requiredSections), or a section is empty.',
  check(paper, ctx, report) {
    if (ctx.legacy) return;
    const required = ctx.settings.requiredSections;
    const found = new Map<string, { entry: ListEntry; exact: boolean }>();
    for (const entry of paper.entries) {
      if (!entry.markup) continue;
      const match = matchLabel(entry.markup, required);
      if (match.kind === 'none' || found.get(match.expected)?.exact) continue;
      found.set(match.expected, { entry, exact: match.kind === 'exact' });
    }
    const last = paper.entries[paper.entries.length - 1];
    const insertAt = last ? last.range.end : paper.extent.end;
    for (const label of required) {
      const hit = found.get(label);
      if (!hit) {
        report({
          message: `Missing section "${label}"; expected a bullet "- ${canonicalLabel(label, undefined)} …" in this paper.`,
          range: paper.heading.titleRange,
          fix: {
            title: `Add the "${label}" section`,
            edits: [{ range: { start: insertAt, end: insertAt }, newText: `\n- ${canonicalLabel(label, undefined)} ` }],
          },
        });
      } else if (hit.entry.text.text === '' && hit.entry.labelRange) {
        report({ message: `Section "${label}" is empty; expected its summary text after the label.`, range: hit.entry.labelRange });
      }
    }
  },
};
