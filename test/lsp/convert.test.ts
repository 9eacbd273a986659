// The core-to-LSP conversion, imported from source, so mutation testing (which
// mutates the sources, not the bundle) sees it. The wire tests in
// server.test.ts check the same payloads through the bundled server.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { DigestSymbol, Issue } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/paths';
import { DIAGNOSTIC_SOURCE, toCodeActions, toDiagnostic, toDocumentSymbol, toHover, toSeverity, toSymbolKind } from '../../server/src/lsp/convert';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const URI = 'file:///t.md';

describe('convert', () => {
  test('severities are 1 to 4, in LSP order', () => {
    assert.deepEqual((['error', 'warning', 'information', 'hint'] as const).map(toSeverity), [1, 2, 3, 4]);
  });

  test('symbol kinds: a day is a Namespace (3), a paper a Class (5), a section a Field (8)', () => {
    assert.deepEqual((['day', 'paper', 'section'] as const).map(toSymbolKind), [3, 5, 8]);
  });

  test('a diagnostic carries code, docs link, source, related information in this document, and its fix as data', () => {
    const fix = { title: 'Link to https://arxiv.org/abs/2501.00001', edits: [{ range: r(2, 5, 2, 9), newText: 'x' }] };
    const issue: Issue = { rule: 'duplicate-author', severity: 'warning', message: 'twice', range: r(8, 36, 8, 48), related: [{ range: r(8, 9, 8, 21), message: 'first' }], fix };
    const d = toDiagnostic(issue, URI);
    assert.equal(DIAGNOSTIC_SOURCE, 'digest');
    // Two folders above the module: server/out/ in the bundle (where the wire tests check the file exists), server/src/lsp/ here.
    assert.equal(d.codeDescription?.href, `${pathToFileURL(join(REPO_ROOT, 'server', 'src', 'lsp', '..', '..', 'docs', 'rules.md')).href}#duplicate-author`);
    assert.deepEqual({ ...d, codeDescription: undefined }, {
      range: r(8, 36, 8, 48),
      severity: 2,
      code: 'duplicate-author',
      codeDescription: undefined,
      source: 'digest',
      message: 'twice',
      relatedInformation: [{ location: { uri: URI, range: r(8, 9, 8, 21) }, message: 'first' }],
      data: { fix },
    });
    const plain = toDiagnostic({ rule: 'missing-vote', severity: 'error', message: 'm', range: r(0, 0, 0, 1) }, URI);
    assert.equal('relatedInformation' in plain, false, 'no empty related information');
    assert.deepEqual(plain.data, {});
    assert.equal(plain.severity, 1);
  });

  test('code actions: one preferred quick fix per digest diagnostic with a fix; other sources and fix-less ones are skipped', () => {
    const fix = { title: 'Fix it', edits: [{ range: r(1, 0, 1, 3), newText: 'abc' }] };
    const withFix = toDiagnostic({ rule: 'invalid-vote', severity: 'warning', message: 'm', range: r(1, 0, 1, 3), fix }, URI);
    const without = toDiagnostic({ rule: 'missing-vote', severity: 'warning', message: 'n', range: r(0, 0, 0, 1) }, URI);
    const foreign: Diagnostic = { ...withFix, source: 'markdownlint' };
    assert.deepEqual(toCodeActions(URI, [without, withFix, foreign]), [
      { title: 'Fix it', kind: 'quickfix', diagnostics: [withFix], isPreferred: true, edit: { changes: { [URI]: [{ range: r(1, 0, 1, 3), newText: 'abc' }] } } },
    ]);
    assert.deepEqual(toCodeActions(URI, [{ ...withFix, data: undefined }]), [], 'no data, no action');
  });

  test('symbols and hovers keep their ranges and nest their children', () => {
    const section: DigestSymbol = { kind: 'section', name: 'S', detail: '', range: r(3, 0, 3, 9), selectionRange: r(3, 2, 3, 5), children: [] };
    const paper: DigestSymbol = { kind: 'paper', name: 'P', detail: 'arXiv:1', range: r(2, 0, 3, 9), selectionRange: r(2, 0, 2, 9), children: [section] };
    assert.deepEqual(toDocumentSymbol(paper), {
      name: 'P',
      detail: 'arXiv:1',
      kind: 5,
      range: r(2, 0, 3, 9),
      selectionRange: r(2, 0, 2, 9),
      children: [{ name: 'S', detail: '', kind: 8, range: r(3, 0, 3, 9), selectionRange: r(3, 2, 3, 5), children: [] }],
    });
    assert.deepEqual(toHover({ markdown: '**T**', range: r(2, 0, 2, 5) }), { contents: { kind: 'markdown', value: '**T**' }, range: r(2, 0, 2, 5) });
  });
});
