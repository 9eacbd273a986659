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
        message: `The day heading for ${date} appears again; the first is on line ${first.line + 1}. Expected one day heading per date.`,
        range: shiftRange(placed.day.range, placed.line),
        related: [{ range: shiftRange(first.day.range, first.line), message: `First heading for ${date}` }],
      });
    }
  },
};
