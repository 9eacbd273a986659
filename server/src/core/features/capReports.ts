// Caps the reports of each rule in one paper, so a paste of 20,000 bad
// characters costs one paper's worth of diagnostics, not 20,000.

import { ref } from '../l10n';
import { MAX_REPORTS_PER_RULE_PER_PAPER, omittedMessage } from '../limits';
import type { Issue } from '../rules';

export function capReports(issues: readonly Issue[], max: number = MAX_REPORTS_PER_RULE_PER_PAPER): Issue[] {
  const seen = new Map<string, number>();
  const kept: Issue[] = [];
  const omitted = new Map<string, { first: Issue; count: number }>();
  for (const issue of issues) {
    const n = (seen.get(issue.rule) ?? 0) + 1;
    seen.set(issue.rule, n);
    if (n <= max) {
      kept.push(issue);
      continue;
    }
    const o = omitted.get(issue.rule);
    if (o) o.count++;
    else omitted.set(issue.rule, { first: issue, count: 1 });
  }
  for (const { first, count } of omitted.values()) {
    kept.push({ rule: first.rule, severity: first.severity, range: first.range, ...omittedMessage(count, ref('omittedRuleReports', { rule: first.rule })) });
  }
  return kept;
}
