// Drives the bundled server (`node server/out/server.js --stdio`) over stdio
// the way an editor does, and checks what comes back on the wire.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { createLanguageService, DEFAULT_REQUIRED_SECTIONS, normalizeSettings } from '../../server/src/core';
import { applyEdits, bigDigest, digestText, doc, lineOf, paperText, rangeOf, thumbnailFor } from '../helpers/digest';
import { ensureServerBuilt, LspClient, TIMEOUT_MS } from '../helpers/lspClient';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
const SLOW = { timeout: 120_000 };

function initializeParams(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    processId: process.pid,
    rootUri: 'file:///work/test-workspace',
    workspaceFolders: [{ uri: 'file:///work/test-workspace', name: 'test-workspace' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
    ...extra,
  };
}

/** What the core says for the same text, in the wire format. */
function expectedWire(text: string, uri: string, settings: unknown = {}): { code: string; range: Diagnostic['range']; message: string; severity: number }[] {
  const issues = createLanguageService().computeDiagnostics(doc(text, uri), normalizeSettings(settings)) ?? [];
  return issues.map((i) => ({ code: i.rule, range: i.range, message: i.message, severity: SEVERITY[i.severity] }));
}

const wire = (p: PublishDiagnosticsParams): { code: string; range: Diagnostic['range']; message: string; severity: number }[] =>
  p.diagnostics.map((d) => ({ code: String(d.code), range: d.range, message: d.message, severity: d.severity ?? 0 }));

const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code)).sort();

before(() => ensureServerBuilt());

describe('language server over stdio', SLOW, () => {
  let client: LspClient;
  let init: InitializeResult;

  before(async () => {
    client = LspClient.start();
    init = await client.request<InitializeResult>('initialize', initializeParams());
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.kill();
  });

  test('initialize announces incremental sync, symbols, hover and quick fixes', () => {
    const sync = init.capabilities.textDocumentSync;
    assert.ok(sync && typeof sync === 'object', 'textDocumentSync options');
    assert.equal(sync.change, 2, 'TextDocumentSyncKind.Incremental');
    assert.equal(sync.openClose, true);
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.equal(init.capabilities.hoverProvider, true);
    const actions = init.capabilities.codeActionProvider;
    assert.ok(actions && typeof actions === 'object' && actions.codeActionKinds?.includes('quickfix'));
    assert.ok(init.serverInfo?.name);
  });

  describe('a digest, edited like in an editor', () => {
    const uri = 'file:///work/test-workspace/2025-01-23.md';
    let text = [
      '## Daily Papers (2025-01-23)',
      '',
      paperText({ id: '2501.40001', url: 'https://arxiv.org/pdf/2501.40001', title: 'Server Test Paper', vote: '12', authors: 'Ada Lovelace, Alan Turing, Ada Lovelace', sections: ["***What's New***: Talking LSP over stdio.", '***Technical Details***: Content-Length framing.'] }),
    ].join('\n');
    let opened: PublishDiagnosticsParams;

    before(async () => {
      opened = await client.open(uri, text, 1);
    });

    test('didOpen publishes diagnostics for version 1 with source "digest", codes and exact ranges', () => {
      assert.equal(opened.version, 1);
      assert.ok(opened.diagnostics.every((d) => d.source === 'digest'));
      assert.deepEqual(codes(opened), ['duplicate-author', 'missing-section', 'non-canonical-arxiv-link']);
      const byCode = (c: string): Diagnostic | undefined => opened.diagnostics.find((d) => d.code === c);
      assert.deepEqual(byCode('non-canonical-arxiv-link')?.range, rangeOf(text, 'https://arxiv.org/pdf/2501.40001'));
      assert.deepEqual(byCode('duplicate-author')?.range, rangeOf(text, 'Ada Lovelace', 1));
      assert.deepEqual(byCode('missing-section')?.range, rangeOf(text, 'Server Test Paper'));
      assert.equal(byCode('missing-section')?.severity, 1);
      assert.equal(byCode('non-canonical-arxiv-link')?.severity, 2);
      assert.match(byCode('missing-section')?.codeDescription?.href ?? '', /#missing-section$/);
      assert.deepEqual(wire(opened), expectedWire(text, uri));
    });

    test('related information reaches the client', () => {
      const dup = opened.diagnostics.find((d) => d.code === 'duplicate-author');
      assert.deepEqual(dup?.relatedInformation?.map((r) => [r.location.uri, r.location.range]), [[uri, rangeOf(text, 'Ada Lovelace')]]);
    });

    test('the server asked for the "digest" settings of this document', () => {
      assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.section === 'digest' && i.scopeUri === uri)), JSON.stringify(client.configurationRequests));
    });

    test('documentSymbol returns day > paper > sections', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.length, 1);
      const [day] = symbols;
      assert.equal(day?.name, 'Daily Papers (2025-01-23)');
      assert.equal(day?.kind, 3, 'SymbolKind.Namespace');
      const paper = day?.children?.[0];
      assert.equal(paper?.name, 'Server Test Paper');
      assert.equal(paper?.kind, 5, 'SymbolKind.Class');
      assert.equal(paper?.detail, 'arXiv:2501.40001 · 12 votes');
      assert.deepEqual(paper?.selectionRange, rangeOf(text, '### [Server Test Paper](https://arxiv.org/pdf/2501.40001)'));
      assert.deepEqual(paper?.children?.map((s) => [s.name, s.kind]), [["What's New", 8], ['Technical Details', 8]]);
    });

    test('hover over the heading returns the Markdown card', async () => {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 7 } });
      assert.ok(hover);
      const contents = hover.contents;
      assert.ok(typeof contents === 'object' && 'kind' in contents && contents.kind === 'markdown');
      assert.ok(contents.value.includes('Server Test Paper'));
      assert.ok(contents.value.includes('(https://arxiv.org/abs/2501.40001)'));
      assert.ok(contents.value.includes(`![thumbnail](${thumbnailFor('2501.40001')})`));
      assert.deepEqual(hover.range, rangeOf(text, '### [Server Test Paper](https://arxiv.org/pdf/2501.40001)'));
      const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(text, 'Vote:'), character: 1 } });
      assert.equal(none, null);
    });

    test('codeAction turns the diagnostic data into a quick fix', async () => {
      const diagnostic = opened.diagnostics.find((d) => d.code === 'non-canonical-arxiv-link');
      assert.ok(diagnostic);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      assert.equal(actions.length, 1);
      const [action] = actions;
      assert.equal(action?.kind, 'quickfix');
      assert.equal(action?.title, 'Link to https://arxiv.org/abs/2501.40001');
      assert.deepEqual(action?.edit?.changes?.[uri], [{ range: rangeOf(text, 'https://arxiv.org/pdf/2501.40001'), newText: 'https://arxiv.org/abs/2501.40001' }]);
      assert.deepEqual(action?.diagnostics, [diagnostic]);
      const foreign = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, source: 'other-linter' }] } });
      assert.deepEqual(foreign, [], 'diagnostics of other tools are left alone');
    });

    test('an incremental range edit that fixes a defect publishes version 2 without it', async () => {
      const at = rangeOf(text, 'pdf/2501.40001');
      const change: TextDocumentContentChangeEvent = { range: { start: at.start, end: { line: at.start.line, character: at.start.character + 3 } }, text: 'abs' };
      text = applyEdits(text, [{ range: change.range, newText: change.text }]);
      const next = client.diagnosticsFor(uri, 2);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
      const v2 = await next;
      assert.deepEqual(codes(v2), ['duplicate-author', 'missing-section']);
      assert.deepEqual(wire(v2), expectedWire(text, uri));
    });

    test('several changes in one notification are applied in order', async () => {
      // Fix the author list, then append the missing section at the end.
      const dup = rangeOf(text, ', Ada Lovelace', 0);
      const first = { range: dup, text: '' };
      const afterFirst = applyEdits(text, [{ range: dup, newText: '' }]);
      const endLine = afterFirst.split('\n').length - 1;
      const second = { range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 0 } }, text: '- ***Performance Highlights***: Passed.\n' };
      text = applyEdits(afterFirst, [{ range: second.range, newText: second.text }]);
      const next = client.diagnosticsFor(uri, 3);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [first, second] });
      const v3 = await next;
      assert.deepEqual(v3.diagnostics, [], JSON.stringify(v3.diagnostics));
      assert.deepEqual(expectedWire(text, uri), []);
    });

    test('a burst of keystrokes ends with diagnostics for the last version', async () => {
      const line = lineOf(text, 'Vote: 12');
      let version = 3;
      const last = client.diagnosticsFor(uri, 13);
      for (const ch of 'abcdefghij') {
        const col = 'Vote: 12'.length + (version - 3);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ch }] });
      }
      text = text.replace('Vote: 12', 'Vote: 12abcdefghij');
      const v13 = await last;
      assert.deepEqual(wire(v13), expectedWire(text, uri));
      assert.deepEqual(codes(v13), ['invalid-vote']);
    });

    test('a full-text change is accepted too', async () => {
      text = digestText('2025-01-23', [{ id: '2501.40002', title: 'Replaced' }]);
      const next = client.diagnosticsFor(uri, 14);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 14 }, contentChanges: [{ text }] });
      assert.deepEqual((await next).diagnostics, []);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols[0]?.children?.[0]?.name, 'Replaced');
    });

    test('didClose publishes empty diagnostics', async () => {
      const cleared = client.diagnostics(uri, () => true);
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      const p = await cleared;
      assert.deepEqual(p.diagnostics, []);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 7 } });
      assert.equal(hover, null, 'a closed document has no hover');
    });
  });

  describe('a Markdown file that is not a digest', () => {
    const uri = 'file:///work/test-workspace/README.md';
    const text = '# README\n\n### [A link](https://arxiv.org/pdf/2501.1)\n\nVote: -\n';

    test('gets empty diagnostics, no symbols and no hover', async () => {
      const p = await client.open(uri, text, 1);
      assert.deepEqual(p.diagnostics, []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }), null);
    });
  });

  describe('configuration pulled with workspace/configuration', () => {
    const uri = 'file:///work/test-workspace/config.md';
    const text = digestText('2025-01-23', [{ title: 'Only What Is New', sections: ["***What's New***: Just this."] }]);

    test('requiredSections from the client changes missing-section', async () => {
      client.digestSettings = {};
      const opened = await client.open(uri, text, 1);
      assert.deepEqual(codes(opened), ['missing-section', 'missing-section']);
      assert.deepEqual(wire(opened), expectedWire(text, uri, { requiredSections: DEFAULT_REQUIRED_SECTIONS }));

      const requestsBefore = client.configurationRequests.length;
      client.digestSettings = { requiredSections: ["What's New"] };
      const next = client.diagnostics(uri, () => true);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const after = await next;
      assert.equal(after.version, 1);
      assert.deepEqual(after.diagnostics, []);
      assert.ok(client.configurationRequests.length > requestsBefore, 'the server pulled the settings again');

      client.digestSettings = { requiredSections: ['Summary', "What's New"] };
      const third = client.diagnostics(uri, () => true);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await third;
      assert.deepEqual(codes(p), ['missing-section']);
      assert.ok(p.diagnostics[0]?.message.includes('"Summary"'));
      client.digestSettings = {};
    });

    test('digest.files forces a file without a day heading in', async () => {
      const forced = 'file:///work/test-workspace/notes/forced.md';
      client.digestSettings = { files: ['notes/*.md'] };
      const next = client.diagnostics(forced, () => true);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.notify('textDocument/didOpen', { textDocument: { uri: forced, languageId: 'markdown', version: 1, text: paperText() } });
      const p = await next;
      // Other open test digests list the same default id: that cross-file report is test/lsp/workspace.test.ts's subject.
      assert.deepEqual(codes(p).filter((c) => c !== 'listed-on-another-day'), ['missing-digest-heading']);
      client.digestSettings = {};
      const cleared = client.diagnostics(forced, (d) => d.diagnostics.length === 0);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await cleared;
    });
  });

  describe('garbage does not take the server down', () => {
    const check = async (name: string, text: string, ms = 60_000): Promise<void> => {
      const uri = `file:///work/test-workspace/garbage-${name}.md`;
      const started = Date.now();
      const p = await client.open(uri, text, 1).catch((err: unknown) => {
        throw new Error(`${name}: ${String(err)}\nserver stderr:\n${client.stderr.slice(-2000)}`);
      });
      assert.ok(Array.isArray(p.diagnostics), name);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, ms);
      assert.ok(Array.isArray(symbols), name);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }, ms);
      assert.ok(hover === null || typeof hover === 'object');
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      assert.ok(client.alive, `${name}: the server is still running`);
      if (process.env['DIGEST_TEST_VERBOSE']) console.log(`${name}: ${text.length} chars in ${Date.now() - started} ms`);
    };
    const heading = '## Daily Papers (2025-01-23)\n\n';

    test('a 2 MB single line', SLOW, async () => {
      await check('huge-line', `${heading}### [Long](https://arxiv.org/abs/2501.00001)\n\n- ***What's New***: ${'lorem ipsum '.repeat(170_000)}\n`);
    });

    test('random UTF-16 code units, lone surrogates and control characters included', SLOW, async () => {
      let seed = 42;
      const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const noise = Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
      await check('random', heading + noise);
      await check('random-lines', `${heading}### [${noise.slice(0, 500)}](${noise.slice(500, 900)})\n${noise.slice(900)}`);
    });

    test('unbalanced brackets and parentheses', SLOW, async () => {
      await check('brackets', `${heading}### ${'[['.repeat(20_000)}${'(('.repeat(20_000)}](](\n\n${'[x]('.repeat(20_000)}\n${'])'.repeat(10_000)}`);
      await check('unclosed-fence', `${heading}### [A](https://arxiv.org/abs/2501.00001)\n\n\`\`\`\n### [B](x)\n`);
    });

    test('a 3 MB digest', SLOW, async () => {
      const big = bigDigest(7_700);
      assert.ok(big.length > 3_000_000, `${big.length} chars`);
      await check('3mb', big, 90_000);
    });

    test('malformed requests are answered, not fatal', async () => {
      assert.equal(await client.request('textDocument/hover', {}), null);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///never/opened.md' } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///never/opened.md' }, position: { line: -1, character: -5 } }), null);
      await assert.rejects(client.request('no/such/method', {}), /Unhandled method|not found/i);
      await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
      assert.ok(client.alive);
    });

    test('afterwards the server still answers for a normal digest', async () => {
      const uri = 'file:///work/test-workspace/after-garbage.md';
      const text = digestText('2025-01-23', [{ url: 'http://arxiv.org/abs/2501.12948' }]);
      const p = await client.open(uri, text, 1);
      assert.deepEqual(codes(p), ['non-canonical-arxiv-link']);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
      assert.ok(hover);
    });
  });

  describe('shutdown', () => {
    test('shutdown then exit ends the process with code 0', async () => {
      assert.equal(await client.request('shutdown', null), null);
      await client.notify('exit', null);
      assert.equal(await client.waitForExit(TIMEOUT_MS), 0);
      assert.equal(client.alive, false);
    });
  });
});

describe('language server without workspace/configuration support', SLOW, () => {
  let client: LspClient;

  before(async () => {
    client = LspClient.start();
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { requiredSections: ['Summary'] } });
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.kill();
  });

  test('uses initializationOptions and never asks for configuration', async () => {
    const uri = 'file:///tmp/init-options.md';
    const p = await client.open(uri, digestText('2025-01-23', [{}]), 1);
    assert.deepEqual(codes(p), ['missing-section']);
    assert.ok(p.diagnostics[0]?.message.includes('"Summary"'));
    assert.deepEqual(client.configurationRequests, []);
  });

  test('pushed settings in didChangeConfiguration take effect', async () => {
    const uri = 'file:///tmp/init-options.md';
    const next = client.diagnostics(uri, () => true);
    await client.notify('workspace/didChangeConfiguration', { settings: { digest: { requiredSections: [] } } });
    assert.deepEqual((await next).diagnostics, []);
  });

  test('bytes that are not JSON-RPC do not kill the connection', async () => {
    client.child.stdin.write('Content-Length: 5\r\n\r\n{{{{{');
    client.child.stdin.write('Content-Length: 9\r\n\r\n{"id":7}X');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/init-options.md' } });
    assert.ok(Array.isArray(symbols));
    assert.ok(client.alive);
  });

  test('exit without shutdown ends the process with code 1', async () => {
    await client.notify('exit', null);
    assert.equal(await client.waitForExit(TIMEOUT_MS), 1);
  });
});
