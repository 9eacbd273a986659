// The workspace index follows .digest-lint.jsonc as the CLI does: `ignores`
// keeps a file out of cross-day results and symbols, `files` brings in a
// digest without a day heading, and a change to the config file re-crawls.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { fileUri, type PapersResult } from '../../server/src/core';
import { digestText } from '../helpers/digest';
import { ensureServerBuilt, LspClient, until } from '../helpers/lspClient';

const SHARED = '2502.00077';
const HEADINGLESS = '2502.00088';
const SLOW = { timeout: 120_000 };
const CHANGED = 2;

const crossDayUris = (p: PublishDiagnosticsParams): string[] =>
  p.diagnostics.filter((d) => d.code === 'listed-on-another-day').flatMap((d) => d.relatedInformation?.map((r) => r.location.uri) ?? []);

before(() => ensureServerBuilt());

describe('workspace index and .digest-lint.jsonc', SLOW, () => {
  let dir: string;
  let client: LspClient;
  let configPath: string;
  const paper = (title: string, id = SHARED) => ({ id, title });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-ws-config-'));
    mkdirSync(join(dir, 'days'));
    mkdirSync(join(dir, 'archive'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'days', '2025-02-10.md'), digestText('2025-02-10', [paper('Listed Today')]));
    writeFileSync(join(dir, 'archive', '2025-02-01.md'), digestText('2025-02-01', [paper('Listed In The Archive')]));
    writeFileSync(join(dir, 'notes', 'reading.md'), `### [Headingless Note Paper](https://arxiv.org/abs/${HEADINGLESS})\n\nAuthors: Nobody\n`);
    configPath = join(dir, '.digest-lint.jsonc');
    writeFileSync(configPath, '{ "ignores": ["archive/**"], "files": ["notes/*.md"] }\n');

    client = LspClient.start();
    client.connection.onRequest('client/registerCapability', () => null);
    const folder = fileUri(dir);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await client.notify('initialized', {});
    await until('the first crawl', async () => {
      const r = await client.request<PapersResult>('digest/papers', {});
      return r.indexing || r.days.length === 0 ? undefined : r;
    });
  });

  after(async () => {
    await client?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('an ignored file lists nothing; a file named by `files` is indexed without a day heading', async () => {
    const tree = await client.request<PapersResult>('digest/papers', {});
    // The archive's day is absent; the note's paper, above any day heading, is listed under its file name.
    assert.deepEqual(tree.days.map((d) => [d.date, d.label]), [['2025-02-10', 'Daily Papers (2025-02-10)'], [null, 'reading.md']]);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: SHARED });
    assert.deepEqual(found.map((s) => s.location.uri), [fileUri(join(dir, 'days', '2025-02-10.md'))]);
    const note = await client.request<SymbolInformation[]>('workspace/symbol', { query: HEADINGLESS });
    assert.deepEqual(note.map((s) => s.name), ['Headingless Note Paper']);
  });

  test('the open digest gets no cross-day report from the ignored file, until the config stops ignoring it', async () => {
    const uri = fileUri(join(dir, 'days', '2025-02-10.md'));
    const opened = await client.open(uri, digestText('2025-02-10', [paper('Listed Today')]));
    assert.deepEqual(crossDayUris(opened), []);

    const archive = fileUri(join(dir, 'archive', '2025-02-01.md'));
    writeFileSync(configPath, '{ "files": ["notes/*.md"] }\n');
    const next = client.diagnostics(uri, (p) => crossDayUris(p).includes(archive));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: CHANGED }] });
    await next;
  });
});
