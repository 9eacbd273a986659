// The core's entry point. It parses each document version once and shares the
// model across every feature. Nothing here knows about LSP.

import { DiagnosticsComputer } from './features/diagnostics';
import { getDocumentSymbols, type DigestSymbol } from './features/symbols';
import { findPaperAt, getHover, type DigestHover } from './features/hover';
import { getFoldingRanges, type DigestFoldingRange } from './features/folding';
import { getCompletions, type DigestCompletion } from './features/completion';
import type { DigestModel } from './model';
import { hasDayHeading, matchesFiles, type DigestReason } from './detect';
import { IncrementalParser } from './parse/document';
import type { Issue } from './rules';
import { defaultSettings, type DigestSettings } from './settings';
import { postProcessIssues } from './suppress/apply';
import { noCancellation, type CancellationTokenLike, type Position, type TextDocumentLike } from './types';
import { otherDaysMarkdown } from './workspace/crossDay';
import type { WorkspaceView } from './workspace/workspaceIndex';
import { DEFAULT_LOCALE, type Locale } from './l10n';

export interface LanguageServiceOptions {
  /** Absolute folder paths that `digest.files` globs are relative to. */
  readonly workspaceFolders?: () => readonly string[];
  /** The clock completion dates a new day from; injected by tests. */
  readonly now?: () => Date;
}

export interface DigestLanguageService {
  /** The model of this version, or undefined when the document is not a digest. */
  getModel(doc: TextDocumentLike, settings?: DigestSettings): DigestModel | undefined;
  /** With `workspace`, also runs the rules that compare this digest with the rest of the workspace. */
  computeDiagnostics(doc: TextDocumentLike, settings?: DigestSettings, token?: CancellationTokenLike, workspace?: WorkspaceView): Issue[] | undefined;
  getDocumentSymbols(doc: TextDocumentLike, settings?: DigestSettings, token?: CancellationTokenLike, locale?: Locale): DigestSymbol[];
  /** With `workspace`, the card of a paper listed in other digests names and links those days. */
  getHover(doc: TextDocumentLike, position: Position, settings?: DigestSettings, token?: CancellationTokenLike, workspace?: WorkspaceView, locale?: Locale): DigestHover | undefined;
  getFoldingRanges(doc: TextDocumentLike, settings?: DigestSettings, token?: CancellationTokenLike): DigestFoldingRange[];
  /** Items that write the entry at `position`; empty outside a digest. */
  getCompletions(doc: TextDocumentLike, position: Position, settings?: DigestSettings, token?: CancellationTokenLike): DigestCompletion[];
  /** Drops the cached state of a closed document. */
  forget(uri: string): void;
  /** How many blocks the last parse of this document parsed afresh. */
  lastParsedBlocks(uri: string): number;
}

interface Entry {
  readonly parser: IncrementalParser;
  version: number;
  filesKey: string;
  model: DigestModel | undefined;
}

/** A "## Daily Papers" line inside fenced code does not make a digest. */
function isDigest(model: DigestModel): boolean {
  return model.reason === 'setting' || model.days.some((d) => d.day.level === 2);
}

export function createLanguageService(options: LanguageServiceOptions = {}): DigestLanguageService {
  const entries = new Map<string, Entry>();
  const diagnostics = new DiagnosticsComputer();

  const reasonFor = (doc: TextDocumentLike, text: string, settings: DigestSettings): DigestReason | undefined => {
    if (hasDayHeading(text)) return 'heading';
    return matchesFiles(doc.uri, settings.files, options.workspaceFolders?.() ?? []) ? 'setting' : undefined;
  };

  const getModel = (doc: TextDocumentLike, settings: DigestSettings = defaultSettings): DigestModel | undefined => {
    const filesKey = settings.files.join('\u0000');
    let entry = entries.get(doc.uri);
    if (entry && entry.version === doc.version && entry.filesKey === filesKey) return entry.model;
    if (!entry) {
      entry = { parser: new IncrementalParser(), version: doc.version, filesKey, model: undefined };
      entries.set(doc.uri, entry);
    }
    const previous = entry.filesKey === filesKey ? entry.model : undefined;
    const change = previous ? doc.changedSince?.(previous.version) : undefined;
    entry.version = doc.version;
    entry.filesKey = filesKey;
    // An edit to a digest: read only what changed, and keep it a digest while it still has a day heading.
    if (previous && change) {
      const model = entry.parser.parse(doc.uri, doc.version, doc.textSource?.() ?? doc.getText(), previous.reason, change);
      const sameReason = previous.reason === 'heading' || model.days.length === 0;
      if (isDigest(model) && sameReason) return (entry.model = model);
    }
    const text = doc.getText();
    const reason = reasonFor(doc, text, settings);
    const model = reason ? entry.parser.parse(doc.uri, doc.version, text, reason) : undefined;
    entry.model = model && isDigest(model) ? model : undefined;
    return entry.model;
  };

  return {
    getModel,
    computeDiagnostics(doc, settings = defaultSettings, token = noCancellation, workspace) {
      const model = getModel(doc, settings);
      const issues = model ? diagnostics.compute(model, settings, token, workspace) : [];
      // Configured levels and suppression comments: one pure pass over the issues.
      return model && issues ? postProcessIssues(model, issues, settings) : issues;
    },
    getDocumentSymbols(doc, settings = defaultSettings, token = noCancellation, locale = DEFAULT_LOCALE) {
      const model = getModel(doc, settings);
      return model ? getDocumentSymbols(model, token, locale) : [];
    },
    getHover(doc, position, settings = defaultSettings, token = noCancellation, workspace, locale = DEFAULT_LOCALE) {
      const model = getModel(doc, settings);
      const hover = model ? getHover(model, position, settings, token, locale) : undefined;
      const placed = hover && workspace && model ? findPaperAt(model, position.line) : undefined;
      const others = placed && model && workspace ? otherDaysMarkdown(model, placed, workspace, locale) : undefined;
      return hover && others ? { ...hover, markdown: `${hover.markdown}\n\n${others}` } : hover;
    },
    getFoldingRanges(doc, settings = defaultSettings, token = noCancellation) {
      const model = getModel(doc, settings);
      return model ? getFoldingRanges(model, token) : [];
    },
    getCompletions(doc, position, settings = defaultSettings, token = noCancellation) {
      const model = getModel(doc, settings);
      const parser = entries.get(doc.uri)?.parser;
      if (!model || !parser || token.isCancellationRequested) return [];
      // The parser holds this version's text by block: a line costs one block, not a join of the document.
      const lineText = (line: number): string => parser.lineText(line);
      return getCompletions({ model, lineText, position, settings, today: (options.now ?? (() => new Date()))() }, token);
    },
    forget(uri) {
      entries.delete(uri);
      diagnostics.forget(uri);
    },
    lastParsedBlocks(uri) {
      return entries.get(uri)?.parser.lastParsedBlocks ?? 0;
    },
  };
}
