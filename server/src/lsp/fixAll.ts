// `source.fixAll.digest`: every certain fix of a document in one action, so
// "editor.codeActionsOnSave": { "source.fixAll.digest": "explicit" } works.
// The edits are computed lazily in codeAction/resolve when the client can.

import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import { createLanguageService, DEFAULT_LOCALE, fixAllEdits, isCertain, ref, render, type DigestLanguageService, type DigestSettings, type Issue, type Locale } from '../core';
import type { TrackedDocument } from './trackedDocument';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.digest`;
export const FIX_ALL_TITLE = render('en', ref('fixAllTitle'));

/** Carried in `CodeAction.data` from codeAction to codeAction/resolve. */
export interface FixAllData {
  readonly kind: typeof FIX_ALL_KIND;
  readonly uri: string;
  readonly version: number;
}

/** True when `only` asks for our fix-all: `source`, `source.fixAll` or `source.fixAll.digest`. */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  if (!only) return false;
  return only.some((k) => k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${k}.`));
}

export function fixAllAction(doc: TrackedDocument, issues: readonly Issue[], lazy: boolean, edits: () => TextEdit[], locale: Locale = DEFAULT_LOCALE): CodeAction | undefined {
  if (!issues.some((i) => isCertain(i.fix))) return undefined;
  const data: FixAllData = { kind: FIX_ALL_KIND, uri: doc.uri, version: doc.version };
  const action: CodeAction = { title: render(locale, ref('fixAllTitle')), kind: FIX_ALL_KIND, data };
  if (!lazy) action.edit = { changes: { [doc.uri]: edits() } };
  return action;
}

export function isFixAllData(data: unknown): data is FixAllData {
  return typeof data === 'object' && data !== null && (data as FixAllData).kind === FIX_ALL_KIND && typeof (data as FixAllData).uri === 'string';
}

/** The fix-all edits of a document, re-checking each pass with a scratch service and the same settings. */
export function computeFixAllEdits(doc: TrackedDocument, settings: DigestSettings, folders: () => readonly string[]): TextEdit[] {
  const scratch: DigestLanguageService = createLanguageService({ workspaceFolders: folders });
  let version = 0;
  const lint = (text: string): Issue[] => scratch.computeDiagnostics({ uri: doc.uri, version: ++version, getText: () => text }, settings) ?? [];
  return fixAllEdits(doc.getText(), lint);
}

