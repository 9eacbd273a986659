import { msg } from '../l10n';
import { shiftRange } from '../types';
import type { PlacedDay } from '../model';
import { RuleId, type DocumentRule } from './rule';

/** A pipeline that ran twice appends a second block for the same day. */
export const duplicateDayHeading: DocumentRule = {
  id: RuleId.duplicateDayHeading,
  scope: 'document',
  severity: 'warning',
  description: 'The same day heading appears twice in one file.',
  check(model, _ctx, report) {
    const seen = new Map<string, PlacedDay>();
    for (const placed of model.days) {
      const date = placed.day.date;
      if (!date) continue;
      const first = seen.get(date);
      if (!first) {
        seen.set(date, placed);
        continue;
      }
      report({
        ...msg('duplicateDayHeading', { date, line: first.line + 1 }),
        range: shiftRange(placed.day.range, placed.line),
        related: [{ range: shiftRange(first.day.range, first.line), ...msg('duplicateDayHeadingFirst', { date }) }],
      });
    }
  },
};
