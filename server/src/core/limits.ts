// Bounds on what one paper can cost to report. The real corpus peaks at 22
// reports of one rule in one paper (duplicate authors), far below the cap.

import { msg, type MessageRef } from './l10n';
import type { Range } from './types';

/** Reports of one rule in one paper; past it, one summarising report stands for the rest. */
export const MAX_REPORTS_PER_RULE_PER_PAPER = 50;

/** Reports left out by the cap, and where the first of them was. */
export interface OmittedReports {
  readonly count: number;
  readonly first: Range;
}

export function omittedMessage(count: number, what: MessageRef): { message: string; l10n: MessageRef } {
  return msg('omitted', { count, what, max: MAX_REPORTS_PER_RULE_PER_PAPER });
}
