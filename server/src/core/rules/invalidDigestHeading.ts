import { msg, ref } from '../l10n';
import { shiftRange } from '../types';
import { RuleId, type DocumentRule } from './rule';

export const invalidDigestHeading: DocumentRule = {
  id: RuleId.invalidDigestHeading,
  scope: 'document',
  severity: 'error',
  description: 'A day heading is not exactly "## Daily Papers (YYYY-MM-DD)" with a real date.',
  check(model, _ctx, report) {
    for (const { line, day } of model.days) {
      if (day.date) continue;
      const why = day.level !== 2
        ? ref('dayHeadingLevel', { level: day.level })
        : day.dateRange
          ? ref('dayHeadingNoSuchDate')
          : ref('dayHeadingNoDate');
      report({
        ...msg('invalidDayHeading', { text: day.text, why }),
        range: shiftRange(day.dateRange ?? day.range, line),
      });
    }
  },
};
