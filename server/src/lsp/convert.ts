// Converts core results to LSP types. The only place that maps our string
// kinds and severities to protocol numbers.

import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  SymbolKind,
  type Hover,
} from 'vscode-languageserver/node';
import { ruleDocHref } from './ruleLinks';
import { DEFAULT_LOCALE, localize, type DigestHover, type DigestSymbol, type Fix, type Issue, type Locale, type Severity, type SymbolKind as DigestSymbolKind } from '../core';

export const DIAGNOSTIC_SOURCE = 'digest';

export function toSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

/** Carried in `Diagnostic.data` so a code action needs no recomputation. */
export interface DiagnosticData {
  readonly fix?: Fix;
}

/** The fix as carried in `data`: its title in `locale`, without the message id the client has no use for. */
function localizedFix(fix: Fix, locale: Locale): Fix {
  const { titleL10n, ...rest } = fix;
  return { ...rest, title: localize(locale, fix.title, titleL10n) };
}

export function toDiagnostic(issue: Issue, uri: string, locale: Locale = DEFAULT_LOCALE): Diagnostic {
  const data: DiagnosticData = issue.fix ? { fix: localizedFix(issue.fix, locale) } : {};
  return {
    range: issue.range,
    severity: toSeverity(issue.severity),
    code: issue.rule,
    codeDescription: { href: ruleDocHref(issue.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: localize(locale, issue.message, issue.l10n),
    ...(issue.related ? { relatedInformation: issue.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: localize(locale, r.message, r.l10n) })) } : {}),
    data,
  };
}

export function toSymbolKind(kind: DigestSymbolKind): SymbolKind {
  switch (kind) {
    case 'day':
      return SymbolKind.Namespace;
    case 'paper':
      return SymbolKind.Class;
    case 'section':
      return SymbolKind.Field;
  }
}

export function toDocumentSymbol(s: DigestSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: toSymbolKind(s.kind),
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

export function toHover(h: DigestHover): Hover {
  return { contents: { kind: 'markdown', value: h.markdown }, range: h.range };
}

export function toCodeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const fix = (d.data as DiagnosticData | undefined)?.fix;
    if (!fix) continue;
    // LSP 3.17 has no snippet edits: the snippet form rides in `data` for clients that know it (ours).
    const snippets = fix.edits.every((e) => e.snippet !== undefined) ? { uri, snippetEdits: fix.edits.map((e) => ({ range: e.range, snippet: e.snippet })) } : undefined;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      ...(snippets ? { data: snippets } : {}),
    });
  }
  return actions;
}
