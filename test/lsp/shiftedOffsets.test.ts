// The server document's line and chunk starts shift lazily (issue 8): a
// keystroke writes the starts between it and the previous edit, not every
// start after it. Counts, not timings, at 2,000 and 4,000 papers; every
// position is checked against a document built from the same text afresh.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seeded } from '../helpers/random';
import { ShiftedOffsets } from '../../server/src/lsp/shiftedOffsets';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';
import { bigDigest, lineOf } from '../helpers/digest';

describe('ShiftedOffsets', () => {
  test('equals an eagerly shifted array under random shifts, sets and splices', () => {
    const random = seeded(11).int;
    let plain = Array.from({ length: 40 }, (_, i) => i * 10);
    const lazy = new ShiftedOffsets(plain.slice());
    for (let k = 0; k < 500; k++) {
      const op = random(4);
      const at = k % 7 === 0 ? (k % 2 === 0 ? 0 : plain.length - 1) : random(plain.length);
      if (op <= 1) {
        const delta = random(9) - 4;
        plain = plain.map((v, i) => (i >= at ? v + delta : v));
        lazy.shiftFrom(at, delta);
      } else if (op === 2) {
        plain[at] = k;
        lazy.set(at, k);
      } else {
        const count = random(3);
        const values = Array.from({ length: random(3) }, () => random(1000));
        plain.splice(at, count, ...values);
        lazy.splice(at, count, values);
      }
      assert.equal(lazy.length, plain.length);
      assert.deepEqual(Array.from({ length: plain.length }, (_, i) => lazy.at(i)), plain, `after step ${k}`);
    }
  });

  test('a splice of more values than fit in one call (a pasted file) keeps the pending shift', () => {
    const lazy = new ShiftedOffsets(Array.from({ length: 100 }, (_, i) => i * 10));
    lazy.shiftFrom(50, 3);
    const many = Array.from({ length: 200_000 }, (_, i) => 2_000_000 + i);
    lazy.splice(60, 5, many);
    assert.equal(lazy.length, 100 - 5 + 200_000);
    assert.equal(lazy.at(49), 490);
    assert.equal(lazy.at(50), 503);
    assert.equal(lazy.at(59), 593);
    assert.equal(lazy.at(60), 2_000_000);
    assert.equal(lazy.at(60 + 199_999), 2_199_999);
    assert.equal(lazy.at(60 + 200_000), 653, 'the entry after the removed five, still shifted');
  });

  test('lastAtOrBefore reads shifted values, at both ends and between', () => {
    const lazy = new ShiftedOffsets([0, 10, 20, 30]);
    lazy.shiftFrom(2, 5);
    assert.equal(lazy.lastAtOrBefore(24), 1);
    assert.equal(lazy.lastAtOrBefore(25), 2);
    assert.equal(lazy.lastAtOrBefore(34), 2);
    assert.equal(lazy.lastAtOrBefore(35), 3);
    assert.equal(lazy.lastAtOrBefore(-1), 0);
    assert.equal(lazy.lastAtOrBefore(1e9), 3);
  });

  test('a shift at the pending index writes nothing; one elsewhere writes only the entries between', () => {
    const lazy = new ShiftedOffsets(Array.from({ length: 1000 }, (_, i) => i));
    lazy.shiftFrom(500, 1);
    lazy.shiftFrom(500, 1);
    assert.equal(lazy.written, 0);
    lazy.shiftFrom(490, 1);
    assert.equal(lazy.written, 10);
    lazy.shiftFrom(495, -1);
    assert.equal(lazy.written, 15);
    assert.equal(lazy.at(489), 489);
    assert.equal(lazy.at(490), 491);
    assert.equal(lazy.at(495), 495);
    assert.equal(lazy.at(500), 502);
    assert.equal(lazy.at(999), 1001);
    lazy.shiftFrom(2000, 5);
    assert.equal(lazy.at(999), 1001, 'a shift past the end moves nothing');
  });
});

describe('typing in the server document writes a bounded number of starts', () => {
  const typeAt = (papers: number): { written: number[]; doc: TrackedDocument; text: string } => {
    let text = bigDigest(papers);
    const doc = TrackedDocument.create('file:///test/shift.md', 'markdown', 1, text);
    const line = lineOf(text, `Generated Paper Number ${papers / 2}]`);
    const target = lineOf(text, "What's New", line);
    const lines = text.split('\n');
    const written: number[] = [];
    for (let k = 0; k < 5; k++) {
      const character = lines[target]!.length + k;
      TrackedDocument.update(doc, [{ range: { start: { line: target, character }, end: { line: target, character } }, text: 'x' }], 2 + k);
      written.push(doc.lastWrittenStarts);
      lines[target] += 'x';
    }
    text = lines.join('\n');
    return { written, doc, text };
  };

  test('the same few starts at 2,000 and 4,000 papers, and every position still right', () => {
    const small = typeAt(2_000);
    const large = typeAt(4_000);
    assert.deepEqual(small.written, large.written);
    for (const w of large.written) assert.ok(w <= 4, `${w} starts written`);
    for (const { doc, text } of [small, large]) {
      const fresh = TrackedDocument.create('file:///fresh.md', 'markdown', 1, text);
      assert.equal(doc.lineCount, fresh.lineCount);
      for (let offset = 0; offset <= text.length; offset += 997) {
        assert.deepEqual(doc.positionAt(offset), fresh.positionAt(offset), `offset ${offset}`);
        const p = fresh.positionAt(offset);
        assert.equal(doc.offsetAt(p), fresh.offsetAt(p));
        // Reads through the chunk starts: a wrong start shows as a wrong slice.
        assert.equal(doc.slice(offset, offset + 40), text.slice(offset, offset + 40), `slice at ${offset}`);
        assert.equal(doc.charCodeAt(offset), text.charCodeAt(offset));
      }
      assert.deepEqual(doc.positionAt(text.length), fresh.positionAt(text.length));
      // Last: joining caches the whole text, which later slices would read instead of the chunks.
      assert.equal(doc.getText(), text);
    }
  });

  test('a keystroke far from the previous one writes the starts between them, then stays local', () => {
    const text = bigDigest(2_000);
    const doc = TrackedDocument.create('file:///test/far.md', 'markdown', 1, text);
    const at = (line: number, version: number): number => {
      TrackedDocument.update(doc, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'y' }], version);
      return doc.lastWrittenStarts;
    };
    at(100, 2);
    const far = at(5_000, 3);
    assert.ok(far >= 4_800, `${far} starts written between line 100 and line 5,000`);
    assert.ok(at(5_000, 4) <= 2);
    const fresh = TrackedDocument.create('file:///fresh.md', 'markdown', 1, doc.getText());
    for (const line of [0, 99, 100, 101, 4_999, 5_000, 5_001, doc.lineCount - 1]) {
      assert.equal(doc.offsetAt({ line, character: 1 }), fresh.offsetAt({ line, character: 1 }), `line ${line}`);
    }
  });
});
