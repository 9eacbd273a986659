// Regression tests for issue 8: hostile text must cost bounded work and never
// produce reports that are not true. Hangs are caught by per-test timeouts,
// never by measuring time (timings live in `npm run bench`).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService, noCancellation, type DigestModel, type Issue, type PlacedPaper } from '../../server/src/core';
import { getFoldingRanges } from '../../server/src/core/features/folding';
import { getDocumentSymbols } from '../../server/src/core/features/symbols';
import { isTame, TAME_LIMITS } from '../../server/src/core/parse/shape';
import { truncateText } from '../../server/src/core/features/hover';
import { digestText, doc, paperText, DEFAULT_SECTIONS } from '../helpers/digest';
import { fixtureNames } from '../helpers/fixtures';
import { FIXTURES_DIR } from '../helpers/paths';

/** A hang fails the test instead of blocking the run. */
const HANG = { timeout: 20_000 };
const ID = '2501.12948';

function diagnose(text: string): Issue[] {
  const issues = createLanguageService().computeDiagnostics(doc(text));
  assert.ok(issues);
  return issues;
}

function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.rule).sort();
}

/** A clean paper with `extra` lines appended after its sections. */
function paperWith(extra: string, sections: readonly string[] = DEFAULT_SECTIONS): string {
  return digestText('2025-01-23', [{ id: ID, sections }]) + extra;
}

describe('defect 1: block parse cost is bounded whatever the content', () => {
  const shapes: [string, string][] = [
    ['10,000 nested list markers', `${'- '.repeat(10_000)}x\n`],
    ['10,000 nested block quotes', `${'> '.repeat(10_000)}x\n`],
    ['10,000 `1. ` markers', `${'1. '.repeat(10_000)}x\n`],
    ['10,000 `[`', `${'['.repeat(10_000)}\n`],
    ['10,000 `[x](`', `${'[x]('.repeat(10_000)}\n`],
    ['10,000 setext underlines', 'a\n=\n'.repeat(10_000)],
    ['a long backtick run', `${'`a``b'.repeat(5_000)}\n`],
    ['20,000 bullets', '- \n'.repeat(20_000)],
  ];
  for (const [name, extra] of shapes) {
    test(`${name} after a clean paper: no false report`, HANG, () => {
      const issues = diagnose(paperWith(`\n${extra}`));
      assert.deepEqual(codes(issues).filter((c) => c !== 'control-character'), [], JSON.stringify(issues.slice(0, 3)));
    });
  }

  test('the shape check accepts a real-sized paper and rejects each hostile shape', () => {
    assert.equal(isTame(paperText({ id: ID })), true);
    for (const [, extra] of shapes) assert.equal(isTame(`${paperText({ id: ID })}\n${extra}`), false);
    // Boundaries: exactly at each limit is tame, one past it is not.
    const lines = (n: number): string => `${paperText({ id: ID })}${'x\n'.repeat(n)}`;
    const base = paperText({ id: ID }).split('\n').length - 1;
    assert.equal(isTame(lines(TAME_LIMITS.lines - base - 1)), true);
    assert.equal(isTame(lines(TAME_LIMITS.lines - base)), false);
    assert.equal(isTame(`${'- '.repeat(TAME_LIMITS.containerDepth)}x`), true);
    assert.equal(isTame(`${'- '.repeat(TAME_LIMITS.containerDepth + 1)}x`), false);
    assert.equal(isTame('['.repeat(TAME_LIMITS.brackets)), true);
    assert.equal(isTame('['.repeat(TAME_LIMITS.brackets + 1)), false);
    assert.equal(isTame('a'.repeat(TAME_LIMITS.chars)), true);
    assert.equal(isTame('a'.repeat(TAME_LIMITS.chars + 1)), false);
  });

  test('the line reader finds what remark finds in an oversized paper', HANG, () => {
    const filler = 'x'.repeat(TAME_LIMITS.chars);
    const text = digestText('2025-01-23', [
      { id: ID, vote: '-', authors: 'Ada, +', sections: ["***What's New***: a", '***Technical Details**: b', `***Performance Highlights***: ${filler}`] },
    ]);
    const small = digestText('2025-01-23', [{ id: ID, vote: '-', authors: 'Ada, +', sections: ["***What's New***: a", '***Technical Details**: b', '***Performance Highlights***: x'] }]);
    const strip = (issues: Issue[]): string[] => issues.map((i) => `${i.rule} ${i.range.start.line}:${i.range.start.character}`).sort();
    assert.deepEqual(strip(diagnose(text)), strip(diagnose(small)));
    assert.deepEqual(codes(diagnose(small)), ['author-placeholder', 'invalid-vote', 'mislabelled-section']);
  });
});

describe('defect 2: oversized content gives no false reports', () => {
  test('a What\'s New of one 100 KB line: no missing-section', HANG, () => {
    const issues = diagnose(digestText('2025-01-23', [{ id: ID, sections: [`***What's New***: ${'word '.repeat(20_000)}`, DEFAULT_SECTIONS[1]!, DEFAULT_SECTIONS[2]!] }]));
    assert.deepEqual(codes(issues), []);
  });

  test('a heading line over 64 KB: the paper is still read, and the hover names it', HANG, () => {
    const title = `A ${'very '.repeat(14_000)}long title`;
    const text = digestText('2025-01-23', [{ id: ID, title }]);
    assert.deepEqual(codes(diagnose(text)), []);
    const service = createLanguageService();
    const hover = service.getHover(doc(text), { line: 2, character: 5 });
    assert.ok(hover && hover.markdown.startsWith('**A very'), hover?.markdown.slice(0, 40));
    assert.equal(service.getDocumentSymbols(doc(text))[0]?.children[0]?.name, title);
  });

  test('a broken link in an oversized heading is still reported', HANG, () => {
    const text = digestText('2025-01-23', [{ id: ID, title: 'x'.repeat(70_000), url: 'https://arxiv.org/abs/2501.1a948' }]);
    assert.ok(codes(diagnose(text)).includes('malformed-arxiv-link'));
  });
});

describe('defect 3: folding and outline are linear in the number of days', () => {
  /** The model of `text`, with its papers behind a proxy that counts element reads. */
  function countingModel(text: string): { model: DigestModel; reads: () => number } {
    const model = createLanguageService().getModel(doc(text));
    assert.ok(model);
    let reads = 0;
    const papers = new Proxy(model.papers as PlacedPaper[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { model: { ...model, papers }, reads: () => reads };
  }
  const days = (n: number): string =>
    Array.from({ length: n }, (_, i) => `## Daily Papers (2025-01-${String((i % 28) + 1).padStart(2, '0')})\n\n${paperText({ id: `2501.${String(10000 + i)}` })}\n`).join('');

  test('2,000 days: folding reads each paper a bounded number of times', HANG, () => {
    const { model, reads } = countingModel(days(2_000));
    const folds = getFoldingRanges(model);
    assert.equal(folds.length, 4_000);
    // Each day folds to its paper's last line.
    assert.deepEqual(folds.slice(0, 2), [{ startLine: 0, endLine: 12 }, { startLine: 2, endLine: 12 }]);
    assert.ok(reads() <= 4 * 2_000, `${reads()} reads of 2,000 papers`);
  });

  test('2,000 days: the outline reads each paper a bounded number of times', HANG, () => {
    const { model, reads } = countingModel(days(2_000));
    const symbols = getDocumentSymbols(model, noCancellation);
    assert.equal(symbols.length, 2_000);
    assert.deepEqual(symbols.map((s) => s.children.length), Array(2_000).fill(1));
    assert.ok(reads() <= 4 * 2_000, `${reads()} reads of 2,000 papers`);
  });
});

describe('defect 7: a lone carriage return is a line break', () => {
  const flatten = (text: string): string => {
    const service = createLanguageService();
    const d = doc(text);
    return JSON.stringify([service.computeDiagnostics(d), service.getDocumentSymbols(d), service.getFoldingRanges(d)]);
  };
  for (const name of fixtureNames()) {
    test(`${name}: \\r and \\r\\n line endings give the results of \\n`, () => {
      const text = readFileSync(join(FIXTURES_DIR, name), 'utf8').replace(/\r\n?/g, '\n');
      const lf = flatten(text);
      assert.equal(flatten(text.replace(/\n/g, '\r')), lf);
      assert.equal(flatten(text.replace(/\n/g, '\r\n')), lf);
    });
  }

  test('an unclosed label in a CRLF file ends on its line, not on the \\r', () => {
    const text = digestText('2025-01-23', [{ id: ID, sections: ["***What's New\n  continued", '***Technical Details***: b', '***Performance Highlights***: c'] }]).replace(/\n/g, '\r\n');
    const issue = diagnose(text).find((i) => i.rule === 'mislabelled-section');
    assert.ok(issue);
    const line = text.split('\r\n')[issue.range.end.line]!;
    assert.ok(issue.range.end.character <= line.length, `${issue.range.end.character} > ${line.length}`);
  });
});

describe('defect 8: the hover never cuts a character in half', () => {
  test('an emoji across the 600th unit is dropped whole', () => {
    const text = `${'a'.repeat(599)}😀 more`;
    const cut = truncateText(text, 600);
    assert.equal(cut, `${'a'.repeat(599)}…`);
    assert.equal(truncateText(`${'a'.repeat(598)}😀 more`, 600), `${'a'.repeat(598)}😀…`);
    assert.equal(truncateText('short', 600), 'short');
    assert.equal(truncateText('a'.repeat(600), 600), 'a'.repeat(600));
    assert.equal(truncateText('a'.repeat(601), 600), `${'a'.repeat(600)}…`);
  });

  test('a family emoji (a ZWJ grapheme) is kept or dropped whole', () => {
    const family = '👨‍👩‍👧';
    const cut = truncateText(`${'a'.repeat(597)}${family}`, 600);
    assert.equal(cut, `${'a'.repeat(597)}…`);
  });

  test('the hover card over such a paper holds no lone surrogate', () => {
    const text = digestText('2025-01-23', [{ id: ID, sections: [`***What's New***: ${'a'.repeat(599)}😀 end`, DEFAULT_SECTIONS[1]!, DEFAULT_SECTIONS[2]!] }]);
    const hover = createLanguageService().getHover(doc(text), { line: 2, character: 5 });
    assert.ok(hover);
    assert.doesNotMatch(hover.markdown, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    assert.match(hover.markdown, /a…/);
  });
});

describe('defect 4: reports are capped per rule per paper', () => {
  const withBackspaces = (n: number): string => paperWith(`\nNote: ${'\b'.repeat(n)}\n`);
  const controls = (text: string): Issue[] => diagnose(text).filter((i) => i.rule === 'control-character');

  test('20,000 backspaces give 50 reports and one summary', () => {
    const found = controls(withBackspaces(20_000));
    assert.equal(found.length, 51);
    assert.match(found[50]!.message, /^19950 more control characters in this paper are not listed/);
    assert.equal(found[50]!.range.start.character, 'Note: '.length + 50);
  });

  test('the cap boundary: 50 is reported in full, 51 gets a summary of 1', () => {
    assert.equal(controls(withBackspaces(50)).length, 50);
    const over = controls(withBackspaces(51));
    assert.equal(over.length, 51);
    assert.match(over[50]!.message, /^1 more control characters/);
  });

  test('a paper rule is capped the same way', () => {
    const authors = Array.from({ length: 120 }, () => 'Ada Lovelace').join(', ');
    const found = diagnose(digestText('2025-01-23', [{ id: ID, authors }])).filter((i) => i.rule === 'duplicate-author');
    assert.equal(found.length, 51);
    assert.match(found[50]!.message, /^69 more `duplicate-author` reports in this paper/);
  });
});
