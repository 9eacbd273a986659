// Seeded fuzz (issue 8): random incremental edits with Korean text, emoji,
// lone surrogates, \r, \r\n, NUL, control characters and Markdown punctuation,
// applied to digest-shaped text through the server's document. After every
// edit the incremental results must equal a fresh open, and every range must
// be valid. DIGEST_FUZZ_ITERATIONS=5000 runs longer.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type DigestSymbol, type Range } from '../../server/src/core';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';
import { bigDigest, digestText, doc } from '../helpers/digest';
import { xorshift32, pick } from '../helpers/prng';

const ITERATIONS = Number(process.env.DIGEST_FUZZ_ITERATIONS ?? 300);
const SEEDS = [1, 2, 3];

export const PIECES: readonly string[] = [
  '한국어 요약', '😀', '👨‍👩‍👧', '\ud800', '\udc00', '\r', '\r\n', '\n', '\n\n', '\u0000', '\b', '\f', '\u001b',
  '*', '_', '[', ']', '(', ')', '`', '```', '#', '### ', '## ', '- ', '> ', '1. ', '<!--', '-->', '\\', '&amp;', ' ', '\t', 'x',
  "***What's New***: ", '***Technical Details***:', 'Vote: 3', 'Vote: -', 'Authors: A, B', '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.00001.png)',
  '\n### [T](https://arxiv.org/abs/2501.00001)\n', '\n## Daily Papers (2025-01-24)\n', '[x](https://arxiv.org/pdf/2501.0001)',
  '\r### [U](https://arxiv.org/abs/2501.00003)\r', '\r\n### [V](https://arxiv.org/abs/2501.00004)\r\n', '\r## Daily Papers (2025-01-25)\r',
];

function randomText(rand: () => number, maxPieces: number): string {
  const n = Math.floor(rand() * maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, PIECES);
  return s;
}

function baseDigest(seed: number): string {
  return seed % 2 === 0
    ? bigDigest(12)
    : digestText('2025-01-23', [
      { id: '2501.00001', title: '한국어 제목 😀', authors: "['김 철수', '이 영희']" },
      { id: '2501.00002', vote: '-', sections: ["***What's New***: 새 방법", '**Technical Details**: x', '***Performance Highlights***: y'] },
      { id: '2501.00001', thumbnail: null },
    ]);
}

/** Line texts as LSP splits them. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function offsetOf(text: string, lines: readonly string[], line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    offset += lines[i]!.length;
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  return offset + character;
}

function assertValidRange(text: string, lines: readonly string[], r: Range, what: string): void {
  for (const p of [r.start, r.end]) {
    const line = lines[p.line];
    assert.ok(line !== undefined, `${what}: line ${p.line} outside ${lines.length} lines`);
    assert.ok(p.character >= 0 && p.character <= line.length, `${what}: character ${p.character} outside line ${p.line} (${line.length})`);
    const at = offsetOf(text, lines, p.line, p.character);
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at);
    assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${what}: splits a surrogate pair at ${p.line}:${p.character}`);
    assert.ok(!(before === 13 && after === 10), `${what}: between \\r and \\n at ${p.line}:${p.character}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end`);
}

function symbolRanges(symbols: readonly DigestSymbol[]): Range[] {
  return symbols.flatMap((s) => [s.range, s.selectionRange, ...symbolRanges(s.children)]);
}

describe('seeded PRNG', () => {
  test('xorshift32 is deterministic and its picks are spread evenly over the pieces', () => {
    const a = xorshift32(42);
    const b = xorshift32(42);
    for (let i = 0; i < 100; i++) assert.equal(a(), b());
    assert.notEqual(xorshift32(1)(), xorshift32(2)());
    const rand = xorshift32(7);
    const counts = new Map<string, number>();
    const draws = PIECES.length * 1000;
    for (let i = 0; i < draws; i++) {
      const p = pick(rand, PIECES);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    assert.equal(counts.size, new Set(PIECES).size, 'every piece is drawn');
    // Each piece is expected 1,000 times; a fair generator stays well within ±15 %.
    for (const [piece, n] of counts) assert.ok(n > 850 && n < 1150, `${JSON.stringify(piece)} drawn ${n} times`);
    for (let i = 0; i < 1000; i++) {
      const x = rand();
      assert.ok(x >= 0 && x < 1);
    }
  });
});

describe('fuzz: incremental edits equal a fresh open', { timeout: 600_000 }, () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: ${ITERATIONS} edits`, () => {
      const rand = xorshift32(seed);
      const uri = `file:///fuzz/${seed}.md`;
      let text = baseDigest(seed);
      let tracked = TrackedDocument.create(uri, 'markdown', 1, text);
      const service = createLanguageService();
      service.computeDiagnostics(tracked);
      for (let i = 0; i < ITERATIONS; i++) {
        // The editor's view of positions: a TextDocument made afresh from the text. (Updated
        // incrementally, vscode-languageserver-textdocument counts an inserted `\r` before an
        // existing `\n` as two line breaks; the fuzz found that, so it is not the reference.)
        const reference = TextDocument.create(uri, 'markdown', i + 1, text);
        const length = text.length;
        const start = Math.floor(rand() * (length + 1));
        const end = Math.min(length, start + Math.floor(rand() * rand() * 40));
        const range = { start: reference.positionAt(start), end: reference.positionAt(end) };
        const change = { range, text: randomText(rand, 4) };
        const version = i + 2;
        text = text.slice(0, reference.offsetAt(range.start)) + change.text + text.slice(reference.offsetAt(range.end));
        tracked = TrackedDocument.update(tracked, [change], version);
        assert.equal(tracked.getText(), text, `step ${i}: the server's copy drifted`);
        const context = `seed ${seed} step ${i}`;
        const incremental = { diagnostics: service.computeDiagnostics(tracked), symbols: service.getDocumentSymbols(tracked), folding: service.getFoldingRanges(tracked) };
        const fresh = createLanguageService();
        const plain = doc(text, uri, version);
        assert.deepEqual(incremental, { diagnostics: fresh.computeDiagnostics(plain), symbols: fresh.getDocumentSymbols(plain), folding: fresh.getFoldingRanges(plain) }, context);
        const lines = linesOf(text);
        for (const d of incremental.diagnostics ?? []) {
          assertValidRange(text, lines, d.range, `${context} ${d.rule}`);
          for (const e of d.fix?.edits ?? []) assertValidRange(text, lines, e.range, `${context} ${d.rule} fix`);
        }
        for (const r of symbolRanges(incremental.symbols)) assertValidRange(text, lines, r, `${context} symbol`);
        for (const f of incremental.folding) assert.ok(f.startLine < f.endLine && f.endLine < lines.length, `${context} fold ${f.startLine}-${f.endLine}`);
      }
    });
  }
});
