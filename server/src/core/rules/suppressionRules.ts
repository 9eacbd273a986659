// Rules reported by the suppression stage (server/src/core/suppress/apply.ts)
// over the other rules' issues, not by a check of the model.

import { RuleId, type SuppressionRule } from './rule';

/** A suppression comment names a rule id that does not exist: it would silently suppress nothing. */
export const invalidSuppression: SuppressionRule = {
  id: RuleId.invalidSuppression,
  scope: 'suppression',
  severity: 'warning',
  description: 'A digest-disable comment names a rule id that does not exist.',
};

/** Like ESLint's --report-unused-disable-directives; off until configured. */
export const unusedSuppression: SuppressionRule = {
  id: RuleId.unusedSuppression,
  scope: 'suppression',
  severity: 'information',
  enabledByDefault: false,
  description: 'A digest-disable comment suppresses nothing (off by default).',
};
