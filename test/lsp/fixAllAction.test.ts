// The fix-all source action in-process: which `only` kinds ask for it, when it
// is offered, lazy (resolved later) or with its edits, and its data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, defaultSettings, type Issue } from '../../server/src/core';
import { computeFixAllEdits, FIX_ALL_KIND, FIX_ALL_TITLE, fixAllAction, isFixAllData, wantsFixAll } from '../../server/src/lsp/fixAll';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';
import { digestText } from '../helpers/digest';

const URI = 'file:///fixall/digest.md';
const FIXABLE = digestText('2025-02-03', [{ id: '2502.00917', url: 'https://arxiv.org/pdf/2502.00917' }]);

function issuesOf(doc: TrackedDocument): Issue[] {
  return createLanguageService().computeDiagnostics(doc, defaultSettings) ?? [];
}

test('the kind is source.fixAll.digest, and the kinds that include it ask for it', () => {
  assert.equal(FIX_ALL_KIND, 'source.fixAll.digest');
  for (const only of [['source'], ['source.fixAll'], ['source.fixAll.digest'], ['quickfix', 'source.fixAll']]) assert.equal(wantsFixAll(only), true, only.join());
  for (const only of [undefined, [], ['quickfix'], ['source.fixAll.other'], ['source.fixAll.digest.more'], ['sourc'], ['source.fix'], ['refactor']]) assert.equal(wantsFixAll(only), false, String(only));
});

test('offered only when some issue has a certain fix; lazy without edits, eager with them', () => {
  const doc = TrackedDocument.create(URI, 'markdown', 4, FIXABLE);
  const issues = issuesOf(doc);
  assert.ok(issues.some((i) => i.rule === 'non-canonical-arxiv-link'));
  let computed = 0;
  const edits = () => {
    computed++;
    return computeFixAllEdits(doc, defaultSettings, () => []);
  };
  const lazy = fixAllAction(doc, issues, true, edits);
  assert.deepEqual(lazy, { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { kind: FIX_ALL_KIND, uri: URI, version: 4 } });
  assert.equal(computed, 0, 'a lazy action computes nothing until resolve');
  assert.ok(isFixAllData(lazy!.data));
  const eager = fixAllAction(doc, issues, false, edits);
  assert.equal(computed, 1);
  const change = eager!.edit!.changes![URI]!;
  assert.deepEqual(change.map((e) => e.newText), ['https://arxiv.org/abs/2502.00917']);
  // Only the certain fixes count: without them there is no action.
  assert.equal(fixAllAction(doc, issues.filter((i) => i.rule !== 'non-canonical-arxiv-link'), false, edits), undefined);
  assert.equal(fixAllAction(doc, [], true, edits), undefined);
});

test('a fix that is only a suggestion (removing a duplicate paper) does not offer fix-all', () => {
  const doc = TrackedDocument.create(URI, 'markdown', 1, digestText('2025-02-03', [{ id: '2502.00917' }, { id: '2502.00917' }]));
  const issues = issuesOf(doc);
  const dup = issues.find((i) => i.rule === 'duplicate-paper');
  assert.ok(dup?.fix && dup.fix.certain === false && dup.fix.edits.length > 0, 'the duplicate has an uncertain fix');
  assert.equal(fixAllAction(doc, issues, true, () => []), undefined);
});

test('the action data is recognised only with our kind and a uri', () => {
  assert.equal(isFixAllData({ kind: FIX_ALL_KIND, uri: URI, version: 1 }), true);
  for (const data of [undefined, null, 'x', { kind: 'source.fixAll', uri: URI }, { kind: FIX_ALL_KIND }, { kind: FIX_ALL_KIND, uri: 5 }]) assert.equal(isFixAllData(data), false, JSON.stringify(data));
});

test('the title is localized when a locale is given', () => {
  const doc = TrackedDocument.create(URI, 'markdown', 1, FIXABLE);
  const ko = fixAllAction(doc, issuesOf(doc), true, () => [], 'ko');
  assert.notEqual(ko!.title, FIX_ALL_TITLE);
  assert.match(ko!.title, /[가-힣]/);
});
