import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, getRule, RuleId, ruleDocUrl, rules, type Issue } from '../../server/src/core';
import { digestText, doc, lineOf, rangeOf } from '../helpers/digest';
import { fixtureUri, fixtureSettings, loadFixture } from '../helpers/fixtures';

function fixtureIssues(name: string): { text: string; issues: Issue[] } {
  const f = loadFixture(name).fixture;
  assert.ok(f, `${name} parses`);
  return { text: f.text, issues: createLanguageService().computeDiagnostics(doc(f.text, fixtureUri(name, f)), fixtureSettings(f)) ?? [] };
}

describe('rule registry', () => {
  test('ids are unique and match RuleId', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), Object.values(RuleId).sort());
    for (const id of ids) assert.equal(getRule(id)?.id, id);
  });

  test('every rule has a description, a scope and a docs anchor', () => {
    for (const r of rules) {
      assert.ok(r.description.length > 20, r.id);
      assert.ok(r.scope === 'paper' || r.scope === 'document' || r.scope === 'suppression' || r.scope === 'workspace', r.id);
      assert.ok(ruleDocUrl(r.id).endsWith(`#${r.id}`), r.id);
    }
  });

  test('severities', () => {
    const severity = Object.fromEntries(rules.map((r) => [r.id, r.severity]));
    assert.deepEqual(severity, {
      'missing-digest-heading': 'error',
      'invalid-digest-heading': 'error',
      'duplicate-day-heading': 'warning',
      'legacy-format': 'information',
      'malformed-arxiv-link': 'error',
      'non-canonical-arxiv-link': 'warning',
      'duplicate-paper': 'warning',
      'missing-thumbnail': 'warning',
      'thumbnail-mismatch': 'warning',
      'missing-vote': 'warning',
      'invalid-vote': 'warning',
      'missing-authors': 'warning',
      'author-placeholder': 'warning',
      'duplicate-author': 'warning',
      'listed-on-another-day': 'information',
      'missing-section': 'error',
      'mislabelled-section': 'warning',
      'control-character': 'warning',
      'invalid-suppression': 'warning',
      'unused-suppression': 'information',
    });
  });

  test('issues carry their rule\'s severity', () => {
    const { issues } = fixtureIssues('malformed-links.md');
    for (const i of issues) assert.equal(i.severity, getRule(i.rule)?.severity);
  });
});

describe('related information', () => {
  test('duplicate-paper points at the first entry\'s title', () => {
    const { text, issues } = fixtureIssues('duplicate-papers.md');
    const dups = issues.filter((i) => i.rule === 'duplicate-paper');
    assert.equal(dups.length, 3);
    const first = rangeOf(text, 'Learning to Rank with Tiny Models');
    for (const d of dups) {
      assert.equal(d.related?.length, 1, d.message);
      assert.deepEqual(d.related?.[0]?.range, first, d.message);
      assert.ok(d.message.includes(`line ${first.start.line + 1}`), d.message);
    }
  });

  test('duplicate-author points at the first listing', () => {
    const { text, issues } = fixtureIssues('authors.md');
    const d = issues.find((i) => i.rule === 'duplicate-author' && i.message.includes('Uma Patel'));
    assert.ok(d);
    assert.deepEqual(d.related?.[0]?.range, rangeOf(text, 'Uma Patel'));
  });

  test('duplicate-day-heading points at the first heading', () => {
    const { text, issues } = fixtureIssues('day-headings.md');
    const d = issues.find((i) => i.rule === 'duplicate-day-heading');
    assert.ok(d);
    assert.deepEqual(d.related?.[0]?.range, rangeOf(text, '## Daily Papers (2025-01-23)'));
    assert.deepEqual(d.range, rangeOf(text, '## Daily Papers (2025-01-23)', 1));
  });
});

describe('quick fixes', () => {
  test('the fixes the rules offer, and what they write', () => {
    const t = digestText('2025-01-23', [
      { id: '2501.00001', url: 'https://arxiv.org/pdf/2501.00001v2', title: 'PDF' },
      { id: '2501.00002', url: 'https://arxiv.com/abs/2501.00002', title: 'Host' },
      { id: '2501.00003', thumbnail: null, title: 'No Thumb' },
      { id: '2501.00004', thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.99999.png', title: 'Mismatch' },
      { id: '2501.00005', sections: ["***What's New***: a"], title: 'Missing' },
      { id: '2501.00006', sections: ["***Whats New***: a", '***Technical Details***: b', '***Performance Highlights***: c\b'], title: 'Label' },
    ]);
    const issues = createLanguageService().computeDiagnostics(doc(t)) ?? [];
    const fixes = issues.filter((i) => i.fix).map((i) => [i.rule, i.fix?.title, i.fix?.edits.map((e) => e.newText)]);
    // Document rules report first, then each paper's rules in registry order.
    assert.deepEqual(fixes, [
      ['control-character', 'Delete the U+0008 character', ['']],
      ['non-canonical-arxiv-link', 'Link to https://arxiv.org/abs/2501.00001v2', ['https://arxiv.org/abs/2501.00001v2']],
      ['malformed-arxiv-link', 'Link to https://arxiv.org/abs/2501.00002', ['https://arxiv.org/abs/2501.00002']],
      ['missing-thumbnail', 'Add the thumbnail of 2501.00003', ['\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.00003.png)']],
      ['thumbnail-mismatch', 'Use the thumbnail of 2501.00004', ['https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.00004.png']],
      ['missing-section', 'Add the "Technical Details" section', ['\n- ***Technical Details***: ']],
      ['missing-section', 'Add the "Performance Highlights" section', ['\n- ***Performance Highlights***: ']],
      ['mislabelled-section', 'Change the label to "***What\'s New***:"', ["***What's New***:"]],
    ]);
    const missing = issues.find((i) => i.rule === 'missing-section');
    assert.deepEqual(missing?.fix?.edits[0]?.range.start, rangeOf(t, "- ***What's New***: a").end, 'inserted after the last bullet');
    assert.equal(lineOf(t, 'Missing') < (missing?.fix?.edits[0]?.range.start.line ?? 0), true);
  });
});

describe('duplicate-paper: what counts as the same paper, written out', () => {
  const dups = (text: string): { message: string; related: string[] }[] =>
    (createLanguageService().computeDiagnostics(doc(text)) ?? [])
      .filter((i) => i.rule === 'duplicate-paper')
      .map((i) => ({ message: i.message, related: (i.related ?? []).map((r) => `${r.range.start.line}: ${r.message}`) }));
  const day = (...headings: string[]): string => `## Daily Papers (2025-01-23)\n\n${headings.map((h) => `${h}\n\n`).join('')}`;

  test('the same id twice: the message and related information name the first entry', () => {
    assert.deepEqual(dups(day('### [One](https://arxiv.org/abs/2501.00001)', '### [Two](https://arxiv.org/abs/2501.00001v2)')), [
      { message: 'Paper 2501.00001 is listed twice; the first entry is on line 3.', related: ['2: First entry of 2501.00001'] },
    ]);
  });

  test('the same title under two ids, and under no valid link at all', () => {
    assert.deepEqual(dups(day('### [Same Title](https://arxiv.org/abs/2501.00001)', '### [same title!](https://arxiv.org/abs/2501.00002)')), [
      { message: 'The title "same title!" also appears on line 3 under 2501.00001; expected one entry per paper.', related: ['2: First entry with this title'] },
    ]);
    assert.deepEqual(dups(day('### [Same Title](/papers/1)', '### [Same Title](/papers/2)')), [
      { message: 'The title "Same Title" also appears on line 3 under another link; expected one entry per paper.', related: ['2: First entry with this title'] },
    ]);
  });

  test('titles that differ by a hyphen-joined word or by a sharp s are different papers', () => {
    assert.deepEqual(dups(day('### [Multi-Task Learning](https://arxiv.org/abs/2501.00001)', '### [MultiTask Learning](https://arxiv.org/abs/2501.00002)')), []);
    assert.deepEqual(dups(day('### [Straße Models](https://arxiv.org/abs/2501.00001)', '### [STRASSE MODELS](https://arxiv.org/abs/2501.00002)')), []);
    assert.deepEqual(dups(day('### [Case Folding](https://arxiv.org/abs/2501.00001)', '### [CASE  folding](https://arxiv.org/abs/2501.00002)')).length, 1, 'case and spacing still fold');
  });
});
