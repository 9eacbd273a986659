// Inputs an editor can send while someone types or pastes: the core must not
// throw, and must still say something definite about them. Each case pins what
// comes out: the codes reported, the outline, and the hover over line 3.
// How long the pathological ones take is measured by `npm run bench`
// (scripts/bench-robustness.mjs), not here: tests carry no timings.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, escapeMarkdown, type DigestSymbol } from '../../server/src/core';
import { doc } from '../helpers/digest';
import { BRACKETS_TITLE, PATHOLOGICAL } from '../helpers/pathological';

const HEADING = '## Daily Papers (2025-01-23)\n\n';
const DAY = 'day:Daily Papers (2025-01-23)';

interface Outcome {
  /** Sorted codes, or null when the text is not a digest. */
  readonly codes: readonly string[] | null;
  readonly symbols: readonly string[];
  /** First line of the hover card over line 3, column 5. */
  readonly hover: string | null;
}

const flat = (list: readonly DigestSymbol[]): string[] => list.flatMap((s) => [`${s.kind}:${s.name}`, ...flat(s.children)]);

function outcome(text: string): Outcome {
  const service = createLanguageService();
  const d = doc(text);
  const issues = service.computeDiagnostics(d);
  assert.ok(issues, 'not cancelled');
  const symbols = flat(service.getDocumentSymbols(d));
  // Hovers anywhere, including past the end, must not throw either.
  const lines = text.split('\n').length;
  for (const p of [{ line: 0, character: 0 }, { line: lines - 1, character: 1 }, { line: lines + 5, character: 99 }]) service.getHover(d, p);
  const hover = service.getHover(d, { line: 2, character: 5 })?.markdown.split('\n')[0] ?? null;
  return { codes: service.getModel(d) ? issues.map((i) => i.rule).sort() : null, symbols, hover };
}

describe('robustness', () => {
  const cases: [string, string, Outcome][] = [
    ['empty text', '', { codes: null, symbols: [], hover: null }],
    ['only a heading, no newline', '## Daily Papers (2025-01-23)', { codes: [], symbols: [DAY], hover: null }],
    ['a heading line that is only hashes', `${HEADING}###\n####\n#`, { codes: [], symbols: [DAY], hover: null }],
    [
      'NUL and lone surrogates',
      `${HEADING}### [\u0000\ud800](https://arxiv.org/abs/2501.00001\udfff)\n\nAuthors: \ud83d, \u0000\n`,
      { codes: ['control-character', 'control-character', 'legacy-format', 'malformed-arxiv-link'], symbols: [DAY, 'paper:\ufffd\ud800'], hover: '**\ufffd\ufffd**' },
    ],
    [
      'a link that never closes',
      `${HEADING}### [A](https://arxiv.org/abs/2501.00001\n\nVote: 1\n`,
      { codes: ['legacy-format', 'malformed-arxiv-link'], symbols: [DAY, 'paper:[A](https://arxiv.org/abs/2501.00001'], hover: '**\\[A\\]\\(https\\:\\/\\/arxiv\\.org\\/abs\\/2501\\.00001**' },
    ],
    ['an image as the title', `${HEADING}### ![](https://x/y.png)\n`, { codes: ['legacy-format', 'malformed-arxiv-link'], symbols: [DAY, 'paper:(untitled paper)'], hover: '**\\(untitled paper\\)**' }],
    ['nested brackets in the title', `${HEADING}### [[a] [b [c]]](https://arxiv.org/abs/2501.00001)\n`, { codes: ['legacy-format'], symbols: [DAY, 'paper:[a] [b [c]]'], hover: '**\\[a\\] \\[b \\[c\\]\\]**' }],
    ['a setext heading', `${HEADING}Title\n===\n\n### [A](https://arxiv.org/abs/2501.00001)\n`, { codes: ['legacy-format'], symbols: [DAY, 'paper:A'], hover: null }],
    [
      'HTML blocks and comments',
      `${HEADING}### [A](https://arxiv.org/abs/2501.00001)\n\n<!--\n### [B](x)\n-->\n<div>\n\n### [C](y)\n\n</div>\n`,
      { codes: ['legacy-format', 'malformed-arxiv-link', 'malformed-arxiv-link'], symbols: [DAY, 'paper:A', 'paper:B', 'paper:C'], hover: '**A**' },
    ],
    ['front matter', `---\ntitle: x\n---\n${HEADING}### [A](https://arxiv.org/abs/2501.00001)\n`, { codes: ['legacy-format'], symbols: [DAY, 'paper:A'], hover: null }],
    ['tables and footnotes', `${HEADING}### [A](https://arxiv.org/abs/2501.00001)[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: note\n`, { codes: ['legacy-format'], symbols: [DAY, 'paper:A^1'], hover: '**A\\^1**' }],
    // Past MAX_PARSED_PAPER_CHARS only the start of a paper is parsed: here that is nothing, so no title and no link.
    ['180 KB of unbalanced brackets', PATHOLOGICAL.brackets, { codes: ['legacy-format', 'malformed-arxiv-link'], symbols: [DAY, `paper:${BRACKETS_TITLE}`], hover: `**${escapeMarkdown(BRACKETS_TITLE)}**` }],
    [
      'a 12 KB run of emphasis delimiters',
      PATHOLOGICAL.emphasis,
      { codes: ['missing-authors', 'missing-section', 'missing-section', 'missing-section', 'missing-thumbnail', 'missing-vote'], symbols: [DAY, 'paper:A', 'section:a'], hover: '**A**' },
    ],
  ];
  for (const [name, text, expected] of cases) {
    // The timeout only stops a hang from blocking the run; it is not a speed claim.
    test(`${name}: no exception, and a definite result`, { timeout: 60_000 }, () => {
      assert.deepEqual(outcome(text), expected);
    });
  }

  test('CR-only line endings: no exception, and either not a digest or the same result as with LF', () => {
    const cr = `${HEADING.replace(/\n/g, '\r')}### [A](https://arxiv.org/abs/2501.00001)\r`;
    // Lone CRs are being taught to the parser as line breaks (issue 8); both states are acceptable, nothing else.
    const got = outcome(cr);
    const lf = outcome(cr.replace(/\r/g, '\n'));
    assert.deepEqual(lf, { codes: ['legacy-format'], symbols: [DAY, 'paper:A'], hover: '**A**' });
    assert.ok(got.codes === null ? got.symbols.length === 0 : JSON.stringify(got) === JSON.stringify(lf), JSON.stringify(got));
  });
});
