import { msg } from '../l10n';
import { shiftRange } from '../types';
import { RuleId, type DocumentRule } from './rule';

/** Digests from 2023-11 to 2024-06 summarise with unlabeled bullets: one note per file, not one error per paper. */
export const legacyFormat: DocumentRule = {
  id: RuleId.legacyFormat,
  scope: 'document',
  severity: 'information',
  description: 'The digest uses the older unlabeled-bullet style; section, vote, thumbnail and author-line checks are skipped.',
  check(model, _ctx, report) {
    if (!model.legacy) return;
    const first = model.days[0];
    if (!first) return;
    report({
      ...msg('legacyFormat'),
      range: shiftRange(first.day.range, first.line),
    });
  },
};
