// The LSP adapter: wires the pure core to a connection. Runs over stdio
// (`node server.js --stdio`) for any editor, or IPC when VS Code starts it.

import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, createLanguageService, DEFAULT_LOCALE, localize, type Locale } from './core';
import { toCodeActions, toDocumentSymbol, toHover } from './lsp/convert';
import { SettingsStore } from './lsp/settingsStore';
import { completionOptions, provideCompletions } from './lsp/completion';
import { TrackedDocument } from './lsp/trackedDocument';
import { DiagnosticCache } from './lsp/diagnosticCache';
import { createDigestConnection } from './lsp/connection';
import { throwIfCancelled, ValidationTokens, yieldToEventLoop } from './lsp/cancellation';
import { CONFIG_FILE_GLOB, DocumentConfigs, type DocumentConfig } from './lsp/documentConfig';
import { computeFixAllEdits, FIX_ALL_KIND, fixAllAction, isFixAllData, wantsFixAll } from './lsp/fixAll';
import { papersChangedNotifier, progressFor, registerWatcher, registerWorkspaceHandlers, serverCapabilities } from './lsp/workspace/handlers';
import { WorkspaceIndexer } from './lsp/workspace/workspaceIndexer';
import { registerBenchHooks } from './lsp/benchHooks';
import { chooseLocale } from './lsp/locale';
import { applyHeapFlags } from './lsp/heapFlags';

export const SERVER_NAME = 'digest-language-server';

applyHeapFlags();

const { connection, gate } = createDigestConnection();
const documents = new TextDocuments<TrackedDocument>({ create: TrackedDocument.create, update: TrackedDocument.update });
let workspaceFolders: string[] = [];
const service = createLanguageService({ workspaceFolders: () => workspaceFolders });
let settings = new SettingsStore(connection, false);
let canRegisterConfigChange = false;
const configs = new DocumentConfigs(connection, () => workspaceFolders, () => locale);
let canResolveEdits = false;
let canWatchFiles = false;
let clientCaps: ClientCapabilities = {};
/** The language of messages, hovers and outline details; fixed at initialize. */
let locale: Locale = DEFAULT_LOCALE;
const papersChanged = papersChangedNotifier(connection);
const indexer = new WorkspaceIndexer({
  folders: () => workspaceFolders,
  settings: () => settings.get(workspaceFolders[0] ? pathToFileURL(workspaceFolders[0]).href : ''),
  fileConfig: (path) => configs.forPath(path),
  log: (message, l10n) => connection.console.log(localize(locale, message, l10n)),
  changed: () => revalidateOpen(undefined),
  progress: () => progressFor(connection, clientCaps, () => locale)(),
});

/** The editor settings with the document's .digest-lint.jsonc over them, as the CLI resolves it. */
async function settingsFor(uri: string): Promise<DocumentConfig> {
  return configs.forDocument(uri, await settings.get(uri));
}

/** The index changed: other open digests may gain or lose cross-day diagnostics, and the papers view is stale. */
function revalidateOpen(except: string | undefined): void {
  for (const doc of documents.all()) if (doc.uri !== except) scheduleValidation(doc);
  papersChanged();
}

/** A handler that logs and answers `fallback` instead of crashing the server. */
function safely<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  clientCaps = caps;
  locale = chooseLocale(params, process.argv);
  settings = new SettingsStore(connection, caps.workspace?.configuration === true);
  canRegisterConfigChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canResolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  canWatchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.flatMap((uri) => {
    try {
      return [fileURLToPath(uri)];
    } catch {
      return [];
    }
  });
  if (params.initializationOptions) settings.setGlobal(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Daily Papers Digest' },
      hoverProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true },
      completionProvider: completionOptions,
      ...serverCapabilities(),
    },
    serverInfo: { name: SERVER_NAME },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'digest' });
  if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] });
  registerWatcher(connection, clientCaps);
  void indexer.refresh();
});

connection.onDidChangeConfiguration((change) => {
  if (change.settings && typeof change.settings === 'object' && 'digest' in change.settings) {
    settings.setGlobal((change.settings as { digest: unknown }).digest);
  } else {
    settings.clear();
  }
  for (const doc of documents.all()) scheduleValidation(doc);
  void indexer.refresh();
});

/** A config file changed on disk: resolve again and re-check every open digest. */
function configFilesChanged(uris: readonly string[]): void {
  if (!uris.some((uri) => CONFIG_FILE_NAMES.some((name) => uri.endsWith(`/${name}`)))) return;
  configs.clear();
  for (const doc of documents.all()) scheduleValidation(doc);
  void indexer.configChanged();
}

// Coalesces bursts of edits: one validation per document per turn of the event loop.
const pending = new Map<string, NodeJS.Immediate>();

const validations = new ValidationTokens();
const diagnosticCache = new DiagnosticCache();

function scheduleValidation(doc: TrackedDocument): void {
  // A newer version aborts the validation of an older one.
  validations.cancel(doc.uri);
  const queued = pending.get(doc.uri);
  if (queued) clearImmediate(queued);
  pending.set(doc.uri, setImmediate(() => {
    pending.delete(doc.uri);
    void validate(doc.uri);
  }));
}

const validate = safely('validation', undefined, async (uri: string) => {
  const doc = documents.get(uri);
  if (!doc) return;
  // The document object is updated in place, so remember the version this validation is for.
  const version = doc.version;
  const token = validations.next(uri);
  const { settings: docSettings, ignored } = await settingsFor(uri);
  // Let queued messages in: a newer version arriving now cancels this validation.
  await yieldToEventLoop();
  const current = documents.get(uri);
  if (token.isCancellationRequested || !current || current.version !== version) return;
  // After shutdown the server publishes nothing more.
  if (gate?.isShutDown) return;
  const view = indexer.view();
  if (view && indexer.openChanged(uri, ignored ? undefined : service.getModel(current, docSettings))) revalidateOpen(uri);
  const issues = ignored ? [] : service.computeDiagnostics(current, docSettings, token, view);
  if (!issues || token.isCancellationRequested) return;
  await connection.sendDiagnostics({ uri, version: current.version, diagnostics: diagnosticCache.convert(issues, uri, locale) });
});

documents.onDidOpen((e) => {
  // A second open without a close is a fresh open, even at the same version.
  service.forget(e.document.uri);
  scheduleValidation(e.document);
});
documents.onDidChangeContent((e) => {
  const doc = e.document;
  const sync = doc.takeSyncReport();
  if (sync.problem) connection.console.error(sync.problem);
  if (doc.isDesynchronised) return;
  // The core caches one model per version: a change that keeps the version starts afresh.
  if (sync.versionReused) service.forget(doc.uri);
  scheduleValidation(doc);
});
documents.onDidClose((e) => {
  validations.cancel(e.document.uri);
  const queued = pending.get(e.document.uri);
  if (queued) clearImmediate(queued);
  pending.delete(e.document.uri);
  service.forget(e.document.uri);
  if (indexer.closed(e.document.uri)) revalidateOpen(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol(safely('documentSymbol', [], async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const docSettings = (await settingsFor(doc.uri)).settings;
  await yieldToEventLoop();
  throwIfCancelled(token);
  const symbols = service.getDocumentSymbols(doc, docSettings, token, locale);
  throwIfCancelled(token);
  return symbols.map(toDocumentSymbol);
}));

connection.onHover(safely('hover', null, async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const docSettings = (await settingsFor(doc.uri)).settings;
  await yieldToEventLoop();
  throwIfCancelled(token);
  const hover = service.getHover(doc, params.position, docSettings, token, indexer.view(), locale);
  throwIfCancelled(token);
  return hover ? toHover(hover) : null;
}));

connection.onFoldingRanges(safely('foldingRange', [], async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const docSettings = (await settingsFor(doc.uri)).settings;
  await yieldToEventLoop();
  throwIfCancelled(token);
  const ranges = service.getFoldingRanges(doc, docSettings, token);
  throwIfCancelled(token);
  return ranges.map((r) => ({ startLine: r.startLine, endLine: r.endLine }));
}));

connection.onCodeAction(safely('codeAction', [], async (params, token) => {
  await yieldToEventLoop();
  throwIfCancelled(token);
  const actions = toCodeActions(params.textDocument.uri, params.context.diagnostics);
  const only = params.context.only;
  const doc = documents.get(params.textDocument.uri);
  // Fix-all is a source action: offered when asked for (on save, the Source Action menu, our command).
  if (!doc || !only || !wantsFixAll(only)) return actions;
  const { settings: docSettings, ignored } = await settingsFor(doc.uri);
  throwIfCancelled(token);
  const issues = ignored ? [] : (service.computeDiagnostics(doc, docSettings, token) ?? []);
  throwIfCancelled(token);
  const fixAll = fixAllAction(doc, issues, canResolveEdits, () => computeFixAllEdits(doc, docSettings, () => workspaceFolders), locale);
  const quickFixes = only.includes('quickfix') ? actions : [];
  return fixAll ? [...quickFixes, fixAll] : quickFixes;
}));

connection.onCodeActionResolve(async (action) => {
  try {
    const data = action.data;
    const doc = isFixAllData(data) ? documents.get(data.uri) : undefined;
    // A stale action (the document changed since it was listed) resolves to no edit.
    if (!isFixAllData(data) || !doc || doc.version !== data.version) return action;
    const docSettings = (await settingsFor(doc.uri)).settings;
    return { ...action, edit: { changes: { [doc.uri]: computeFixAllEdits(doc, docSettings, () => workspaceFolders) } } };
  } catch (err) {
    connection.console.error(`codeAction/resolve failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return action;
  }
});

registerWorkspaceHandlers({ connection, documents, service, indexer, settingsFor: async (uri) => (await settingsFor(uri)).settings, safely, onWatchedFiles: configFilesChanged });

connection.onCompletion(safely('completion', [], (params, token) => provideCompletions(documents, service, async (uri) => (await settingsFor(uri)).settings, params, token, locale)));

process.on('uncaughtException', (err) => connection.console.error(`Uncaught: ${err.stack ?? err.message}`));

registerBenchHooks(connection);
documents.listen(connection);
connection.listen();
