// textDocument/completion: the core decides what to offer; this file maps its
// kinds to protocol numbers and its items to text edits.

import {
  CompletionItemKind,
  InsertTextFormat,
  type CancellationToken,
  type CompletionItem,
  type CompletionParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import { COMPLETION_TRIGGER_CHARACTERS, DEFAULT_LOCALE, localize, type CompletionKind, type DigestCompletion, type DigestLanguageService, type DigestSettings, type Locale } from '../core';
import type { TrackedDocument } from './trackedDocument';

export const completionOptions = { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS] };

export function toCompletionItemKind(kind: CompletionKind): CompletionItemKind {
  switch (kind) {
    case 'section':
      return CompletionItemKind.Property;
    case 'thumbnail':
      return CompletionItemKind.File;
    case 'vote':
    case 'authors':
      return CompletionItemKind.Field;
    case 'paper':
      return CompletionItemKind.Snippet;
    case 'day':
      return CompletionItemKind.Event;
  }
}

export function toCompletionItem(c: DigestCompletion, locale: Locale = DEFAULT_LOCALE): CompletionItem {
  return {
    label: localize(locale, c.label, c.labelL10n),
    kind: toCompletionItemKind(c.kind),
    detail: localize(locale, c.detail, c.detailL10n),
    textEdit: { range: c.range, newText: c.newText },
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    filterText: c.filterText,
    sortText: c.sortText,
    ...(c.preselect ? { preselect: true } : {}),
  };
}

export async function provideCompletions(
  documents: TextDocuments<TrackedDocument>,
  service: DigestLanguageService,
  settingsFor: (uri: string) => Promise<DigestSettings>,
  params: CompletionParams,
  token: CancellationToken,
  locale: Locale = DEFAULT_LOCALE,
): Promise<CompletionItem[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const settings = await settingsFor(doc.uri);
  return service.getCompletions(doc, params.position, settings, token).map((c) => toCompletionItem(c, locale));
}
