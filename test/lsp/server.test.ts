// Drives the bundled server (`node server/out/server.js --stdio`) over stdio
// the way an editor does, and checks what comes back on the wire.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { createLanguageService, DEFAULT_REQUIRED_SECTIONS, escapeMarkdown, normalizeSettings } from '../../server/src/core';
import { applyEdits, bigDigest, digestText, doc, lineOf, paperText, rangeOf, thumbnailFor } from '../helpers/digest';
import { ensureServerBuilt, LspClient, TIMEOUT_MS } from '../helpers/lspClient';
import { seeded } from '../helpers/random';
import { BRACKETS_TITLE } from '../helpers/pathological';
import { MAX_REPORTS_PER_RULE_PER_PAPER as CONTROL_CHARACTER_CAP } from '../../server/src/core/limits';
import { REPO_ROOT } from '../helpers/paths';

/** Where the bundled server points `codeDescription.href`: docs/rules.md of this checkout. */
const RULES_MD_URL = pathToFileURL(join(REPO_ROOT, 'docs', 'rules.md')).href;

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

  describe('literal wire payloads (written out by hand, not derived from the core)', () => {
    const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
    /**
     * The rule docs the server links to: docs/rules.md of this checkout, which must exist and hold the rule's
     * heading. `#L<line>` makes VS Code open the file at that heading; the anchor follows for other readers.
     */
    const docLines = readFileSync(fileURLToPath(RULES_MD_URL), 'utf8').split('\n');
    const href = (code: string): string => `${RULES_MD_URL}#L${docLines.indexOf(`## ${code}`) + 1}#${code}`;
    const current = {
      uri: 'file:///work/test-workspace/wire-current.md',
      text: [
        '## Daily Papers (2025-01-23)',
        '',
        '### [Wire Paper](https://arxiv.org/pdf/2501.40001)',
        '',
        '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.40001.png)',
        '',
        'Vote: 12',
        '',
        'Authors: Ada Lovelace, Alan Turing, Ada Lovelace',
        '',
        "- ***What's New***: Talking LSP over stdio.",
        '- ***Technical Details***: Content-Length framing.',
        '',
      ].join('\n'),
    };
    const legacy = {
      uri: 'file:///work/test-workspace/wire-legacy.md',
      text: [
        '## Daily Papers (2024-03-05)',
        '',
        '### [Old Style](https://arxiv.org/abs/2403.31001)',
        '',
        'Vote: 7',
        '',
        '- An unlabeled bullet.',
        '',
        '## Daily Papers (2024-03-06)',
        '',
        '## Daily Papers (2024-03-07)',
        '',
        '### [One Line](https://arxiv.org/abs/2403.31002)',
        '### [Two Lines](https://arxiv.org/abs/2403.31003)',
        '- Another bullet.',
        '',
      ].join('\n'),
    };
    const canonicalFix = { title: 'Link to https://arxiv.org/abs/2501.40001', certain: true, edits: [{ range: r(2, 17, 2, 49), newText: 'https://arxiv.org/abs/2501.40001' }] };
    const sectionEdit = { range: r(11, 50, 11, 50), newText: '\n- ***Performance Highlights***: ' };
    // The snippet places the cursor in the new section where the client applies snippet edits.
    const sectionFix = { title: 'Add the "Performance Highlights" section', edits: [{ ...sectionEdit, snippet: '\n- ***Performance Highlights***: $0' }] };
    const currentDiagnostics = [
      {
        range: r(2, 17, 2, 49),
        severity: 2,
        code: 'non-canonical-arxiv-link',
        codeDescription: { href: href('non-canonical-arxiv-link') },
        source: 'digest',
        message: 'The paper link uses a PDF link; expected the abstract page https://arxiv.org/abs/2501.40001.',
        data: { fix: canonicalFix },
      },
      {
        range: r(8, 36, 8, 48),
        severity: 2,
        code: 'duplicate-author',
        codeDescription: { href: href('duplicate-author') },
        source: 'digest',
        message: 'The author "Ada Lovelace" is listed twice.',
        relatedInformation: [{ location: { uri: current.uri, range: r(8, 9, 8, 21) }, message: 'First listing of Ada Lovelace' }],
        data: {},
      },
      {
        range: r(2, 5, 2, 15),
        severity: 1,
        code: 'missing-section',
        codeDescription: { href: href('missing-section') },
        source: 'digest',
        message: 'Missing section "Performance Highlights"; expected a bullet "- ***Performance Highlights***: …" in this paper.',
        data: { fix: sectionFix },
      },
    ];
    let currentPublished: PublishDiagnosticsParams;

    before(async () => {
      currentPublished = await client.open(current.uri, current.text, 1);
    });

    test('the rule-docs link is a file that exists and has a heading for every rule', () => {
      assert.ok(RULES_MD_URL.startsWith('file:///'), RULES_MD_URL);
      const docs = readFileSync(fileURLToPath(RULES_MD_URL), 'utf8');
      for (const code of ['non-canonical-arxiv-link', 'duplicate-author', 'missing-section', 'legacy-format']) assert.match(docs, new RegExp(`^## ${code}$`, 'm'));
    });

    test('diagnostics: errors are 1, warnings 2, with the full docs link, related information and the fix data', () => {
      assert.deepEqual(currentPublished, { uri: current.uri, version: 1, diagnostics: currentDiagnostics });
    });

    test('a legacy digest: one information note (3) on the first day heading', async () => {
      const p = await client.open(legacy.uri, legacy.text, 1);
      assert.deepEqual(p, {
        uri: legacy.uri,
        version: 1,
        diagnostics: [
          {
            range: r(0, 0, 0, 28),
            severity: 3,
            code: 'legacy-format',
            codeDescription: { href: href('legacy-format') },
            source: 'digest',
            message: 'This digest uses the older unlabeled-bullet summary style; section, vote, thumbnail and author-line checks are skipped for it.',
            data: {},
          },
        ],
      });
    });

    test('code actions: preferred quick fixes that carry their diagnostic and the literal edit', async () => {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: current.uri }, range: r(2, 0, 2, 0), context: { diagnostics: currentPublished.diagnostics } });
      assert.deepEqual(actions, [
        { title: canonicalFix.title, kind: 'quickfix', diagnostics: [currentDiagnostics[0]], isPreferred: true, edit: { changes: { [current.uri]: canonicalFix.edits } } },
        {
          title: sectionFix.title,
          kind: 'quickfix',
          diagnostics: [currentDiagnostics[2]],
          isPreferred: true,
          edit: { changes: { [current.uri]: [sectionEdit] } },
          data: { uri: current.uri, snippetEdits: [{ range: r(11, 50, 11, 50), snippet: '\n- ***Performance Highlights***: $0' }] },
        },
      ]);
    });

    test('folding ranges: sorted, and none for an empty day or a one-line paper', async () => {
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: current.uri } }), [
        { startLine: 0, endLine: 11 },
        { startLine: 2, endLine: 11 },
      ]);
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: legacy.uri } }), [
        { startLine: 0, endLine: 6 },
        { startLine: 2, endLine: 6 },
        { startLine: 10, endLine: 14 },
        { startLine: 13, endLine: 14 },
      ]);
    });

    test('hover: the escaped Markdown card and the heading range', async () => {
      assert.deepEqual(await client.request('textDocument/hover', { textDocument: { uri: current.uri }, position: { line: 2, character: 6 } }), {
        contents: {
          kind: 'markdown',
          value: [
            '**Wire Paper**',
            '[arXiv:2501\\.40001](https://arxiv.org/abs/2501.40001) · [PDF](https://arxiv.org/pdf/2501.40001) · [Hugging Face](https://huggingface.co/papers/2501.40001)',
            'Votes: 12 · 3 authors: Ada Lovelace, Alan Turing, Ada Lovelace',
            "What\\'s New: Talking LSP over stdio\\.",
            '![thumbnail](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.40001.png)',
          ].join('\n\n'),
        },
        range: r(2, 0, 2, 50),
      });
      assert.deepEqual(await client.request('textDocument/hover', { textDocument: { uri: legacy.uri }, position: { line: 12, character: 3 } }), {
        contents: { kind: 'markdown', value: '**One Line**\n\n[arXiv:2403\\.31002](https://arxiv.org/abs/2403.31002) · [PDF](https://arxiv.org/pdf/2403.31002) · [Hugging Face](https://huggingface.co/papers/2403.31002)' },
        range: r(12, 0, 12, 48),
      });
    });

    after(async () => {
      for (const uri of [current.uri, legacy.uri]) await client.notify('textDocument/didClose', { textDocument: { uri } });
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
    interface Expected {
      /** How many reports of each code. */
      readonly counts: Record<string, number>;
      /** Each top-level symbol as [name, number of children, first child's name]. */
      readonly outline: readonly (readonly [string, number, string | undefined])[];
      /** The first line of the hover card over line 3, or null for none. */
      readonly hover: string | null;
    }
    const check = async (name: string, text: string, expected: Expected, ms = 60_000): Promise<void> => {
      const uri = `file:///work/test-workspace/garbage-${name}.md`;
      const started = Date.now();
      const p = await client.open(uri, text, 1).catch((err: unknown) => {
        throw new Error(`${name}: ${String(err)}\nserver stderr:\n${client.stderr.slice(-2000)}`);
      });
      const counts: Record<string, number> = {};
      // The other garbage documents open in this server share ids; cross-file reports are the workspace tests' business.
      for (const d of p.diagnostics) if (d.code !== 'listed-on-another-day') counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
      assert.deepEqual(counts, expected.counts, name);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, ms);
      assert.deepEqual(symbols.map((s) => [s.name, s.children?.length ?? 0, s.children?.[0]?.name]), expected.outline, name);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }, ms);
      const card = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : null;
      assert.equal(card === null ? null : card.split('\n')[0], expected.hover, name);
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      assert.ok(client.alive, `${name}: the server is still running`);
      if (process.env['DIGEST_TEST_VERBOSE']) console.log(`${name}: ${text.length} chars in ${Date.now() - started} ms`);
    };
    const DAY = 'Daily Papers (2025-01-23)';
    const heading = '## Daily Papers (2025-01-23)\n\n';

    test('a 2 MB single line', SLOW, async () => {
      // The whole line is read: a labelled What's New, and only the parts that are really missing are reported.
      await check('huge-line', `${heading}### [Long](https://arxiv.org/abs/2501.00001)\n\n- ***What's New***: ${'lorem ipsum '.repeat(170_000)}\n`, { counts: { 'missing-thumbnail': 1, 'missing-vote': 1, 'missing-authors': 1, 'missing-section': 2 }, outline: [[DAY, 1, 'Long']], hover: '**Long**' });
    });

    test('random UTF-16 code units, lone surrogates and control characters included', SLOW, async () => {
      const rnd = seeded(42);
      const noise = Array.from({ length: 200_000 }, () => String.fromCharCode(rnd.int(0x10000))).join('');
      // What the noise holds: most of the 65,536 code units, line breaks, surrogates and controls.
      assert.ok(new Set(noise).size > 60_000, `${new Set(noise).size} distinct code units`);
      assert.ok((noise.match(/\n/g) ?? []).length >= 1 && (noise.match(/\r/g) ?? []).length >= 1, 'CR and LF');
      assert.ok((noise.match(/[\ud800-\udfff]/g) ?? []).length > 5_000, 'surrogates, mostly unpaired');
      assert.ok((noise.match(/[\u0000-\u001f]/g) ?? []).length > 40, 'control characters');
      const controls = (noise.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g) ?? []).length;
      assert.equal(controls, 87);
      // Reports per rule per block are capped: 50 of them, then one that summarises the rest.
      await check('random', heading + noise, { counts: { 'control-character': CONTROL_CHARACTER_CAP + 1 }, outline: [[DAY, 0, undefined]], hover: null });
      const title = `[${noise.slice(0, 500)}](${noise.slice(500, 900)})`;
      await check('random-lines', `${heading}### ${title}\n${noise.slice(900)}`, {
        counts: { 'legacy-format': 1, 'control-character': CONTROL_CHARACTER_CAP + 1, 'malformed-arxiv-link': 1 },
        outline: [[DAY, 1, title.trim()]],
        hover: `**${escapeMarkdown(title.trim())}**`,
      });
    });

    test('unbalanced brackets and parentheses', SLOW, async () => {
      await check('brackets', `${heading}### ${'[['.repeat(20_000)}${'(('.repeat(20_000)}](](\n\n${'[x]('.repeat(20_000)}\n${'])'.repeat(10_000)}`, {
        counts: { 'legacy-format': 1, 'malformed-arxiv-link': 1 },
        // The whole heading is the title: a heading past the old 64 KB cap no longer parses as untitled.
        outline: [[DAY, 1, BRACKETS_TITLE]],
        hover: `**${escapeMarkdown(BRACKETS_TITLE)}**`,
      });
      // The open fence swallows the "### [B]" line: one paper, not two.
      await check('unclosed-fence', `${heading}### [A](https://arxiv.org/abs/2501.00001)\n\n\`\`\`\n### [B](x)\n`, { counts: { 'legacy-format': 1 }, outline: [[DAY, 1, 'A']], hover: '**A**' });
    });

    test('a 3 MB digest', SLOW, async () => {
      const big = bigDigest(7_700);
      assert.ok(big.length > 3_000_000, `${big.length} chars`);
      await check('3mb', big, { counts: {}, outline: [[DAY, 7_700, 'Generated Paper Number 0']], hover: '**Generated Paper Number 0**' }, 90_000);
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
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/init-options.md' } });
    // The document opened above still answers with its outline: the connection kept its state.
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [['Daily Papers (2025-01-23)', ['A Paper About Testing']]]);
    assert.ok(client.alive);
  });

  test('exit without shutdown ends the process with code 1', async () => {
    await client.notify('exit', null);
    assert.equal(await client.waitForExit(TIMEOUT_MS), 1);
  });
});
