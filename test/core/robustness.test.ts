// Inputs an editor can send while someone types or pastes: the core must not
// throw, and must not stall the single-threaded server.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, type Position } from '../../server/src/core';
import { doc } from '../helpers/digest';

const HEADING = '## Daily Papers (2025-01-23)\n\n';

function runAll(text: string): number {
  const started = performance.now();
  const service = createLanguageService();
  const d = doc(text);
  assert.ok(Array.isArray(service.computeDiagnostics(d)));
  service.getDocumentSymbols(d);
  const lines = text.split('\n').length;
  for (const p of [{ line: 0, character: 0 }, { line: 2, character: 5 }, { line: lines - 1, character: 1 }, { line: lines + 5, character: 99 }] satisfies Position[]) service.getHover(d, p);
  return performance.now() - started;
}

describe('robustness', () => {
  const cases: [string, string][] = [
    ['empty text', ''],
    ['only a heading, no newline', '## Daily Papers (2025-01-23)'],
    ['a heading line that is only hashes', `${HEADING}###\n####\n#`],
    ['NUL and lone surrogates', `${HEADING}### [\u0000\ud800](https://arxiv.org/abs/2501.00001\udfff)\n\nAuthors: \ud83d, \u0000\n`],
    ['CR-only line endings', HEADING.replace(/\n/g, '\r') + '### [A](https://arxiv.org/abs/2501.00001)\r'],
    ['a link that never closes', `${HEADING}### [A](https://arxiv.org/abs/2501.00001\n\nVote: 1\n`],
    ['an image as the title', `${HEADING}### ![](https://x/y.png)\n`],
    ['nested brackets in the title', `${HEADING}### [[a] [b [c]]](https://arxiv.org/abs/2501.00001)\n`],
    ['a setext heading', `${HEADING}Title\n===\n\n### [A](https://arxiv.org/abs/2501.00001)\n`],
    ['HTML blocks and comments', `${HEADING}### [A](https://arxiv.org/abs/2501.00001)\n\n<!--\n### [B](x)\n-->\n<div>\n\n### [C](y)\n\n</div>\n`],
    ['front matter', `---\ntitle: x\n---\n${HEADING}### [A](https://arxiv.org/abs/2501.00001)\n`],
    ['tables and footnotes', `${HEADING}### [A](https://arxiv.org/abs/2501.00001)[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: note\n`],
  ];
  for (const [name, text] of cases) {
    test(`does not throw: ${name}`, () => {
      runAll(text);
    });
  }

  test('180 KB of unbalanced brackets is parsed in seconds', () => {
    const ms = runAll(`${HEADING}### ${'[['.repeat(20_000)}${'(('.repeat(20_000)}](](\n\n${'[x]('.repeat(20_000)}\n`);
    assert.ok(ms < 10_000, `${Math.round(ms)} ms`);
  });

  test('a 12 KB run of emphasis delimiters does not stall the parser', () => {
    const ms = runAll(`${HEADING}### [A](https://arxiv.org/abs/2501.00001)\n\n- ${'*a_'.repeat(4_000)}\n`);
    assert.ok(ms < 5_000, `${Math.round(ms)} ms`);
  });
});
