// The LSP adapter: wires the pure core to a connection. Runs over stdio
// (`node server.js --stdio`) for any editor, or IPC when VS Code starts it.

import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createLanguageService } from './core';
import { toCodeActions, toDiagnostic, toDocumentSymbol, toHover } from './lsp/convert';
import { SettingsStore } from './lsp/settingsStore';
import { completionOptions, provideCompletions } from './lsp/completion';
import { TrackedDocument } from './lsp/trackedDocument';

export const SERVER_NAME = 'digest-language-server';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments<TrackedDocument>({ create: TrackedDocument.create, update: TrackedDocument.update });
let workspaceFolders: string[] = [];
const service = createLanguageService({ workspaceFolders: () => workspaceFolders });
let settings = new SettingsStore(connection, false);
let canRegisterConfigChange = false;

/** A handler that logs and answers `fallback` instead of crashing the server. */
function safely<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      connection.console.error(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  settings = new SettingsStore(connection, caps.workspace?.configuration === true);
  canRegisterConfigChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
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
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      completionProvider: completionOptions,
    },
    serverInfo: { name: SERVER_NAME },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'digest' });
});

connection.onDidChangeConfiguration((change) => {
  if (change.settings && typeof change.settings === 'object' && 'digest' in change.settings) {
    settings.setGlobal((change.settings as { digest: unknown }).digest);
  } else {
    settings.clear();
  }
  for (const doc of documents.all()) scheduleValidation(doc);
});

// Coalesces bursts of edits: one validation per document per turn of the event loop.
const pending = new Map<string, NodeJS.Immediate>();

function scheduleValidation(doc: TrackedDocument): void {
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
  const docSettings = await settings.get(uri);
  const current = documents.get(uri);
  if (!current || current.version !== doc.version) return;
  const issues = service.computeDiagnostics(current, docSettings) ?? [];
  await connection.sendDiagnostics({ uri, version: current.version, diagnostics: issues.map((i) => toDiagnostic(i, uri)) });
});

documents.onDidOpen((e) => scheduleValidation(e.document));
documents.onDidChangeContent((e) => scheduleValidation(e.document));
documents.onDidClose((e) => {
  const queued = pending.get(e.document.uri);
  if (queued) clearImmediate(queued);
  pending.delete(e.document.uri);
  service.forget(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol(safely('documentSymbol', [], async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const docSettings = await settings.get(doc.uri);
  return service.getDocumentSymbols(doc, docSettings, token).map(toDocumentSymbol);
}));

connection.onHover(safely('hover', null, async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const docSettings = await settings.get(doc.uri);
  const hover = service.getHover(doc, params.position, docSettings, token);
  return hover ? toHover(hover) : null;
}));

connection.onFoldingRanges(safely('foldingRange', [], async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return service.getFoldingRanges(doc, await settings.get(doc.uri)).map((r) => ({ startLine: r.startLine, endLine: r.endLine }));
}));

connection.onCodeAction(safely('codeAction', [], (params) => toCodeActions(params.textDocument.uri, params.context.diagnostics)));

connection.onCompletion(safely('completion', [], (params, token) => provideCompletions(documents, service, (uri) => settings.get(uri), params, token)));

process.on('uncaughtException', (err) => connection.console.error(`Uncaught: ${err.stack ?? err.message}`));

documents.listen(connection);
connection.listen();
