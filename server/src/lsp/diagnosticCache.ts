// Converts a document's issues to LSP diagnostics, once per issue object. The
// core hands back the same issue objects for papers a keystroke did not touch,
// so a keystroke converts its own paper's issues, not every issue of the file.

import type { Diagnostic } from 'vscode-languageserver/node';
import type { Issue, Locale } from '../core';
import { toDiagnostic } from './convert';

interface Converted {
  readonly uri: string;
  readonly locale: Locale;
  readonly diagnostic: Diagnostic;
}

export class DiagnosticCache {
  private readonly converted = new WeakMap<Issue, Converted>();
  /** Issues the last `convert` had to convert; read by tests. */
  lastConverted = 0;

  convert(issues: readonly Issue[], uri: string, locale: Locale): Diagnostic[] {
    this.lastConverted = 0;
    return issues.map((issue) => {
      const hit = this.converted.get(issue);
      // The uri fills related locations without one, and the locale the messages.
      if (hit && hit.uri === uri && hit.locale === locale) return hit.diagnostic;
      this.lastConverted++;
      const diagnostic = toDiagnostic(issue, uri, locale);
      this.converted.set(issue, { uri, locale, diagnostic });
      return diagnostic;
    });
  }
}
