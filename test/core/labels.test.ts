import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { boundedDistance, canonicalLabel, isCanonicalMarkup, matchLabel, normalizeLabel, readLabelMarkup, type LabelMatch } from '../../server/src/core/labels';
import { createLanguageService, DEFAULT_REQUIRED_SECTIONS } from '../../server/src/core';
import { applyEdits, digestText, doc } from '../helpers/digest';

const required = DEFAULT_REQUIRED_SECTIONS;

describe('readLabelMarkup', () => {
  test('splits canonical labels into their parts', () => {
    assert.deepEqual(readLabelMarkup("***What's New***: text"), { open: '***', label: "What's New", close: '***', colon: true, spacedColon: false, after: '', length: 17 });
    assert.deepEqual(readLabelMarkup('**Technical Details**: text'), { open: '**', label: 'Technical Details', close: '**', colon: true, spacedColon: false, after: '', length: 22 });
  });

  test('keeps broken markup so it can be reported', () => {
    assert.deepEqual(readLabelMarkup("**What's New:** text"), { open: '**', label: "What's New", close: '', colon: true, spacedColon: false, after: '**', length: 15 });
    assert.deepEqual(readLabelMarkup('***Technical Details*: text'), { open: '***', label: 'Technical Details', close: '*', colon: true, spacedColon: false, after: '', length: 22 });
    assert.deepEqual(readLabelMarkup('Whats New: text')?.label, 'Whats New');
  });

  test('plain text without emphasis or colon is not a label', () => {
    assert.equal(readLabelMarkup('Just a sentence about results.'), undefined);
    assert.equal(readLabelMarkup(''), undefined);
    assert.equal(readLabelMarkup(`${'x'.repeat(61)}: too long to be a label`), undefined);
    assert.equal(readLabelMarkup('***   ***: blank label'), undefined);
  });

  test('isCanonicalMarkup accepts ***X***: and **X**: only', () => {
    const canonical = (s: string): boolean => {
      const m = readLabelMarkup(s);
      return m !== undefined && isCanonicalMarkup(m);
    };
    assert.equal(canonical("***What's New***: a"), true);
    assert.equal(canonical("**What's New**: a"), true);
    assert.equal(canonical("*What's New*: a"), false);
    assert.equal(canonical("__What's New__: a"), false);
    assert.equal(canonical("***What's New**: a"), false);
    assert.equal(canonical("**What's New:** a"), false);
    assert.equal(canonical("What's New: a"), false);
    assert.equal(canonical("***What's New*** a"), false);
  });
});

describe('matchLabel', () => {
  const cases: [written: string, expected: LabelMatch][] = [
    ["***What's New***:", { kind: 'exact', expected: "What's New" }],
    ['**Technical Details**:', { kind: 'exact', expected: 'Technical Details' }],
    ['***What’s New***:', { kind: 'near', expected: "What's New", why: 'apostrophe' }],
    ['***What‘s New***:', { kind: 'near', expected: "What's New", why: 'apostrophe' }],
    ['***What`s New***:', { kind: 'near', expected: "What's New", why: 'apostrophe' }],
    ["***What's  New***:", { kind: 'near', expected: "What's New", why: 'apostrophe' }],
    ['***Technical Details*:', { kind: 'near', expected: 'Technical Details', why: 'emphasis' }],
    ["**What's New:**", { kind: 'near', expected: "What's New", why: 'emphasis' }],
    ["What's New:", { kind: 'near', expected: "What's New", why: 'emphasis' }],
    ["*What's New*:", { kind: 'near', expected: "What's New", why: 'emphasis' }],
    ["***what's new***:", { kind: 'near', expected: "What's New", why: 'case' }],
    ['***PERFORMANCE HIGHLIGHTS***:', { kind: 'near', expected: 'Performance Highlights', why: 'case' }],
    ['***Whats New***:', { kind: 'near', expected: "What's New", why: 'spelling' }],
    ['***Technical Detail***:', { kind: 'near', expected: 'Technical Details', why: 'spelling' }],
    ['***Tecnical Detail***:', { kind: 'near', expected: 'Technical Details', why: 'spelling' }],
    ['***Tecnical Detials***:', { kind: 'none' }],
    ['***Performance Highlight***:', { kind: 'near', expected: 'Performance Highlights', why: 'spelling' }],
    ['Whats New:', { kind: 'near', expected: "What's New", why: 'spelling' }],
    // Without emphasis a looser match could be ordinary prose.
    ['Whats Nw:', { kind: 'none' }],
    ['***Whats Nw***:', { kind: 'near', expected: "What's New", why: 'spelling' }],
    ['***Whts Nw***:', { kind: 'none' }],
    ['***Limitations***:', { kind: 'none' }],
    ['***Results***:', { kind: 'none' }],
    ['Note:', { kind: 'none' }],
  ];
  for (const [written, expected] of cases) {
    test(`${written} → ${expected.kind}${expected.kind === 'near' ? ` (${expected.why})` : ''}`, () => {
      const m = readLabelMarkup(`${written} text`);
      assert.ok(m, 'markup');
      assert.deepEqual(matchLabel(m, required), expected);
    });
  }

  test('a custom required list is matched the same way', () => {
    const m = readLabelMarkup('***Sumary***: x');
    assert.ok(m);
    assert.deepEqual(matchLabel(m, ['Summary']), { kind: 'near', expected: 'Summary', why: 'spelling' });
    assert.deepEqual(matchLabel(m, []), { kind: 'none' });
  });

  test('a short label tolerates one edit only', () => {
    const m = readLabelMarkup('***Smmry***: x');
    assert.ok(m);
    assert.deepEqual(matchLabel(m, ['Summary']), { kind: 'none' });
  });
});

describe('helpers', () => {
  test('boundedDistance', () => {
    assert.equal(boundedDistance('kitten', 'sitting', 3), 3);
    assert.equal(boundedDistance('kitten', 'sitting', 2), undefined);
    assert.equal(boundedDistance('', 'ab', 2), 2);
    assert.equal(boundedDistance('abc', 'abc', 0), 0);
    assert.equal(boundedDistance('abcdef', 'a', 2), undefined);
  });

  test('normalizeLabel folds curly quotes and spaces', () => {
    assert.equal(normalizeLabel(' What’s   New '), "What's New");
  });

  test('canonicalLabel keeps ** when the writer used **', () => {
    assert.equal(canonicalLabel("What's New", readLabelMarkup("**What's New:** a")), "**What's New**:");
    assert.equal(canonicalLabel("What's New", readLabelMarkup("__What's New__: a")), "***What's New***:");
    assert.equal(canonicalLabel("What's New", undefined), "***What's New***:");
  });
});

describe('mislabelled-section quick fix output', () => {
  const fixed = (bullet: string): string => {
    const text = digestText('2025-01-23', [{ sections: [bullet, '***Technical Details***: b', '***Performance Highlights***: c'] }]);
    const issues = createLanguageService().computeDiagnostics(doc(text)) ?? [];
    const issue = issues.find((i) => i.rule === 'mislabelled-section');
    assert.ok(issue?.fix, `a mislabelled-section fix for ${bullet}`);
    const line = applyEdits(text, issue.fix.edits).split('\n')[issue.range.start.line];
    return line ?? '';
  };

  test('rewrites near misses to the canonical label and keeps the text', () => {
    assert.equal(fixed('***What’s New***: text'), "- ***What's New***: text");
    assert.equal(fixed("**What's New:** text"), "- **What's New**: text");
    assert.equal(fixed('***Whats New***: text'), "- ***What's New***: text");
    assert.equal(fixed("What's New: text"), "- ***What's New***: text");
    assert.equal(fixed("***What's New*** text"), "- ***What's New***: text");
  });

  test('a space before the colon is absorbed', () => {
    assert.equal(fixed("***What's New*** : text"), "- ***What's New***: text");
  });
});
