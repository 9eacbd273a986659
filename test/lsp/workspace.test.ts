// The workspace index over stdio, on a temp copy of test/workspace-fixture
// plus bad input written at run time: cross-day diagnostics that follow
// other files through didChangeWatchedFiles, workspace symbols, references,
// definition, the digest/papers request, progress and the log lines.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Location, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { fileUri, type PapersResult } from '../../server/src/core';
import { digestText, lineOf } from '../helpers/digest';
import { ensureServerBuilt, LspClient, until } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

const SHARED = '2501.00042';
const SLOW = { timeout: 120_000 };
const FILE_CHANGE = { created: 1, changed: 2, deleted: 3 } as const;

const crossDay = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'listed-on-another-day');

before(() => ensureServerBuilt());

describe('workspace index over stdio', SLOW, () => {
  let dir: string;
  let client: LspClient;
  const registrations: unknown[] = [];
  const progress: unknown[] = [];
  let uriA: string;
  let uriB: string;
  let textB: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-ws-'));
    cpSync(join(REPO_ROOT, 'test', 'workspace-fixture'), dir, { recursive: true });
    // Bad input: none of it may crash the crawl or hide the good files.
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x23, 0x20, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('## Daily Papers (2025-01-09)\n\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    mkdirSync(join(dir, 'folder.md'));
    symlinkSync(dir, join(dir, 'days', 'loop'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', '2025-01-01.md'), digestText('2025-01-01', [{ id: SHARED, title: 'In node_modules' }]));
    writeFileSync(join(dir, 'days', 'x.draft.md'), digestText('2025-01-01', [{ id: SHARED, title: 'Ignored draft' }]));
    writeFileSync(join(dir, 'huge.md'), `## Daily Papers (2025-01-01)\n\n${'x'.repeat(6 * 1024 * 1024)}\n`);
    uriA = fileUri(join(dir, 'days', '2025-01-10.md'));
    uriB = fileUri(join(dir, 'days', '2025-01-12.md'));
    textB = readFileSync(join(dir, 'days', '2025-01-12.md'), 'utf8');

    client = LspClient.start();
    client.connection.onRequest('client/registerCapability', (p: unknown) => {
      registrations.push(p);
      return null;
    });
    client.connection.onNotification('$/progress', (p: unknown) => progress.push(p));
    const folder = fileUri(dir);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: folder,
      // The same folder twice, overlapping: indexed once.
      workspaceFolders: [{ uri: folder, name: 'ws' }, { uri: fileUri(join(dir, 'days')), name: 'days' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await client.notify('initialized', {});
    await until('the first crawl', async () => {
      const r = await client.request<PapersResult>('digest/papers', {});
      return r.indexing || r.days.length < 2 ? undefined : r;
    });
  });

  after(async () => {
    await client?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the server registers a Markdown file watcher and reports work-done progress', () => {
    assert.match(JSON.stringify(registrations), /workspace\/didChangeWatchedFiles.*\*\*\/\*\.\{md,markdown\}/);
    assert.ok(progress.some((p) => JSON.stringify(p).includes('"kind":"begin"')), JSON.stringify(progress));
    assert.ok(progress.some((p) => JSON.stringify(p).includes('"kind":"end"')));
  });

  test('bad input is logged and skipped; ignored folders stay out', async () => {
    const logs = client.logs.map((l) => l.message).join('\n');
    assert.match(logs, /binary\.md: binary content/);
    assert.match(logs, /latin1\.md: not valid UTF-8/);
    assert.match(logs, /huge\.md: 6\.0 MB, over the 5 MB limit/);
    assert.match(logs, /symlink .*loop.* leads to a folder already indexed/);
    assert.match(logs, /lies inside another workspace folder/);
    assert.ok(client.alive);
    const r = await client.request<PapersResult>('digest/papers', {});
    assert.deepEqual(r.days.map((d) => d.date), ['2025-01-12', '2025-01-10']);
  });

  test('the custom request: days newest first, papers with title, id, votes and heading range', async () => {
    const r = await client.request<PapersResult>('digest/papers', {});
    assert.equal(r.indexing, false);
    const newest = r.days[0]!;
    assert.equal(newest.uri, uriB);
    assert.deepEqual(newest.papers.map((p) => [p.title, p.id, p.votes, p.range.start.line]), [
      ['Reasoning with Synthetic Data', '2501.00002', '9', 2],
      ['Low-Rank Adapters for Digest Models', SHARED, '31', lineOf(textB, 'Low-Rank')],
    ]);
    const filtered = await client.request<PapersResult>('digest/papers', { query: 'turing' });
    assert.deepEqual(filtered.days.map((d) => d.papers.map((p) => p.id)), [['2501.00002']]);
  });

  test('workspace/symbol by id (with vN), title words and author; exact id first', async () => {
    const byId = await client.request<SymbolInformation[]>('workspace/symbol', { query: `${SHARED}v7` });
    assert.deepEqual(byId.map((s) => [s.name, s.location.uri, s.containerName]), [
      ['Low-Rank Adapters for Digest Models', uriB, `2025-01-12 · ${SHARED}`],
      ['Low-Rank Adapters for Digest Models', uriA, `2025-01-10 · ${SHARED}`],
    ]);
    const byTitle = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'sparse attention' });
    assert.deepEqual(byTitle.map((s) => s.name), ['Sparse Attention at Scale']);
    const textA = readFileSync(join(dir, 'days', '2025-01-10.md'), 'utf8');
    assert.deepEqual(byTitle[0]!.location.range.start, { line: lineOf(textA, 'Sparse Attention'), character: 0 });
    const byAuthor = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'grace hopper' });
    assert.deepEqual(byAuthor.map((s) => s.name), ['Sparse Attention at Scale']);
  });

  test('cross-day diagnostics follow the other file through didChangeWatchedFiles', async () => {
    const opened = await client.open(uriB, textB);
    const [diag] = crossDay(opened);
    assert.ok(diag, JSON.stringify(opened.diagnostics));
    assert.equal(diag.severity, 3);
    assert.equal(diag.range.start.line, lineOf(textB, SHARED));
    assert.deepEqual(diag.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uriA, 2]]);

    // The earlier day drops the paper on disk: the diagnostic goes.
    const pathA = join(dir, 'days', '2025-01-10.md');
    writeFileSync(pathA, digestText('2025-01-10', [{ id: '2501.00001', title: 'Sparse Attention at Scale' }]));
    let next = client.diagnostics(uriB, (p) => crossDay(p).length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriA, type: FILE_CHANGE.changed }] });
    await next;

    // A new earlier file lists it: back, pointing at the new file.
    const pathC = join(dir, 'days', '2025-01-11.md');
    const uriC = fileUri(pathC);
    writeFileSync(pathC, digestText('2025-01-11', [{ id: SHARED, title: 'Low-Rank Adapters for Digest Models' }]));
    next = client.diagnostics(uriB, (p) => crossDay(p).some((d) => d.relatedInformation?.[0]?.location.uri === uriC));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriC, type: FILE_CHANGE.created }] });
    await next;

    // Renamed, to a .markdown name (Markdown too): the diagnostic follows the new name.
    const pathD = join(dir, 'days', 'renamed.markdown');
    const uriD = fileUri(pathD);
    renameSync(pathC, pathD);
    next = client.diagnostics(uriB, (p) => crossDay(p).some((d) => d.relatedInformation?.[0]?.location.uri === uriD));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriC, type: FILE_CHANGE.deleted }, { uri: uriD, type: FILE_CHANGE.created }] });
    await next;

    // Deleted: gone.
    unlinkSync(pathD);
    next = client.diagnostics(uriB, (p) => crossDay(p).length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriD, type: FILE_CHANGE.deleted }] });
    await next;

    // Restore A for the tests after this one.
    cpSync(join(REPO_ROOT, 'test', 'workspace-fixture', 'days', '2025-01-10.md'), pathA);
    next = client.diagnostics(uriB, (p) => crossDay(p).length === 1);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriA, type: FILE_CHANGE.changed }] });
    await next;
  });

  test('an open document\'s text wins over its disk copy, for the other open digests too', async () => {
    const textA = readFileSync(join(dir, 'days', '2025-01-10.md'), 'utf8');
    await client.open(uriA, textA);
    const cleared = client.diagnostics(uriB, (p) => crossDay(p).length === 0);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: uriA, version: 2 },
      contentChanges: [{ text: textA.replaceAll(SHARED, '2501.00099') }],
    });
    await cleared;
    const back = client.diagnostics(uriB, (p) => crossDay(p).length === 1);
    await client.notify('textDocument/didClose', { textDocument: { uri: uriA } });
    await back;
  });

  test('references and definition from the heading, the id and the thumbnail', async () => {
    const line = lineOf(textB, SHARED);
    const idColumn = textB.split('\n')[line]!.indexOf(SHARED) + 3;
    for (const position of [{ line, character: 1 }, { line, character: idColumn }, { line: lineOf(textB, `papers/${SHARED}`), character: 10 }]) {
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uriB }, position, context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[uriA, 2], [uriB, line]]);
      const def = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: uriB }, position });
      assert.deepEqual([def?.uri, def?.range.start.line], [uriA, 2]);
    }
    const none = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uriB }, position: { line: 0, character: 3 }, context: { includeDeclaration: true } });
    assert.deepEqual(none, []);
  });

  test('the hover card names the other day with a link to it', async () => {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriB }, position: { line: lineOf(textB, SHARED), character: 5 } });
    assert.match(hover?.contents.value ?? '', new RegExp(`Also listed on \\[2025\\\\-01\\\\-10\\]\\(<${uriA.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L3>\\)`));
  });

  test('turning digest.workspace.index off drops the cross-day diagnostics and empties the symbols', async () => {
    client.digestSettings = { workspace: { index: false } };
    const cleared = client.diagnostics(uriB, (p) => crossDay(p).length === 0);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await cleared;
    assert.deepEqual(await client.request('workspace/symbol', { query: SHARED }), []);
    client.digestSettings = {};
    const back = client.diagnostics(uriB, (p) => crossDay(p).length === 1);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await back;
  });
});
