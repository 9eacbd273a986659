// Shared waits and look-ups. Language features answer asynchronously, so every
// check polls until its condition holds or a deadline passes.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../client/src/constants';

export const DIAGNOSTIC_SOURCE = 'digest';
const POLL_MS = 50;
const DEFAULT_WAIT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace (test/vscode/workspace) open');
  return folder.uri;
}

export function fixture(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(relativePath));
  return vscode.window.showTextDocument(doc);
}

/** An untitled Markdown editor: edits to it never touch the fixtures. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc);
}

export async function closeAllEditors(): Promise<void> {
  // Untitled editors are dirty; revert them so closing never prompts.
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isUntitled && doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

/** Polls `read` until `accept` holds; fails with `what` and the last value otherwise. */
export async function waitFor<T>(what: string, read: () => T | Thenable<T>, accept: (value: T) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${describe(last)}`);
    await sleep(POLL_MS);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function digestDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** The rule that compares files; workspace.test.ts checks it, single-file tests leave it out. */
export const CROSS_FILE_CODE = 'listed-on-another-day';

/** The diagnostics of one file's own text: untitled copies of a workspace digest also list its papers elsewhere. */
export function singleFileDiagnostics(ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ds.filter((d) => codeOf(d) !== CROSS_FILE_CODE);
}

export function waitForDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what = 'digest diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} on ${uri.path}`, () => digestDiagnostics(uri), accept);
}

export type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

export async function documentSymbols(uri: vscode.Uri): Promise<AnySymbol[]> {
  return (await vscode.commands.executeCommand<AnySymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

/** Every symbol in the tree, depth first, with its depth. */
export function flatten(symbols: readonly AnySymbol[], depth = 0): { symbol: AnySymbol; depth: number }[] {
  const out: { symbol: AnySymbol; depth: number }[] = [];
  for (const symbol of symbols) {
    out.push({ symbol, depth });
    if ('children' in symbol) out.push(...flatten(symbol.children, depth + 1));
  }
  return out;
}

export function hoverText(hovers: readonly vscode.Hover[]): string[] {
  return hovers.map((h) =>
    h.contents
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n')
      // The card escapes punctuation; compare against plain text.
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}

export function rangeOf(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
  } catch {
    return String(value);
  }
}
