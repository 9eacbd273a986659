// LSP handlers of the workspace index: workspace/symbol, references,
// definition, the `digest/papers` request, watched-file changes, progress.
// server.ts wires them with one call.

import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  SymbolKind,
  type ClientCapabilities,
  type Connection,
  type Location,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import {
  findDefinition,
  findReferences,
  papersTree,
  INDEX_STATUS_REQUEST,
  PAPERS_CHANGED_NOTIFICATION,
  PAPERS_REQUEST,
  type DigestLanguageService,
  type DigestSettings,
  type IndexStatus,
  type PapersParams,
  type PapersResult,
} from '../../core';
import type { TrackedDocument } from '../trackedDocument';
import type { FileChange, ProgressSink, WorkspaceIndexer } from './workspaceIndexer';
import { DEFAULT_LOCALE, ref, render, type Locale } from '../../core';

/** What the file watcher the server registers looks at. */
export const WATCHED_GLOB = '**/*.{md,markdown}';
const PAPERS_CHANGED_DELAY_MS = 200;

type Safely = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) => (...args: A) => Promise<R>;

export interface WorkspaceWiring {
  readonly connection: Connection;
  readonly documents: TextDocuments<TrackedDocument>;
  readonly service: DigestLanguageService;
  readonly indexer: WorkspaceIndexer;
  readonly settingsFor: (uri: string) => Promise<DigestSettings>;
  readonly safely: Safely;
  /** Also told of every watched-file change (the server re-reads config files on it). */
  readonly onWatchedFiles?: (uris: readonly string[]) => void;
}

export function serverCapabilities() {
  return { workspaceSymbolProvider: true, referencesProvider: true, definitionProvider: true } as const;
}

/** Work-done progress when the client shows it, in the server's language; a no-op sink otherwise. */
export function progressFor(connection: Connection, caps: ClientCapabilities, locale: () => Locale = () => DEFAULT_LOCALE): () => Promise<ProgressSink> {
  return async () => {
    if (caps.window?.workDoneProgress !== true) return { begin() {}, report() {}, done() {} };
    const reporter = await connection.window.createWorkDoneProgress();
    return {
      begin: (total) => reporter.begin(render(locale(), ref('progressIndexing')), 0, render(locale(), ref('progressMarkdownFiles', { count: total })), false),
      report: (done, total) => reporter.report(Math.floor((100 * done) / Math.max(1, total)), render(locale(), ref('progressFiles', { done, total }))),
      done: () => reporter.done(),
    };
  };
}

/** Registers the Markdown file watcher where the client allows dynamic registration. */
export function registerWatcher(connection: Connection, caps: ClientCapabilities): void {
  if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration !== true) return;
  void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_GLOB }] });
}

/** Debounced `digest/papersChanged`. */
export function papersChangedNotifier(connection: Connection): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void connection.sendNotification(PAPERS_CHANGED_NOTIFICATION);
    }, PAPERS_CHANGED_DELAY_MS);
  };
}

function changeKind(type: FileChangeType): FileChange['kind'] {
  switch (type) {
    case FileChangeType.Created:
      return 'created';
    case FileChangeType.Changed:
      return 'changed';
    case FileChangeType.Deleted:
      return 'deleted';
    default:
      return 'changed';
  }
}

export function registerWorkspaceHandlers(w: WorkspaceWiring): void {
  const { connection, documents, service, indexer, safely } = w;

  const modelAt = async (uri: string) => {
    const doc = documents.get(uri);
    return doc ? service.getModel(doc, await w.settingsFor(uri)) : undefined;
  };

  connection.onWorkspaceSymbol(safely('workspaceSymbol', [] as SymbolInformation[], (params) => {
    if (!indexer.isEnabled) return [];
    return indexer.index.searchSymbols(params.query).map(({ listing: l }): SymbolInformation => ({
      name: l.title || '(untitled paper)',
      kind: SymbolKind.Class,
      containerName: [l.date ?? l.day, l.id].filter((s) => s).join(' · '),
      location: { uri: l.uri, range: { start: { line: l.line, character: 0 }, end: { line: l.line, character: l.headingEnd } } },
    }));
  }));

  connection.onReferences(safely('references', [] as Location[], async (params) => {
    const view = indexer.view();
    const model = await modelAt(params.textDocument.uri);
    if (!view || !model) return [];
    indexer.openChanged(model.uri, model);
    return findReferences(model, params.position, view);
  }));

  connection.onDefinition(safely('definition', null as Location | null, async (params) => {
    const view = indexer.view();
    const model = await modelAt(params.textDocument.uri);
    if (!view || !model) return null;
    indexer.openChanged(model.uri, model);
    return findDefinition(model, params.position, view) ?? null;
  }));

  connection.onRequest(PAPERS_REQUEST, safely('papers', { indexing: false, days: [] } as PapersResult, (params: PapersParams | undefined) =>
    indexer.isEnabled ? papersTree(indexer.index.files(), params ?? {}, indexer.indexing) : { indexing: false, days: [] },
  ));

  connection.onRequest(INDEX_STATUS_REQUEST, (): IndexStatus => {
    const files = indexer.index.files();
    return { enabled: indexer.isEnabled, indexing: indexer.indexing, files: files.length, papers: files.reduce((n, f) => n + f.papers.length, 0) };
  });

  // One handler per notification: a second registration would replace this one.
  connection.onDidChangeWatchedFiles(safely('didChangeWatchedFiles', undefined, async (params) => {
    w.onWatchedFiles?.(params.changes.map((c) => c.uri));
    await indexer.filesChanged(params.changes.map((c) => ({ kind: changeKind(c.type), uri: c.uri })));
  }));
}
