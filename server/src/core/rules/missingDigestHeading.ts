import { msg } from '../l10n';
import { range } from '../types';
import { RuleId, type DocumentRule } from './rule';

/** Only reachable for files made digests by the digest.files setting. */
export const missingDigestHeading: DocumentRule = {
  id: RuleId.missingDigestHeading,
  scope: 'document',
  severity: 'error',
  description: 'A file listed in digest.files has no "## Daily Papers (YYYY-MM-DD)" heading.',
  check(model, _ctx, report) {
    // A file counted by its heading has one; zero days means that heading sat in fenced code.
    if (model.reason !== 'setting' || model.days.length > 0) return;
    report({ ...msg('missingDigestHeading'), range: range(0, 0, 0, 0) });
  },
};
