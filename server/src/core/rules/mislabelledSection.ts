import { fixTitle, msg, ref, type MessageId } from '../l10n';
import { canonicalLabel, matchLabel, type NearMissReason } from '../labels';
import { RuleId, type PaperRule } from './rule';

const WHY = {
  apostrophe: 'nearMissApostrophe',
  emphasis: 'nearMissEmphasis',
  spelling: 'nearMissSpelling',
  case: 'nearMissCase',
} as const satisfies Record<NearMissReason, MessageId>;

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
        ...msg('mislabelledSection', { written, expected: match.expected, why: ref(WHY[match.why]), wanted }),
        range: entry.labelRange,
        fix: { ...fixTitle('changeLabelTo', { label: wanted }), edits: [{ range: entry.labelRange, newText: wanted }], certain: true },
      });
    }
  },
};
