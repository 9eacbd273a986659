// The "Daily Papers" view in the Explorer: days newest first, their papers
// under them. The server feeds it through the `digest/papers` request and
// says when to ask again with `digest/papersChanged`, so any LSP client can
// build the same view (docs/workspace.md).

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PAPERS_CHANGED_NOTIFICATION, PAPERS_REQUEST, type DayNode, type PaperNode, type PapersParams, type PapersResult } from '../../server/src/core/workspace/protocol';
import { Command, PAPERS_FILTERED_CONTEXT, PAPERS_VIEW_ID } from './constants';

export type PapersNode = { readonly kind: 'day'; readonly day: DayNode } | { readonly kind: 'paper'; readonly paper: PaperNode; readonly day: DayNode };

function paperDescription(p: PaperNode): string {
  const parts: string[] = [];
  if (p.id) parts.push(p.id);
  if (p.votes !== undefined && p.votes !== '') parts.push(vscode.l10n.t('{0} votes', p.votes));
  return parts.join(' · ');
}

function toRange(p: PaperNode): vscode.Range {
  const r = p.range;
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class PapersProvider implements vscode.TreeDataProvider<PapersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PapersNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: PapersResult = { indexing: false, days: [] };
  private loaded: Promise<PapersResult> | undefined;
  query = '';

  constructor(private readonly client: () => BaseLanguageClient | undefined) {}

  refresh(): void {
    this.loaded = undefined;
    this.changed.fire(undefined);
  }

  /** The latest answer of the server, fetched once per refresh. */
  load(): Promise<PapersResult> {
    this.loaded ??= this.fetch();
    return this.loaded;
  }

  private async fetch(): Promise<PapersResult> {
    const client = this.client();
    if (!client || !client.isRunning()) return (this.result = { indexing: false, days: [] });
    const params: PapersParams = this.query ? { query: this.query } : {};
    try {
      this.result = await client.sendRequest<PapersResult>(PAPERS_REQUEST, params);
    } catch {
      this.result = { indexing: false, days: [] };
    }
    // Still indexing: ask again shortly; the server also notifies when done.
    if (this.result.indexing) setTimeout(() => this.refresh(), 1000);
    return this.result;
  }

  async getChildren(node?: PapersNode): Promise<PapersNode[]> {
    if (!node) return (await this.load()).days.map((day) => ({ kind: 'day', day }));
    if (node.kind === 'day') return node.day.papers.map((paper) => ({ kind: 'paper', paper, day: node.day }));
    return [];
  }

  getParent(node: PapersNode): PapersNode | undefined {
    return node.kind === 'paper' ? { kind: 'day', day: node.day } : undefined;
  }

  getTreeItem(node: PapersNode): vscode.TreeItem {
    switch (node.kind) {
      case 'day': {
        const { day } = node;
        const item = new vscode.TreeItem(day.date ?? day.label, this.query || day === this.result.days[0] ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `day:${day.uri}#${day.line}`;
        item.description = day.papers.length === 1 ? vscode.l10n.t('{0} paper', 1) : vscode.l10n.t('{0} papers', day.papers.length);
        item.tooltip = `${day.label}\n${vscode.Uri.parse(day.uri).fsPath}`;
        item.resourceUri = vscode.Uri.parse(day.uri);
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'digestDay';
        return item;
      }
      case 'paper': {
        const { paper } = node;
        const item = new vscode.TreeItem(paper.title || vscode.l10n.t('(untitled paper)'), vscode.TreeItemCollapsibleState.None);
        item.id = `paper:${paper.uri}#${paper.range.start.line}`;
        item.description = paperDescription(paper);
        item.tooltip = [paper.title, paperDescription(paper)].filter((s) => s).join('\n');
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'digestPaper';
        item.command = {
          command: 'vscode.open',
          title: vscode.l10n.t('Open Paper'),
          arguments: [vscode.Uri.parse(paper.uri), { selection: toRange(paper) } satisfies vscode.TextDocumentShowOptions],
        };
        return item;
      }
    }
  }

  /** The paper whose heading is at or above `line` in the document `uri`, within its day. */
  paperAt(uri: string, line: number): PapersNode | undefined {
    let best: PapersNode | undefined;
    for (const day of this.result.days) {
      if (day.uri !== uri || day.line > line) continue;
      for (const paper of day.papers) {
        if (paper.range.start.line <= line && (!best || best.kind !== 'paper' || paper.range.start.line > best.paper.range.start.line)) best = { kind: 'paper', paper, day };
      }
    }
    return best;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the view, its commands and the refresh on server notifications. */
export function registerPapersView(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined): PapersProvider {
  const provider = new PapersProvider(client);
  const view = vscode.window.createTreeView(PAPERS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const setFilter = async (query: string): Promise<void> => {
    provider.query = query;
    view.description = query ? vscode.l10n.t('filter: {0}', query) : undefined;
    await vscode.commands.executeCommand('setContext', PAPERS_FILTERED_CONTEXT, query !== '');
    provider.refresh();
  };
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand(Command.papersRefresh, () => provider.refresh()),
    vscode.commands.registerCommand(Command.papersFilter, async (query?: string) => {
      const value = typeof query === 'string' ? query : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show papers whose title, id or author matches'), value: provider.query });
      if (value !== undefined) await setFilter(value.trim());
    }),
    vscode.commands.registerCommand(Command.papersClearFilter, () => setFilter('')),
    vscode.commands.registerCommand(Command.papersRevealCurrent, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      if (provider.query) await setFilter('');
      await provider.load();
      const node = provider.paperAt(editor.document.uri.toString(), editor.selection.active.line);
      if (node) await view.reveal(node, { select: true, focus: false, expand: true });
      return node?.kind === 'paper' ? node.paper.title : undefined;
    }),
  );
  return provider;
}

/** Refreshes the view whenever the server says the index changed. */
export function listenForPaperChanges(client: BaseLanguageClient, provider: PapersProvider): vscode.Disposable {
  return client.onNotification(PAPERS_CHANGED_NOTIFICATION, () => provider.refresh());
}
