// The service re-parses only the blocks an edit touches, and the model it
// builds that way is the same as a fresh parse of the same text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeChanges, createLanguageService, defaultSettings, type ChangeSpan, type DigestSettings, type TextDocumentLike } from '../../server/src/core';
import { applyEdits, bigDigest, doc, lineOf, positionAt } from '../helpers/digest';

const URI = 'file:///test/incremental.md';

/** Replaces the first occurrence of `from` after line `after`. */
function replaceOnce(text: string, from: string, to: string, after = 0): string {
  const lineStart = text.split('\n').slice(0, after).join('\n').length;
  const at = text.indexOf(from, lineStart);
  assert.ok(at >= 0, `"${from}" in the text`);
  return applyEdits(text, [{ range: { start: positionAt(text, at), end: positionAt(text, at + from.length) }, newText: to }]);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The smallest span where two texts differ, widened by `slack` characters each side when possible. */
function diffSpan(before: string, after: string, slack = 0): ChangeSpan {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const left = Math.min(slack, start);
  const right = Math.min(slack, tail);
  return { start: start - left, oldEnd: before.length - tail + right, newEnd: after.length - tail + right };
}

/** True when `span` truthfully describes how `before` became `after`. */
function spanHolds(before: string, after: string, s: ChangeSpan): boolean {
  return s.start <= s.oldEnd && s.start <= s.newEnd && before.slice(0, s.start) === after.slice(0, s.start) && before.slice(s.oldEnd) === after.slice(s.newEnd);
}

/** A document that tells the core what changed since the previous version, as the LSP adapter does. */
function hinted(text: string, version: number, previous: { text: string; version: number } | undefined, slack: number): TextDocumentLike {
  return {
    uri: URI,
    version,
    getText: () => text,
    changedSince: (v) => (previous && v === previous.version ? diffSpan(previous.text, text, slack) : v === version ? { start: 0, oldEnd: 0, newEnd: 0 } : undefined),
  };
}

describe('composeChanges', () => {
  test('two edits composed describe the whole change', () => {
    const random = mulberry32(7);
    const edit = (t: string): [string, ChangeSpan] => {
      const start = Math.floor(random() * (t.length + 1));
      const end = Math.min(t.length, start + Math.floor(random() * 5));
      const insert = 'xyz\n'.slice(0, Math.floor(random() * 5));
      return [t.slice(0, start) + insert + t.slice(end), { start, oldEnd: end, newEnd: start + insert.length }];
    };
    for (let i = 0; i < 500; i++) {
      const a = 'line one\nline two\nline three\n';
      const [b, first] = edit(a);
      const [c, second] = edit(b);
      assert.ok(spanHolds(a, b, first) && spanHolds(b, c, second));
      const both = composeChanges(first, second);
      assert.ok(spanHolds(a, c, both), `${JSON.stringify(first)} then ${JSON.stringify(second)} gave ${JSON.stringify(both)}`);
    }
  });
});

describe('IncrementalParser / lastParsedBlocks', () => {
  const base = bigDigest(200);

  test('the first parse of a 200-paper digest parses every block', () => {
    const service = createLanguageService();
    service.computeDiagnostics(doc(base, URI, 1));
    assert.equal(service.lastParsedBlocks(URI), 201);
    assert.equal(service.getModel(doc(base, URI, 1))?.papers.length, 200);
  });

  test('an edit inside one paper re-parses exactly one block', () => {
    const service = createLanguageService();
    service.computeDiagnostics(doc(base, URI, 1));
    const line = lineOf(base, 'Generated Paper Number 137');
    const edited = replaceOnce(base, 'A new method for testing digests.', 'A slightly different summary.', line);
    service.computeDiagnostics(doc(edited, URI, 2));
    assert.equal(service.lastParsedBlocks(URI), 1);
  });

  test('typing one character at a time re-parses one block per keystroke', () => {
    const service = createLanguageService();
    let text = base;
    let version = 1;
    service.computeDiagnostics(doc(text, URI, version));
    const at = text.indexOf('Vote: 50\n') + 'Vote: 50'.length;
    for (const ch of '123') {
      const offset = at + (version - 1);
      text = text.slice(0, offset) + ch + text.slice(offset);
      service.computeDiagnostics(doc(text, URI, ++version));
      assert.equal(service.lastParsedBlocks(URI), 1, `after typing "${ch}"`);
    }
    assert.ok(text.includes('Vote: 50123\n'));
  });

  test('inserting a line at the top re-parses one or two blocks', () => {
    for (const inserted of ['Some intro text\n', '\n', '# A Title\n\n']) {
      const service = createLanguageService();
      service.computeDiagnostics(doc(base, URI, 1));
      service.computeDiagnostics(doc(inserted + base, URI, 2));
      const parsed = service.lastParsedBlocks(URI);
      assert.ok(parsed >= 1 && parsed <= 2, `inserting ${JSON.stringify(inserted)} re-parsed ${parsed} blocks`);
    }
  });

  test('inserting a line right under the day heading re-parses one block', () => {
    const service = createLanguageService();
    service.computeDiagnostics(doc(base, URI, 1));
    service.computeDiagnostics(doc(base.replace('\n\n', '\n\nA note under the heading.\n\n'), URI, 2));
    assert.equal(service.lastParsedBlocks(URI), 1);
  });

  test('with a change hint from the editor, an edit inside one paper re-parses one block', () => {
    const service = createLanguageService();
    service.computeDiagnostics(hinted(base, 1, undefined, 0));
    const edited = replaceOnce(base, 'A new method for testing digests.', 'Different.', lineOf(base, 'Generated Paper Number 42'));
    service.computeDiagnostics(hinted(edited, 2, { text: base, version: 1 }, 0));
    assert.equal(service.lastParsedBlocks(URI), 1);
    const top = `Intro\n${edited}`;
    service.computeDiagnostics(hinted(top, 3, { text: edited, version: 2 }, 0));
    assert.ok(service.lastParsedBlocks(URI) <= 2, `inserting at the top re-parsed ${service.lastParsedBlocks(URI)} blocks`);
  });

  test('deleting a whole paper re-parses nothing', () => {
    const service = createLanguageService();
    service.computeDiagnostics(doc(base, URI, 1));
    const start = base.indexOf('### [Generated Paper Number 10]');
    const end = base.indexOf('### [Generated Paper Number 11]');
    service.computeDiagnostics(doc(base.slice(0, start) + base.slice(end), URI, 2));
    assert.equal(service.lastParsedBlocks(URI), 0);
    assert.equal(service.getModel(doc(base.slice(0, start) + base.slice(end), URI, 2))?.papers.length, 199);
  });

  test('the same version is not parsed twice', () => {
    const service = createLanguageService();
    const d = doc(base, URI, 1);
    service.computeDiagnostics(d);
    service.getDocumentSymbols(d);
    service.getHover(d, { line: 2, character: 6 });
    assert.equal(service.lastParsedBlocks(URI), 201, 'still the count of the first parse');
    assert.strictEqual(service.getModel(d), service.getModel(d));
  });

  test('forget() drops the cache, so the next parse starts over', () => {
    const service = createLanguageService();
    service.computeDiagnostics(doc(base, URI, 1));
    service.forget(URI);
    assert.equal(service.lastParsedBlocks(URI), 0);
    service.computeDiagnostics(doc(base, URI, 2));
    assert.equal(service.lastParsedBlocks(URI), 201);
  });
});

describe('incremental results equal a fresh parse', () => {
  const settingsVariants: DigestSettings[] = [defaultSettings, { ...defaultSettings, requiredSections: ["What's New"] }];

  function assertSame(service: ReturnType<typeof createLanguageService>, text: string, version: number, settings: DigestSettings, step: string): void {
    const fresh = createLanguageService();
    const d = doc(text, URI, version);
    assert.deepEqual(service.computeDiagnostics(d, settings), fresh.computeDiagnostics(d, settings), `diagnostics after ${step}`);
    assert.deepEqual(service.getDocumentSymbols(d, settings), fresh.getDocumentSymbols(d, settings), `symbols after ${step}`);
    assert.deepEqual(service.getModel(d, settings), fresh.getModel(d, settings), `model after ${step}`);
  }

  test('edits that change context: the day date, legacy style, settings', () => {
    const service = createLanguageService();
    let text = bigDigest(5);
    let v = 1;
    assertSame(service, text, v, defaultSettings, 'open');
    // A later paper id becomes "newer than the digest" when the date moves back.
    text = replaceOnce(text, '(2025-01-23)', '(2024-12-31)');
    assertSame(service, text, ++v, defaultSettings, 'changing the date');
    text = replaceOnce(text, '(2024-12-31)', '(2025-01-23)');
    assertSame(service, text, ++v, defaultSettings, 'changing it back');
    // Removing every label makes the digest legacy; the per-paper cache must notice.
    const legacy = text.replace(/\*\*\*[A-Za-z' ]+\*\*\*: /g, '');
    assertSame(service, legacy, ++v, defaultSettings, 'dropping every label');
    assertSame(service, text, ++v, defaultSettings, 'restoring the labels');
    for (const s of settingsVariants) assertSame(service, text, v, s, `settings ${s.requiredSections.join('/')}`);
    // The same paper under two different dates.
    const paper = text.slice(text.indexOf('### '), text.indexOf('### ', text.indexOf('### ') + 1));
    const twoDays = `${text}\n## Daily Papers (2024-12-31)\n\n${paper}`;
    assertSame(service, twoDays, ++v, defaultSettings, 'copying a paper under an older day');
  });

  test('joining a heading onto the non-empty line above it: one paper fewer, as in a fresh parse', () => {
    // No blank line before paper 3, so deleting the line break puts "### [" mid-line.
    const text = bigDigest(5).replace('\n\n### [Generated Paper Number 3]', '\n### [Generated Paper Number 3]');
    const at = text.indexOf('### [Generated Paper Number 3]');
    assert.notEqual(text.charCodeAt(at - 2), 10, 'the line above is not blank');
    const joined = text.slice(0, at - 1) + text.slice(at);
    for (const withHint of [true, false]) {
      const service = createLanguageService();
      const first = withHint ? hinted(text, 1, undefined, 0) : doc(text, URI, 1);
      assert.equal(service.getModel(first)?.papers.length, 5);
      const second = withHint ? hinted(joined, 2, { text, version: 1 }, 0) : doc(joined, URI, 2);
      const model = service.getModel(second);
      assert.equal(model?.papers.length, 4, withHint ? 'with a change hint' : 'without one');
      assert.deepEqual(model, createLanguageService().getModel(second));
    }
  });

  test('200 random edits keep the incremental model equal to a fresh one', () => {
    const random = mulberry32(20250123);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const snippets = [
      '### [Inserted Paper](https://arxiv.org/abs/2501.99999)',
      '### [Inserted Paper](https://arxiv.org/pdf/2502.99999)',
      '## Daily Papers (2025-01-24)',
      '## Daily Papers (2025-01-23)',
      '## Notes',
      '# Title',
      '```',
      '~~~',
      "- ***What's New***: inserted",
      '- **Technical Details**:',
      '- Whats New: x',
      'Vote: -',
      'Authors: Ann Lee, +, Ann Lee',
      '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.99999.png)',
      '<div><video controls src="https://example.org/v.mp4"></video></div>',
      '\b\f',
      '𝔸 🚀 한국어',
      '',
    ];
    const service = createLanguageService();
    const hintedService = createLanguageService();
    let text = bigDigest(30);
    let version = 1;
    assertSame(service, text, version, defaultSettings, 'open');
    hintedService.computeDiagnostics(hinted(text, version, undefined, 0));
    for (let step = 0; step < 200; step++) {
      const before = text;
      const lines = text.split('\n');
      const line = Math.floor(random() * lines.length);
      const op = Math.floor(random() * 6);
      let description: string;
      if (op === 0) {
        lines.splice(line, 0, pick(snippets));
        description = `insert at line ${line}`;
      } else if (op === 1 && lines.length > 1) {
        lines.splice(line, 1);
        description = `delete line ${line}`;
      } else if (op === 2) {
        const s = lines[line] ?? '';
        const at = Math.floor(random() * (s.length + 1));
        lines[line] = s.slice(0, at) + pick(['x', ' ', '#', '*', '[', ')', ':', '\t']) + s.slice(at);
        description = `type into line ${line}`;
      } else if (op === 3) {
        const count = 1 + Math.floor(random() * 12);
        lines.splice(line, 0, ...lines.slice(line, line + count));
        description = `duplicate lines ${line}+${count}`;
      } else if (op === 4 && line + 1 < lines.length) {
        lines.splice(line, 2, `${lines[line] ?? ''}${lines[line + 1] ?? ''}`);
        description = `join line ${line} with the next`;
      } else {
        const s = lines[line] ?? '';
        lines[line] = s.slice(0, Math.floor(random() * s.length));
        description = `truncate line ${line}`;
      }
      text = lines.join('\n');
      const settings = step % 50 === 49 ? pick(settingsVariants) : defaultSettings;
      assertSame(service, text, ++version, settings, `step ${step}: ${description}`);
      // The same edit, announced with a change span (sometimes wider than needed), as the LSP adapter does.
      const d = hinted(text, version, { text: before, version: version - 1 }, Math.floor(random() * 3) * 40);
      const fresh = createLanguageService();
      assert.deepEqual(hintedService.computeDiagnostics(d, settings), fresh.computeDiagnostics(d, settings), `hinted diagnostics after step ${step}: ${description}`);
      assert.deepEqual(hintedService.getModel(d, settings), fresh.getModel(d, settings), `hinted model after step ${step}: ${description}`);
    }
  });
});
