// Tracks the open Markdown documents that are digests only because they match
// `digest.files`. The markdown-it plugin sees text, not URIs, so it asks here.
// Matching mirrors the server: the path itself or the path relative to a
// workspace folder, picomatch with dot files.

import { matchesFilesPath } from '../../server/src/core/detect';
import * as vscode from 'vscode';
import { CONFIG_SECTION, MARKDOWN_LANGUAGE_ID, Setting } from './constants';

export class DigestFilesTracker implements vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private globs: readonly string[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.update(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.update(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.texts.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.${Setting.files}`)) this.refresh();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
    );
    this.refresh();
  }

  /** True when `text` is the current text of an open document matched by `digest.files`. */
  hasText(text: string): boolean {
    for (const t of this.texts.values()) if (t === text) return true;
    return false;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
  }

  private refresh(): void {
    this.globs = readGlobs();
    this.texts.clear();
    for (const doc of vscode.workspace.textDocuments) this.update(doc);
  }

  private update(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId === MARKDOWN_LANGUAGE_ID && this.matches(doc.uri)) this.texts.set(key, doc.getText());
    else this.texts.delete(key);
  }

  private matches(uri: vscode.Uri): boolean {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.path.replace(/\/$/, ''));
    return matchesFilesPath(uri.path, this.globs, folders);
  }
}

function readGlobs(): string[] {
  const raw = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(Setting.files);
  return Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim()) : [];
}
