// The server converts each issue object to an LSP diagnostic once; a cached
// diagnostic is reused only for the same document and language.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { DiagnosticCache } from '../../server/src/lsp/diagnosticCache';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { digestText, doc } from '../helpers/digest';

const text = digestText('2025-01-23', [{ id: '2501.10001', vote: null }, { id: '2501.10001', title: 'Another Title' }]);
const issues = createLanguageService().computeDiagnostics(doc(text)) ?? [];

test('the same issues convert once, to what toDiagnostic makes', () => {
  assert.ok(issues.length >= 2, `${issues.length} issues`);
  const cache = new DiagnosticCache();
  const first = cache.convert(issues, 'file:///a.md', 'en');
  assert.equal(cache.lastConverted, issues.length);
  assert.deepEqual(first, issues.map((i) => toDiagnostic(i, 'file:///a.md', 'en')));
  const again = cache.convert(issues, 'file:///a.md', 'en');
  assert.equal(cache.lastConverted, 0);
  again.forEach((d, i) => assert.strictEqual(d, first[i]));
});

test('another language or another document converts again', () => {
  const cache = new DiagnosticCache();
  cache.convert(issues, 'file:///a.md', 'en');
  const korean = cache.convert(issues, 'file:///a.md', 'ko');
  assert.equal(cache.lastConverted, issues.length);
  assert.deepEqual(korean, issues.map((i) => toDiagnostic(i, 'file:///a.md', 'ko')));
  assert.notDeepEqual(korean.map((d) => d.message), issues.map((i) => i.message));
  const elsewhere = cache.convert(issues, 'file:///b.md', 'ko');
  assert.equal(cache.lastConverted, issues.length);
  const related = elsewhere.flatMap((d) => d.relatedInformation ?? []);
  assert.ok(related.length > 0 && related.every((r) => r.location.uri === 'file:///b.md'), 'related locations name the new document');
});
