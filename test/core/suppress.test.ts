// Suppression comments: every form, unknown rules, unused suppressions, and
// that suppression keeps edits incremental.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, defaultSettings, fixAllText, normalizeSettings, type DigestSettings, type Issue, type TextDocumentLike } from '../../server/src/core';
import { doc, paperText } from '../helpers/digest';

const HEAD = '## Daily Papers (2025-01-23)\n\n';
/** A paper whose only defect is `Vote: -` (invalid-vote) on its own line. */
const dash = (n: number, before = ''): string => paperText({ id: `2501.0000${n}`, title: `Paper ${n}`, vote: `-${before}` });

function lint(text: string, settings: DigestSettings = defaultSettings): Issue[] {
  return createLanguageService().computeDiagnostics(doc(text), settings) ?? [];
}
const at = (issues: readonly Issue[]): string[] => issues.map((i) => `${i.rule}@${i.range.start.line + 1}`);
const lineNo = (text: string, needle: string, from = 0): number => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('suppression comments', () => {
  test('without comments every invalid vote is reported', () => {
    assert.deepEqual(at(lint(HEAD + dash(1) + '\n' + dash(2))).map((s) => s.split('@')[0]), ['invalid-vote', 'invalid-vote']);
  });

  test('disable-next-line suppresses the named rule on the next line only', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disable-next-line invalid-vote -->\nVote: -') + '\n' + dash(2);
    assert.deepEqual(at(lint(t)), [`invalid-vote@${lineNo(t, 'Vote: -', lineNo(t, 'Paper 2'))}`]);
  });

  test('disable-next-line with another rule id does not suppress', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disable-next-line missing-vote -->\nVote: -');
    assert.deepEqual(at(lint(t)).map((s) => s.split('@')[0]), ['invalid-vote']);
  });

  test('disable-next-line two lines above does not reach', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disable-next-line invalid-vote -->\n\nVote: -');
    assert.equal(lint(t).length, 1);
  });

  test('disable-line suppresses on its own line', () => {
    const t = HEAD + dash(1, ' <!-- digest-disable-line invalid-vote -->') + '\n' + dash(2);
    assert.deepEqual(at(lint(t)), [`invalid-vote@${lineNo(t, 'Vote: -', lineNo(t, 'Paper 2'))}`]);
  });

  test('disable … enable covers the lines between, for the named rules', () => {
    const t = `${HEAD}<!-- digest-disable invalid-vote -->\n${dash(1)}\n${dash(2)}\n<!-- digest-enable invalid-vote -->\n${dash(3)}`;
    assert.deepEqual(at(lint(t)), [`invalid-vote@${lineNo(t, 'Vote: -', lineNo(t, 'Paper 3'))}`]);
  });

  test('disable with no ids covers every rule; enable of one rule brings only it back', () => {
    const t = `${HEAD}<!-- digest-disable -->\n${paperText({ id: '2501.00001', title: 'P1', vote: '-', thumbnail: null })}\n<!-- digest-enable invalid-vote -->\n${paperText({ id: '2501.00002', title: 'P2', vote: '-', thumbnail: null })}`;
    assert.deepEqual(at(lint(t)), [`invalid-vote@${lineNo(t, 'Vote: -', lineNo(t, 'P2'))}`]);
  });

  test('a disable without an enable runs to the end of the file; enable with no ids ends everything', () => {
    const open = `${HEAD}${dash(1)}\n<!-- digest-disable invalid-vote missing-thumbnail -->\n${dash(2)}`;
    assert.deepEqual(at(lint(open)), [`invalid-vote@${lineNo(open, 'Vote: -')}`]);
    const closed = `${HEAD}<!-- digest-disable invalid-vote -->\n${dash(1)}\n<!-- digest-enable -->\n${dash(2)}`;
    assert.deepEqual(at(lint(closed)), [`invalid-vote@${lineNo(closed, 'Vote: -', lineNo(closed, 'Paper 2'))}`]);
  });

  test('disable-file anywhere covers the whole file; commas separate ids', () => {
    const t = `${HEAD}${dash(1)}\n${paperText({ id: '2501.00002', title: 'P2', thumbnail: null, vote: '-' })}\n<!-- digest-disable-file invalid-vote, missing-thumbnail -->\n`;
    assert.deepEqual(lint(t), []);
    const all = `${HEAD}${dash(1)}\n<!--digest-disable-file-->\n`;
    assert.deepEqual(lint(all), []);
  });

  test('an unknown rule id is reported on the id and suppresses nothing', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disable-next-line invalid-vot -->\nVote: -');
    const issues = lint(t);
    assert.deepEqual(issues.map((i) => i.rule).sort(), ['invalid-suppression', 'invalid-vote']);
    const bad = issues.find((i) => i.rule === 'invalid-suppression')!;
    const line = t.split('\n')[bad.range.start.line] ?? '';
    assert.equal(line.slice(bad.range.start.character, bad.range.end.character), 'invalid-vot');
    assert.match(bad.message, /unknown rule "invalid-vot"/);
    assert.deepEqual(lint(t, normalizeSettings({ rules: { 'invalid-suppression': 'off' } })).map((i) => i.rule), ['invalid-vote']);
  });

  test('unused-suppression is off by default and reports each unused id when on', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disable-next-line invalid-vote missing-vote -->\nVote: -') + '\n<!-- digest-disable -->\n';
    assert.deepEqual(lint(t), []);
    const on = lint(t, normalizeSettings({ rules: { 'unused-suppression': 'warning' } }));
    assert.deepEqual(on.map((i) => `${i.rule}:${i.severity}`), ['unused-suppression:warning', 'unused-suppression:warning']);
    assert.match(on[0]!.message, /suppresses no "missing-vote"/);
    assert.match(on[1]!.message, /"digest-disable" suppresses nothing/);
    const line = t.split('\n')[on[0]!.range.start.line] ?? '';
    assert.equal(line.slice(on[0]!.range.start.character, on[0]!.range.end.character), 'missing-vote', 'points at the unused id when several are named');
  });

  test('a suppression of a rule turned off in the config is unused, and the config off still applies', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disable-next-line invalid-vote -->\nVote: -');
    assert.deepEqual(lint(t, normalizeSettings({ rules: { 'invalid-vote': 'off', 'unused-suppression': 'info' } })).map((i) => i.rule), ['unused-suppression']);
  });

  test('text that only looks like a directive is ignored', () => {
    const t = HEAD + dash(1).replace('Vote: -', '<!-- digest-disabled invalid-vote -->\n<!-- not digest-disable-next-line -->\nVote: -');
    assert.deepEqual(lint(t).map((i) => i.rule), ['invalid-vote']);
  });

  test('suppressed issues never reach fix-all', () => {
    const t = `${HEAD}<!-- digest-disable-next-line non-canonical-arxiv-link -->\n${paperText({ id: '2501.00001', url: 'http://arxiv.org/abs/2501.00001' }).trimStart()}`;
    assert.deepEqual(lint(t), []);
    const lintText = (s: string): Issue[] => lint(s);
    assert.equal(fixAllText(t, lintText).text, t);
  });
});

describe('suppression and incrementality', () => {
  /** A document whose versions share one service, as the server does. */
  function editable(): { service: ReturnType<typeof createLanguageService>; at: (t: string) => TextDocumentLike } {
    const service = createLanguageService();
    let version = 0;
    return { service, at: (t) => doc(t, 'file:///test/inc.md', ++version) };
  }

  test('an edit far from any comment re-parses only its paper, and the comment still applies', () => {
    const papers = Array.from({ length: 30 }, (_, i) => paperText({ id: `2501.${String(10000 + i)}`, title: `Paper ${i}`, vote: i === 0 ? '-' : '3' }));
    papers[0] = papers[0]!.replace('Vote: -', '<!-- digest-disable-next-line invalid-vote -->\nVote: -');
    const text = HEAD + papers.join('\n');
    const { service, at: version } = editable();
    assert.deepEqual(service.computeDiagnostics(version(text)), []);
    const edited = text.replace('Paper 25', 'Paper 25 edited');
    assert.deepEqual(service.computeDiagnostics(version(edited)), []);
    assert.equal(service.lastParsedBlocks('file:///test/inc.md'), 1);
    // Removing the comment is an edit to paper 0: the issue comes back.
    const uncommented = edited.replace('<!-- digest-disable-next-line invalid-vote -->\n', '');
    assert.deepEqual(service.computeDiagnostics(version(uncommented))?.map((i) => i.rule), ['invalid-vote']);
  });
});
