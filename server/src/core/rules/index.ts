// The rule registry: every rule, in the order its issues are reported.

import { authorPlaceholder } from './authorPlaceholder';
import { controlCharacter } from './controlCharacter';
import { duplicateAuthor } from './duplicateAuthor';
import { duplicateDayHeading } from './duplicateDayHeading';
import { duplicatePaper } from './duplicatePaper';
import { invalidDigestHeading } from './invalidDigestHeading';
import { invalidVote } from './invalidVote';
import { legacyFormat } from './legacyFormat';
import { listedOnAnotherDay } from './listedOnAnotherDay';
import { malformedArxivLink } from './malformedArxivLink';
import { mislabelledSection } from './mislabelledSection';
import { missingAuthors } from './missingAuthors';
import { missingDigestHeading } from './missingDigestHeading';
import { missingSection } from './missingSection';
import { missingThumbnail } from './missingThumbnail';
import { missingVote } from './missingVote';
import { nonCanonicalArxivLink } from './nonCanonicalArxivLink';
import { thumbnailMismatch } from './thumbnailMismatch';
import { invalidSuppression, unusedSuppression } from './suppressionRules';
import type { DocumentRule, PaperRule, Rule, RuleId, WorkspaceRule } from './rule';

export const rules: readonly Rule[] = [
  missingDigestHeading,
  invalidDigestHeading,
  duplicateDayHeading,
  legacyFormat,
  malformedArxivLink,
  nonCanonicalArxivLink,
  duplicatePaper,
  missingThumbnail,
  thumbnailMismatch,
  missingVote,
  invalidVote,
  missingAuthors,
  authorPlaceholder,
  duplicateAuthor,
  missingSection,
  mislabelledSection,
  controlCharacter,
  invalidSuppression,
  unusedSuppression,
  listedOnAnotherDay,
];

export const paperRules: readonly PaperRule[] = rules.filter((r): r is PaperRule => r.scope === 'paper');
export const documentRules: readonly DocumentRule[] = rules.filter((r): r is DocumentRule => r.scope === 'document');
export const workspaceRules: readonly WorkspaceRule[] = rules.filter((r): r is WorkspaceRule => r.scope === 'workspace');

const byId = new Map<RuleId, Rule>(rules.map((r) => [r.id, r]));

export function getRule(id: RuleId): Rule | undefined {
  return byId.get(id);
}

export * from './rule';
