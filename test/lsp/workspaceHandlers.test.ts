// The workspace handlers in-process, on a recording connection: symbol
// results, references and definition, the papers and status requests, watched
// files, the progress sink, the watcher registration and the debounced
// papersChanged notification. test/lsp/workspace.test.ts drives them through
// a running server.

import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType, type ClientCapabilities, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import { createLanguageService, defaultSettings, fileUri, INDEX_STATUS_REQUEST, PAPERS_CHANGED_NOTIFICATION, PAPERS_REQUEST, type DigestSettings } from '../../server/src/core';
import { papersChangedNotifier, progressFor, registerWatcher, registerWorkspaceHandlers, WATCHED_GLOB } from '../../server/src/lsp/workspace/handlers';
import { WorkspaceIndexer, type FileConfig, type IndexerHost } from '../../server/src/lsp/workspace/workspaceIndexer';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';
import { digestText } from '../helpers/digest';

type Handler = (...args: unknown[]) => unknown;

/** A connection that keeps each registered handler and what it sent. */
function recorder() {
  const handlers = new Map<string, Handler>();
  const sent: { method: string; params?: unknown }[] = [];
  const registered: { type: unknown; options: unknown }[] = [];
  const progress: string[] = [];
  const on = (name: string) => (h: Handler) => void handlers.set(name, h);
  const connection = {
    onWorkspaceSymbol: on('workspace/symbol'),
    onReferences: on('textDocument/references'),
    onDefinition: on('textDocument/definition'),
    onDidChangeWatchedFiles: on('workspace/didChangeWatchedFiles'),
    onRequest: (method: string, h: Handler) => void handlers.set(method, h),
    sendNotification: (method: string, params?: unknown) => (sent.push({ method, params }), Promise.resolve()),
    client: { register: (type: unknown, options: unknown) => (registered.push({ type, options }), Promise.resolve()) },
    window: {
      createWorkDoneProgress: async () => ({
        begin: (title: string, pct: number, message: string, cancellable: boolean) => progress.push(`begin ${title} ${pct} ${message} ${cancellable}`),
        report: (pct: number, message: string) => progress.push(`report ${pct} ${message}`),
        done: () => progress.push('done'),
      }),
    },
  } as unknown as Connection;
  return { connection, handlers, sent, registered, progress };
}

const safely = <A extends unknown[], R>(_name: string, _fallback: R, fn: (...args: A) => R | Promise<R>) => async (...args: A): Promise<R> => fn(...args);

class Host implements IndexerHost {
  settingsNow: DigestSettings = defaultSettings;
  constructor(readonly roots: string[]) {}
  folders() {
    return this.roots;
  }
  async settings() {
    return this.settingsNow;
  }
  fileConfig(): FileConfig {
    return { files: [], ignored: false };
  }
  log(): void {}
  changed(): void {}
  async progress() {
    return { begin() {}, report() {}, done() {} };
  }
}

describe('workspace handlers', () => {
  let dir: string;
  const early = () => join(dir, '2025-02-01.md');
  const later = () => join(dir, '2025-02-05.md');
  const SHARED = '2502.00042';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'digest-handlers-'));
    writeFileSync(early(), digestText('2025-02-01', [{ id: SHARED, title: 'Shared Paper' }, { id: '2502.00001', title: '' }, { id: '2502.00077', title: 'Unlinked Study', url: 'https://example.com/unlinked' }]));
    writeFileSync(later(), digestText('2025-02-05', [{ id: SHARED, title: 'Shared Paper Again' }]));
    mkdirSync(join(dir, 'sub'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function wired(enabled = true) {
    const rec = recorder();
    const host = new Host([dir]);
    host.settingsNow = { ...defaultSettings, workspaceIndex: enabled };
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    const open = new Map<string, TrackedDocument>();
    const documents = { get: (uri: string) => open.get(uri) } as unknown as TextDocuments<TrackedDocument>;
    const watched: string[][] = [];
    registerWorkspaceHandlers({ connection: rec.connection, documents, service: createLanguageService(), indexer, settingsFor: async () => defaultSettings, safely, onWatchedFiles: (uris) => watched.push([...uris]) });
    const turnOff = async () => {
      host.settingsNow = { ...defaultSettings, workspaceIndex: false };
      await indexer.refresh();
    };
    const call = <R>(method: string, params: unknown) => rec.handlers.get(method)!(params) as Promise<R>;
    const openDoc = (path: string, text: string) => open.set(fileUri(path), TrackedDocument.create(fileUri(path), 'markdown', 1, text));
    return { ...rec, indexer, call, openDoc, watched, turnOff };
  }

  test('workspace/symbol: title, the day and id as container, the heading as range; an untitled paper gets a placeholder name', async () => {
    const w = await wired();
    const hits = await w.call<{ name: string; kind: number; containerName: string; location: { uri: string; range: unknown } }[]>('workspace/symbol', { query: SHARED });
    const first = hits.find((h) => h.location.uri === fileUri(early()))!;
    assert.deepEqual(first, {
      name: 'Shared Paper',
      kind: 5,
      containerName: `2025-02-01 · ${SHARED}`,
      location: { uri: fileUri(early()), range: { start: { line: 2, character: 0 }, end: { line: 2, character: `### [Shared Paper](https://arxiv.org/abs/${SHARED})`.length } } },
    });
    const untitled = await w.call<{ name: string; containerName: string }[]>('workspace/symbol', { query: '2502.00001' });
    assert.equal(untitled[0]?.name, '(untitled paper)');
    assert.equal(untitled[0]?.containerName, '2025-02-01 · 2502.00001');
    // No arXiv id: the container is the day alone.
    const unlinked = await w.call<{ name: string; containerName: string }[]>('workspace/symbol', { query: 'unlinked study' });
    assert.deepEqual(unlinked.map((u) => [u.name, u.containerName]), [['Unlinked Study', '2025-02-01']]);
  });

  test('an index turned off after a crawl answers no symbols, though it still holds files', async () => {
    const w = await wired();
    assert.ok((await w.call<unknown[]>('workspace/symbol', { query: SHARED })).length > 0);
    await w.turnOff();
    assert.ok(w.indexer.index.files().length > 0);
    assert.deepEqual(await w.call('workspace/symbol', { query: SHARED }), []);
  });

  test('with the index off: no symbols, no references, no definition, an empty papers tree, and the status says so', async () => {
    const w = await wired(false);
    w.openDoc(later(), digestText('2025-02-05', [{ id: SHARED, title: 'Shared Paper Again' }]));
    const at = { textDocument: { uri: fileUri(later()) }, position: { line: 2, character: 10 } };
    assert.deepEqual(await w.call('workspace/symbol', { query: SHARED }), []);
    assert.deepEqual(await w.call('textDocument/references', at), []);
    assert.equal(await w.call('textDocument/definition', at), null);
    assert.deepEqual(await w.call(PAPERS_REQUEST, {}), { indexing: false, days: [] });
    assert.deepEqual(await w.call(INDEX_STATUS_REQUEST, undefined), { enabled: false, indexing: false, files: 0, papers: 0 });
  });

  test('references and definition from an open document, across files; nothing for a closed one', async () => {
    const w = await wired();
    const text = digestText('2025-02-05', [{ id: SHARED, title: 'Shared Paper Again' }]);
    const at = { textDocument: { uri: fileUri(later()) }, position: { line: 2, character: 10 }, context: { includeDeclaration: true } };
    assert.deepEqual(await w.call('textDocument/references', at), [], 'not open: no model');
    assert.equal(await w.call('textDocument/definition', at), null);
    w.openDoc(later(), text);
    const refs = await w.call<{ uri: string; range: { start: { line: number } } }[]>('textDocument/references', at);
    assert.equal(w.indexer.index.file(fileUri(later()))?.source, 'open', 'references put the open text in the index');
    assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[fileUri(early()), 2], [fileUri(later()), 2]]);
    const def = await w.call<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', at);
    assert.deepEqual([def.uri, def.range.start.line], [fileUri(early()), 2]);
    // The open document is now in the index as open.
    assert.equal(w.indexer.index.file(fileUri(later()))?.source, 'open');
  });

  test('the papers request: days newest first, a query filters, and no params means no filter', async () => {
    const w = await wired();
    const all = await w.call<{ indexing: boolean; days: { date?: string; papers: unknown[] }[] }>(PAPERS_REQUEST, undefined);
    assert.equal(all.indexing, false);
    assert.deepEqual(all.days.map((d) => [d.date, d.papers.length]), [['2025-02-05', 1], ['2025-02-01', 3]]);
    const some = await w.call<{ days: { date?: string }[] }>(PAPERS_REQUEST, { query: 'again' });
    assert.deepEqual(some.days.map((d) => d.date), ['2025-02-05']);
    assert.deepEqual(await w.call(INDEX_STATUS_REQUEST, undefined), { enabled: true, indexing: false, files: 2, papers: 4 });
  });

  test('watched files: each change kind reaches the index, and the server hears of every uri', async () => {
    const w = await wired();
    const fresh = join(dir, 'sub', '2025-02-09.md');
    writeFileSync(fresh, digestText('2025-02-09', [{ id: '2502.00009' }]));
    await w.call('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(fresh), type: FileChangeType.Created }] });
    assert.ok(w.indexer.index.file(fileUri(fresh)));
    writeFileSync(fresh, digestText('2025-02-09', [{ id: '2502.00010' }]));
    await w.call('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(fresh), type: FileChangeType.Changed }] });
    assert.deepEqual(w.indexer.index.file(fileUri(fresh))?.papers.map((p) => p.id), ['2502.00010']);
    // An unknown change type is read as a change.
    writeFileSync(fresh, digestText('2025-02-09', [{ id: '2502.00011' }]));
    await w.call('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(fresh), type: 99 }] });
    assert.deepEqual(w.indexer.index.file(fileUri(fresh))?.papers.map((p) => p.id), ['2502.00011']);
    rmSync(fresh);
    await w.call('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(fresh), type: FileChangeType.Deleted }] });
    assert.equal(w.indexer.index.file(fileUri(fresh)), undefined);
    assert.deepEqual(w.watched, [[fileUri(fresh)], [fileUri(fresh)], [fileUri(fresh)], [fileUri(fresh)]]);
  });

  test('a deleted folder reported by the watcher takes its digests out of the index', async () => {
    const w = await wired();
    const inSub = join(dir, 'sub', '2025-02-10.md');
    writeFileSync(inSub, digestText('2025-02-10', [{ id: '2502.00010' }]));
    await w.call('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(inSub), type: FileChangeType.Created }] });
    assert.ok(w.indexer.index.file(fileUri(inSub)));
    rmSync(inSub);
    await w.call('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'sub')), type: FileChangeType.Deleted }] });
    assert.equal(w.indexer.index.file(fileUri(inSub)), undefined);
  });
});

describe('progress, watcher registration, papersChanged', () => {
  const caps = (progress: boolean, dynamic: boolean): ClientCapabilities => ({ window: { workDoneProgress: progress }, workspace: { didChangeWatchedFiles: { dynamicRegistration: dynamic } } });

  test('progress goes to the client only when it shows work-done progress, with percentages and counts', async () => {
    const rec = recorder();
    const none = await progressFor(rec.connection, caps(false, false))();
    none.begin(3);
    none.report(1, 3);
    none.done();
    assert.deepEqual(rec.progress, []);
    const sink = await progressFor(rec.connection, caps(true, false))();
    sink.begin(3);
    sink.report(1, 3);
    sink.report(2, 3);
    sink.report(0, 0);
    sink.done();
    assert.deepEqual(rec.progress, ['begin Indexing digests 0 3 Markdown files false', 'report 33 1/3 files', 'report 66 2/3 files', 'report 0 0/0 files', 'done']);
    const ko = recorder();
    const korean = await progressFor(ko.connection, caps(true, false), () => 'ko')();
    korean.begin(1);
    assert.match(ko.progress[0]!, /[가-힣]/);
  });

  test('the Markdown watcher is registered only where the client allows dynamic registration', () => {
    const no = recorder();
    registerWatcher(no.connection, caps(false, false));
    assert.deepEqual(no.registered, []);
    const yes = recorder();
    registerWatcher(yes.connection, caps(false, true));
    assert.deepEqual(yes.registered.map((r) => r.options), [{ watchers: [{ globPattern: WATCHED_GLOB }] }]);
    assert.equal(WATCHED_GLOB, '**/*.{md,markdown}');
  });

  test('papersChanged is sent once, 200 ms after the last of a burst of changes', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const rec = recorder();
      const changed = papersChangedNotifier(rec.connection);
      changed();
      mock.timers.tick(150);
      changed();
      mock.timers.tick(199);
      assert.deepEqual(rec.sent, [], 'the second change restarted the wait');
      mock.timers.tick(1);
      assert.deepEqual(rec.sent, [{ method: PAPERS_CHANGED_NOTIFICATION, params: undefined }]);
      changed();
      mock.timers.tick(200);
      assert.equal(rec.sent.length, 2, 'a later change is announced again');
    } finally {
      mock.timers.reset();
    }
  });
});
