// What a rule is and what it reports. Rules are pure: they read the model and
// call `report`; severity, suppression and LSP conversion happen elsewhere.

import type { DigestModel, Paper } from '../model';
import type { DigestSettings } from '../settings';
import type { Range, Severity } from '../types';
import type { WorkspaceView } from '../workspace/workspaceIndex';
import type { MessageRef } from '../l10n';

export const RuleId = {
  missingSection: 'missing-section',
  mislabelledSection: 'mislabelled-section',
  malformedArxivLink: 'malformed-arxiv-link',
  nonCanonicalArxivLink: 'non-canonical-arxiv-link',
  duplicatePaper: 'duplicate-paper',
  missingThumbnail: 'missing-thumbnail',
  thumbnailMismatch: 'thumbnail-mismatch',
  missingVote: 'missing-vote',
  invalidVote: 'invalid-vote',
  missingAuthors: 'missing-authors',
  authorPlaceholder: 'author-placeholder',
  duplicateAuthor: 'duplicate-author',
  missingDigestHeading: 'missing-digest-heading',
  invalidDigestHeading: 'invalid-digest-heading',
  duplicateDayHeading: 'duplicate-day-heading',
  controlCharacter: 'control-character',
  legacyFormat: 'legacy-format',
  invalidSuppression: 'invalid-suppression',
  unusedSuppression: 'unused-suppression',
  listedOnAnotherDay: 'listed-on-another-day',
} as const;

export type RuleId = (typeof RuleId)[keyof typeof RuleId];

/** Where the rule docs live in the repository and in the packaged extension. */
export const RULES_DOC_PATH = 'docs/rules.md';

/** A rule's section in the docs; `base` is the docs file's URL, which only the adapter knows. */
export function ruleDocUrl(id: RuleId, base: string = RULES_DOC_PATH): string {
  return `${base}#${id}`;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
  /** `newText` with snippet tab stops (`$0` where the cursor goes), for clients that take snippet edits. */
  readonly snippet?: string;
}

/** A quick fix the adapter can offer as is. */
export interface Fix {
  readonly title: string;
  /** The title's message id, for adapters that render another language; `title` is its English text. */
  readonly titleL10n?: MessageRef;
  readonly edits: readonly TextEdit[];
  /**
   * True when the edit is certainly right and loses nothing: only such fixes
   * run in fix-all. Fixes that delete content or guess stay quick fixes.
   */
  readonly certain?: boolean;
}

export interface RelatedInfo {
  /** Another file; the reported document when absent. */
  readonly uri?: string;
  readonly range: Range;
  readonly message: string;
  /** The message's id, for adapters that render another language; `message` is its English text. */
  readonly l10n?: MessageRef;
}

export interface Report {
  readonly message: string;
  /** The message's id, for adapters that render another language; `message` is its English text. */
  readonly l10n?: MessageRef;
  readonly range: Range;
  readonly related?: readonly RelatedInfo[];
  readonly fix?: Fix;
}

export interface Issue extends Report {
  readonly rule: RuleId;
  readonly severity: Severity;
}

export interface PaperContext {
  readonly settings: DigestSettings;
  /** Date of the day heading the paper sits under, `YYYY-MM-DD`. */
  readonly date: string | undefined;
  readonly legacy: boolean;
}

export interface DocumentContext {
  readonly settings: DigestSettings;
  /**
   * Per-document scratch space that lives from one version of the document to
   * the next, where a rule may keep an index it updates instead of rebuilding.
   * Absent (the CLI, tests): the rule starts afresh. Results never depend on it.
   */
  readonly state?: RuleState;
}

/** Per-document scratch space shared by the rules of one document (see DocumentContext.state). */
export type RuleState = Map<string, unknown>;

interface RuleMeta {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly description: string;
  /** False for rules a user must turn on in the configuration; absent means on. */
  readonly enabledByDefault?: boolean;
}

/** Checks one paper; ranges are relative to the paper's first line. */
export interface PaperRule extends RuleMeta {
  readonly scope: 'paper';
  check(paper: Paper, ctx: PaperContext, report: (r: Report) => void): void;
}

/** Checks the whole digest; ranges are absolute. */
export interface DocumentRule extends RuleMeta {
  readonly scope: 'document';
  check(model: DigestModel, ctx: DocumentContext, report: (r: Report) => void): void;
}

/** Reported by the suppression stage over the other rules' issues, not by a check of the model. */
export interface SuppressionRule extends RuleMeta {
  readonly scope: 'suppression';
}

export interface WorkspaceContext {
  readonly settings: DigestSettings;
  /** Read-only: the other digests of the workspace, this document's open text included. */
  readonly workspace: WorkspaceView;
  /** As DocumentContext.state; the same map the document rules get. */
  readonly state?: RuleState;
}

/** Checks the digest against the rest of the workspace; runs only when an index is given. Ranges are absolute. */
export interface WorkspaceRule extends RuleMeta {
  readonly scope: 'workspace';
  check(model: DigestModel, ctx: WorkspaceContext, report: (r: Report) => void): void;
}

export type Rule = PaperRule | DocumentRule | WorkspaceRule | SuppressionRule;
