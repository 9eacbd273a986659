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
        ? `is a level-${day.level} heading`
        : day.dateRange
          ? 'names a date that does not exist'
          : 'does not end in a (YYYY-MM-DD) date';
      report({
        message: `The day heading "${day.text}" ${why}; expected "## Daily Papers (YYYY-MM-DD)".`,
        range: shiftRange(day.dateRange ?? day.range, line),
      });
    }
  },
};
