// The server's chunked document must agree with vscode-languageserver-textdocument
// on every edit an editor can send, and report where each edit landed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';
import { seeded, Tally } from '../helpers/random';

const PIECES = ['a', '\n', 'xyz\n', '### T\n', '😀', '\r\n', '가나다', ''] as const;

/** True when applying `changes` in order leaves a lone CR at any step, on a scratch copy. */
function leavesLoneCr(text: string, changes: TextDocumentContentChangeEvent[]): boolean {
  const scratch = TextDocument.create('file:///scratch.md', 'markdown', 1, text);
  return changes.some((change) => {
    TextDocument.update(scratch, [change], 2);
    return /\r(?!\n)/.test(scratch.getText());
  });
}

test('random edits: same text, lines and positions as TextDocument, and an exact change span', () => {
  const rnd = seeded(7);
  const drawn = new Tally<string>();
  const draw = (): string => drawn.add(rnd.pick(PIECES));
  // What the checked versions held: each kind of text must really have been compared.
  const checked = new Tally<'crlf' | 'astral' | 'hangul' | 'heading' | 'chunked' | 'multi-change'>();
  let versions = 0;
  for (let round = 0; round < 120; round++) {
    // Some documents are large enough to be split into several chunks.
    const size = rnd.int(3) === 0 ? 40_000 + rnd.int(40_000) : rnd.int(200);
    let initial = '';
    for (let i = 0; i < size; i++) initial += draw();
    const ref = TextDocument.create('file:///t.md', 'markdown', 1, initial);
    const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, initial);
    for (let e = 0; e < 20; e++) {
      let changes: TextDocumentContentChangeEvent[];
      // A lone CR is a line break to LSP but not to the core; editors never send one
      // (they normalise line ends), so edits that would leave one, even between two
      // changes of one notification, are drawn again.
      do {
        changes = Array.from({ length: 1 + rnd.int(3) }, () => {
          // Lines stay inside the document: TextDocument's own line table goes wrong for
          // an edit on a line past the end (it trusts the range's line numbers).
          const start = { line: rnd.int(ref.lineCount), character: rnd.int(20) };
          const end = rnd.int(2) ? start : { line: Math.min(ref.lineCount - 1, start.line + rnd.int(3)), character: rnd.int(30) };
          let text = rnd.int(10) === 0 ? 'q'.repeat(40_000) : '';
          for (let i = 0, n = rnd.int(5); i < n; i++) text += draw();
          return { range: { start, end }, text };
        });
      } while (leavesLoneCr(ref.getText(), changes));
      const before = ref.getText();
      TextDocument.update(ref, changes, e + 2);
      TrackedDocument.update(doc, changes, e + 2);
      const after = ref.getText();
      const where = `round ${round}, edit ${e}`;
      assert.equal(doc.slice(0, doc.length), after, where);
      assert.equal(doc.lineCount, ref.lineCount, where);
      for (let k = 0; k < 5; k++) {
        const offset = rnd.int(after.length + 1);
        assert.deepEqual(doc.positionAt(offset), ref.positionAt(offset), where);
        const p = ref.positionAt(offset);
        assert.equal(doc.offsetAt(p), ref.offsetAt(p), where);
        // Positions past a line's end, and on lines past the end, clamp the same way.
        const past = { line: rnd.int(ref.lineCount + 2), character: rnd.int(200) };
        assert.equal(doc.offsetAt(past), ref.offsetAt(past), `${where}, ${JSON.stringify(past)}`);
        const length = rnd.int(100);
        assert.equal(doc.slice(offset, offset + length), after.slice(offset, offset + length), where);
        assert.equal(doc.charCodeAt(offset), after.charCodeAt(offset), where);
      }
      const span = doc.changedSince(e + 1);
      assert.ok(span, where);
      assert.equal(before.slice(0, span.start) + after.slice(span.start, span.newEnd) + before.slice(span.oldEnd), after, where);
      assert.equal(doc.getText(), after, where);
      versions++;
      if (after.includes('\r\n')) checked.add('crlf');
      if (/[\ud800-\udbff]/.test(after)) checked.add('astral');
      if (after.includes('가')) checked.add('hangul');
      if (after.includes('### T')) checked.add('heading');
      if (after.length > 32 * 1024) checked.add('chunked');
      if (changes.length > 1) checked.add('multi-change');
    }
  }
  // The generator draws every piece, about equally often (1/8 each).
  const total = [...drawn.counts.values()].reduce((a, b) => a + b, 0);
  for (const piece of PIECES) {
    const share = drawn.get(piece) / total;
    assert.ok(share > 0.1 && share < 0.15, `${JSON.stringify(piece)} drawn ${drawn.get(piece)} of ${total} times`);
  }
  assert.equal(versions, 120 * 20);
  for (const kind of ['crlf', 'astral', 'hangul', 'heading', 'chunked', 'multi-change'] as const) {
    assert.ok(checked.get(kind) > versions / 5, `${kind}: ${checked.get(kind)} of ${versions} checked versions`);
  }
});

test('changedSince composes several versions, and gives up beyond its history', () => {
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, 'one\ntwo\nthree\n');
  TrackedDocument.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }], 2);
  TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '!' }], 3);
  assert.deepEqual(doc.changedSince(1), { start: 3, oldEnd: 7, newEnd: 8 });
  assert.deepEqual(doc.changedSince(3), { start: 0, oldEnd: 0, newEnd: 0 });
  for (let v = 4; v < 80; v++) TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], v);
  assert.equal(doc.changedSince(1), undefined);
});

test('a paste of half a million lines is applied', () => {
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, 'start\nend\n');
  const paste = 'x\n'.repeat(500_000);
  TrackedDocument.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: paste }], 2);
  assert.equal(doc.lineCount, 500_003);
  assert.equal(doc.getText(), `start\n${paste}end\n`);
  assert.deepEqual(doc.positionAt(doc.length - 4), { line: 500_001, character: 0 });
});

test('chunk boundaries: slices, characters and edits exactly at a chunk edge agree with TextDocument', () => {
  // Texts over 32 KB are cut into 16 KB chunks at creation, so offset 16384 is a chunk edge.
  const edge = 16 * 1024;
  const initial = Array.from({ length: 4_000 }, (_, i) => `line ${i} 가😀\r\n`).join('');
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, initial);
  // Right after opening, slices come from the opened text itself.
  assert.equal(doc.slice(edge - 3, edge + 3), initial.slice(edge - 3, edge + 3));
  const ref = TextDocument.create('file:///t.md', 'markdown', 1, initial);
  const at = ref.positionAt(edge);
  const change = { range: { start: at, end: at }, text: 'X' };
  TextDocument.update(ref, [change], 2);
  TrackedDocument.update(doc, [change], 2);
  const text = ref.getText();
  assert.equal(doc.slice(0, doc.length), text);
  for (const o of [edge - 1, edge, edge + 1, 2 * edge, 2 * edge + 1]) {
    assert.equal(doc.slice(o, o), '', `empty slice at ${o}`);
    assert.equal(doc.slice(o - 5, o), text.slice(o - 5, o), `slice ending at ${o}`);
    assert.equal(doc.slice(o, o + 5), text.slice(o, o + 5), `slice starting at ${o}`);
    assert.equal(doc.charCodeAt(o), text.charCodeAt(o), `character at ${o}`);
  }
  assert.ok(Number.isNaN(doc.charCodeAt(-1)) && Number.isNaN(doc.charCodeAt(doc.length)), 'outside the text');
  assert.equal(doc.offsetAt({ line: -1, character: 3 }), ref.offsetAt({ line: -1, character: 3 }));
  // Reading the whole text joins the chunks once: that copy is counted, a second read is free.
  const copied = doc.copiedChars;
  doc.getText();
  doc.getText();
  assert.equal(doc.copiedChars - copied, doc.length);
});

test('deleting everything and typing again', () => {
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, 'abc\ndef\n');
  TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' }], 2);
  assert.deepEqual([doc.getText(), doc.length, doc.lineCount], ['', 0, 1]);
  TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\ny' }], 3);
  assert.deepEqual([doc.slice(0, 3), doc.lineCount, doc.charCodeAt(2), doc.positionAt(3)], ['x\ny', 2, 121, { line: 1, character: 1 }]);
});

test('changedSince keeps exactly 64 versions of history, and gives up across a version with no recorded change', () => {
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, 'start\n');
  const type = (version: number): void => {
    TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], version);
  };
  for (let v = 2; v <= 65; v++) type(v);
  assert.deepEqual(doc.changedSince(1), { start: 0, oldEnd: 0, newEnd: 64 }, '64 steps back is still known');
  type(66);
  assert.equal(doc.changedSince(1), undefined, 'the 65th step back is forgotten');
  assert.deepEqual(doc.changedSince(2), { start: 0, oldEnd: 0, newEnd: 64 });
  // An update without changes moves the version but records no step: the chain breaks there.
  TrackedDocument.update(doc, [], 67);
  type(68);
  assert.equal(doc.changedSince(65), undefined, 'from 65 the chain would need a step 66 -> 67');
  assert.deepEqual(doc.changedSince(67), { start: 0, oldEnd: 0, newEnd: 1 });
});
