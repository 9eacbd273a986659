// The server's fix-all action, codeAction/resolve, config-file diagnostics and
// re-checks on settings and config changes, over stdio against a temp workspace.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, InitializeResult, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol/node';
import { createLanguageService, fixAllText, type Issue } from '../../server/src/core';
import { tempTree } from '../helpers/cli';
import { applyEdits, digestText, doc } from '../helpers/digest';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const SLOW = { timeout: 120_000 };
const FIX_ALL = 'source.fixAll.digest';

const defects = digestText('2025-02-03', [
  { id: '2502.00917', title: 'Typo', url: 'https://arxiv.org/abs/2502.O0917' },
  { id: '2502.00001', title: 'Pdf', url: 'https://arxiv.org/pdf/2502.00001' },
  { id: '2502.00002', title: 'Dash', vote: '-' },
]);

function init(root: string, resolve: boolean, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const uri = pathToFileURL(root).href;
  return {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        codeAction: resolve ? { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } : {},
      },
    },
    ...extra,
  };
}

const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code)).sort();

async function start(root: string, resolve: boolean): Promise<LspClient> {
  const client = LspClient.start();
  await client.request<InitializeResult>('initialize', init(root, resolve));
  await client.notify('initialized', {});
  return client;
}

function edits(action: CodeAction | undefined, uri: string): TextEdit[] {
  return action?.edit?.changes?.[uri] ?? [];
}

/** A code action request for the whole file, as a save or the Source Action menu sends it. */
function sourceActions(client: LspClient, uri: string, only: string[]): Promise<CodeAction[]> {
  const start = { line: 0, character: 0 };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start, end: start }, context: { diagnostics: [], only, triggerKind: 2 } });
}

before(() => ensureServerBuilt());

/** A temp workspace and a server on it, for one describe block; `client()` is valid inside its tests. */
function workspace(files: Record<string, string>, resolve: boolean): { root: string; client: () => LspClient } {
  const tree = tempTree(files);
  let client: LspClient | undefined;
  before(async () => {
    client = await start(tree.root, resolve);
  });
  after(async () => {
    await client?.kill();
    tree.dispose();
  });
  return { root: tree.root, client: () => client! };
}

describe('fix-all and codeAction/resolve', SLOW, () => {
  const ws = workspace({ 'd.md': defects }, true);
  const tree = { root: ws.root };
  const uri = pathToFileURL(join(tree.root, 'd.md')).href;

  test('announces the fix-all kind and resolve support', async () => {
    const c = LspClient.start();
    try {
      const r = await c.request<InitializeResult>('initialize', init(tree.root, true));
      const p = r.capabilities.codeActionProvider;
      assert.ok(p && typeof p === 'object');
      assert.deepEqual(p.codeActionKinds, ['quickfix', FIX_ALL]);
      assert.equal(p.resolveProvider, true);
    } finally {
      await c.kill();
    }
  });

  test('source.fixAll lists one action without edits; resolve computes them; applying them fixes every certain issue', async () => {
    const published = await ws.client().open(uri, defects);
    const actions = await sourceActions(ws.client(), uri, ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL]);
    assert.equal(actions[0]?.edit, undefined, 'edits are left to codeAction/resolve');
    const resolved = await ws.client().request<CodeAction>('codeAction/resolve', actions[0]);
    const fixed = applyEdits(defects, edits(resolved, uri));
    const lint = (t: string): Issue[] => createLanguageService().computeDiagnostics(doc(t, uri)) ?? [];
    assert.equal(fixed, fixAllText(defects, lint).text);
    assert.deepEqual(lint(fixed).map((i) => i.rule), ['invalid-vote']);
    assert.ok(published.diagnostics.length === 3);

    // After the edit is applied, nothing is left to fix: no action.
    const next = ws.client().diagnosticsFor(uri, 2);
    await ws.client().notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(codes(await next), ['invalid-vote']);
    const none = await sourceActions(ws.client(), uri, [FIX_ALL]);
    assert.deepEqual(none, []);
  });

  test('a quick fix that adds a section carries its snippet form in data', async () => {
    const text = digestText('2025-02-03', [{ id: '2502.00001', sections: ["***What's New***: a.", '***Performance Highlights***: c.'] }]);
    const sUri = uri.replace('d.md', 'sections.md');
    const published = await ws.client().open(sUri, text);
    const missing = published.diagnostics.find((d) => d.code === 'missing-section');
    assert.ok(missing);
    const actions = await ws.client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: sUri }, range: missing.range, context: { diagnostics: [missing] } });
    assert.deepEqual(actions[0]?.data, { uri: sUri, snippetEdits: [{ range: edits(actions[0], sUri)[0]?.range, snippet: '- ***Technical Details***: $0\n' }] });
  });

  test('a stale action (listed for an older version) resolves to no edit', async () => {
    const stale = { title: 'x', kind: FIX_ALL, data: { kind: FIX_ALL, uri, version: 1 } };
    const resolved = await ws.client().request<CodeAction>('codeAction/resolve', stale);
    assert.equal(resolved.edit, undefined);
  });

  test('a quickfix request does not get the source action', async () => {
    const actions = await sourceActions(ws.client(), uri, ['quickfix']);
    assert.deepEqual(actions, []);
  });
});

describe('fix-all for a client without resolve support', SLOW, () => {
  const ws = workspace({ 'd.md': defects }, false);
  const tree = { root: ws.root };
  const uri = pathToFileURL(join(tree.root, 'd.md')).href;

  test('the edits come with the action', async () => {
    await ws.client().open(uri, defects);
    const actions = await sourceActions(ws.client(), uri, [FIX_ALL]);
    assert.equal(actions.length, 1);
    assert.equal(edits(actions[0], uri).length, 2);
  });
});

describe('configuration files and settings', SLOW, () => {
  const badConfig = '{\n  "rules": {\n    "invalid-vote": "off",\n    "no-such-rule": "error"\n  }\n}\n';
  const ws = workspace({ '.digest-lint.jsonc': badConfig, 'digests/d.md': defects }, true);
  const tree = { root: ws.root };
  const uri = pathToFileURL(join(tree.root, 'digests', 'd.md')).href;
  const configUri = pathToFileURL(join(tree.root, '.digest-lint.jsonc')).href;

  test('a bad config file gets a diagnostic at the position; its valid entries still apply', async () => {
    const configDiags = ws.client().diagnostics(configUri, () => true);
    const published = await ws.client().open(uri, defects);
    assert.deepEqual(codes(published), ['malformed-arxiv-link', 'non-canonical-arxiv-link'], 'invalid-vote is off');
    const c = await configDiags;
    assert.equal(c.diagnostics.length, 1);
    assert.equal(c.diagnostics[0]?.code, 'config');
    assert.equal(c.diagnostics[0]?.source, 'digest');
    assert.match(c.diagnostics[0]?.message ?? '', /unknown rule "no-such-rule"/);
    assert.deepEqual(c.diagnostics[0]?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 18 } });
  });

  test('fixing the config file on disk and notifying re-checks open digests and clears its diagnostic', async () => {
    writeFileSync(join(tree.root, '.digest-lint.jsonc'), '{ "rules": { "non-canonical-arxiv-link": "error" } }');
    const cleared = ws.client().diagnostics(configUri, (p) => p.diagnostics.length === 0);
    const rechecked = ws.client().diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'invalid-vote'));
    await ws.client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const p = await rechecked;
    assert.deepEqual(codes(p), ['invalid-vote', 'malformed-arxiv-link', 'non-canonical-arxiv-link']);
    assert.equal(p.diagnostics.find((d) => d.code === 'non-canonical-arxiv-link')?.severity, 1, 'error, from the file');
    await cleared;
  });

  test('a settings change re-checks open digests; the config file still wins for the rules it names', async () => {
    ws.client().digestSettings = { rules: { 'invalid-vote': 'off', 'non-canonical-arxiv-link': 'off' } };
    const rechecked = ws.client().diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'invalid-vote'));
    await ws.client().notify('workspace/didChangeConfiguration', { settings: null });
    const p = await rechecked;
    assert.deepEqual(codes(p), ['malformed-arxiv-link', 'non-canonical-arxiv-link']);
  });
});
