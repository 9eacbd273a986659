import { canonicalLabel, matchLabel, type NearMissReason } from '../labels';
import { RuleId, type PaperRule } from './rule';

const WHY: Record<NearMissReason, string> = {
  apostrophe: 'a curly apostrophe',
  emphasis: 'broken emphasis or colon',
  spelling: 'a misspelling',
  case: 'different capitalisation',
};

/** A label that is almost a required one: `Whats New`, `What’s New`, `***Technical Details*:`. */
export const mislabelledSection: PaperRule = {
  id: RuleId.mislabelledSection,
  scope: 'paper',
  severity: 'warning',
  description: 'A section label is a near miss of a required label (typo, curly apostrophe, broken emphasis).',
  check(paper, ctx, report) {
    for (const entry of paper.entries) {
      if (!entry.markup || !entry.labelRange) continue;
      const match = matchLabel(entry.markup, ctx.settings.requiredSections);
      if (match.kind !== 'near') continue;
      const wanted = canonicalLabel(match.expected, entry.markup);
      const m = entry.markup;
      const written = `${m.open}${m.label}${m.close}${m.spacedColon ? ' :' : m.colon ? ':' : ''}${m.after}`;
      report({
        message: `Section label "${written}" is a near miss of "${match.expected}" (${WHY[match.why]}); expected "${wanted}".`,
        range: entry.labelRange,
        fix: { title: `Change the label to "${wanted}"`, edits: [{ range: entry.labelRange, newText: wanted }], certain: true },
      });
    }
  },
};
