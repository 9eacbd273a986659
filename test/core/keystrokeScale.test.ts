// A keystroke's work does not grow with the document (issue 8). Counts, not
// timings: in a 2,000- and a 4,000-paper digest with repeated papers (so
// `duplicate-paper` has hundreds of reports), typing in one paper places one
// block and one paper, looks up one paper's issues, re-indexes no key and
// converts only that paper's diagnostics, whatever the size. Every result is
// also compared with a fresh parse of the same text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, noCancellation, type ChangeSpan, type Issue } from '../../server/src/core';
import { DiagnosticsComputer } from '../../server/src/core/features/diagnostics';
import { PaperKeyIndex } from '../../server/src/core/incremental/paperKeyIndex';
import { IncrementalParser } from '../../server/src/core/parse/document';
import { titleKey } from '../../server/src/core/rules/duplicatePaper';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { DiagnosticCache } from '../../server/src/lsp/diagnosticCache';
import { digestText, type PaperSpec } from '../helpers/digest';

const URI = 'file:///test/scale.md';
/** Every REPEAT-th paper repeats the id of the paper before it. */
const REPEAT = 10;

function specs(n: number): PaperSpec[] {
  const out: PaperSpec[] = [];
  for (let i = 0; i < n; i++) {
    const id = `2501.${String(10000 + (i % REPEAT === REPEAT - 1 ? i - 1 : i))}`;
    // The middle paper has no vote line: one issue of its own, re-made by every keystroke in it.
    out.push({ id, title: `Scaled Paper ${i}`, vote: i === n / 2 ? null : String(i), authors: `Author ${i}A, Author ${i}B` });
  }
  return out;
}

/** An editor's view of the text: applies one edit and says where it landed. */
class Editor {
  constructor(public text: string) {}

  insert(at: number, inserted: string): ChangeSpan {
    return this.replace(at, at, inserted);
  }

  replace(start: number, end: number, inserted: string): ChangeSpan {
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    return { start, oldEnd: end, newEnd: start + inserted.length };
  }
}

function fresh(text: string, version: number): Issue[] {
  const model = new IncrementalParser().parse(URI, version, text, 'heading');
  return new DiagnosticsComputer().compute(model, defaultSettings, noCancellation, new WorkspaceIndex()) ?? [];
}

interface Measured {
  readonly issues: number;
  readonly parsed: number[];
  readonly placed: number[];
  readonly visited: number[];
  readonly lookedUp: number[];
  readonly converted: number[];
}

function typeInMiddle(papers: number, keystrokes: number): Measured {
  const editor = new Editor(digestText('2025-01-23', specs(papers)));
  const parser = new IncrementalParser();
  const computer = new DiagnosticsComputer();
  const cache = new DiagnosticCache();
  const workspace = new WorkspaceIndex();
  let version = 1;
  let issues = computer.compute(parser.parse(URI, version, editor.text, 'heading'), defaultSettings, noCancellation, workspace)!;
  cache.convert(issues, URI, 'en');
  const measured: Measured = { issues: issues.length, parsed: [], placed: [], visited: [], lookedUp: [], converted: [] };
  const anchor = `Authors: Author ${papers / 2}A`;
  for (let k = 0; k < keystrokes; k++) {
    const change = editor.insert(editor.text.indexOf(anchor) + anchor.length, 'x');
    const model = parser.parse(URI, ++version, editor.text, 'heading', change);
    issues = computer.compute(model, defaultSettings, noCancellation, workspace)!;
    cache.convert(issues, URI, 'en');
    measured.parsed.push(parser.lastParsedBlocks);
    measured.placed.push(parser.lastPlacedObjects);
    measured.visited.push(parser.lastVisitedBlocks);
    measured.lookedUp.push(computer.lastLookedUp);
    measured.converted.push(cache.lastConverted);
  }
  assert.deepEqual(issues, fresh(editor.text, version), 'incremental issues equal a fresh parse');
  return measured;
}

describe('a keystroke costs the same in a 2,000- and a 4,000-paper digest', () => {
  const small = typeInMiddle(2_000, 5);
  const large = typeInMiddle(4_000, 5);

  test('the larger digest has twice the reports, so the counts below are not trivially equal', () => {
    assert.equal(small.issues, 2_000 / REPEAT + 1);
    assert.equal(large.issues, 4_000 / REPEAT + 1);
  });

  test('one block parsed, two visited; one placed block and one placed paper made anew', () => {
    for (const m of [small, large]) {
      assert.deepEqual(m.parsed, [1, 1, 1, 1, 1]);
      // The block before the edit is split again too (an edit may join it to the next), and reused as it was.
      assert.deepEqual(m.visited, [2, 2, 2, 2, 2], 'no pass over the other blocks');
      assert.deepEqual(m.placed, [2, 2, 2, 2, 2]);
    }
  });

  test("one paper's issues looked up; only its one issue converted to LSP", () => {
    for (const m of [small, large]) {
      assert.deepEqual(m.lookedUp, [1, 1, 1, 1, 1]);
      assert.deepEqual(m.converted, [1, 1, 1, 1, 1]);
    }
  });
});

describe('edits of other shapes fall back to placing every block, and still equal a fresh parse', () => {
  const base = digestText('2025-01-23', specs(200));
  const cases: { name: string; at: (text: string) => number; deleted?: number; inserted: string }[] = [
    { name: 'a new line inside a paper', at: (t) => t.indexOf('Vote: 50') + 8, inserted: '\n' },
    { name: 'a new paper heading', at: (t) => t.indexOf('### [Scaled Paper 70]'), inserted: '### [Inserted](https://arxiv.org/abs/2501.10003)\n\n' },
    { name: 'a day heading', at: (t) => t.indexOf('### [Scaled Paper 120]'), inserted: '## Daily Papers (2025-01-24)\n\n' },
    { name: 'a title that now repeats another', at: (t) => t.indexOf('Scaled Paper 150]') + 'Scaled Paper 15'.length, deleted: 1, inserted: '' },
    { name: 'a suppression comment', at: (t) => t.indexOf('### [Scaled Paper 90]'), inserted: '<!-- digest-disable-next-line duplicate-paper -->\n' },
    { name: 'a control character', at: (t) => t.indexOf('Vote: 30') + 6, inserted: '\u0008' },
    // Same line count: the model is patched in place, and its list of blocks with comments must follow.
    { name: 'a suppression comment on an existing line', at: (t) => t.indexOf('Authors: Author 40A'), inserted: '<!-- digest-disable-line missing-vote --> ' },
    { name: 'a label broken in the first paper', at: (t) => t.indexOf('***What', t.indexOf('Scaled Paper 0]')), deleted: 3, inserted: '' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const editor = new Editor(base);
      const parser = new IncrementalParser();
      const computer = new DiagnosticsComputer();
      const workspace = new WorkspaceIndex();
      computer.compute(parser.parse(URI, 1, editor.text, 'heading'), defaultSettings, noCancellation, workspace);
      const at = c.at(editor.text);
      const change = editor.replace(at, at + (c.deleted ?? 0), c.inserted);
      const model = parser.parse(URI, 2, editor.text, 'heading', change);
      assert.deepEqual(model, new IncrementalParser().parse(URI, 2, editor.text, 'heading'), 'the model');
      assert.deepEqual(computer.compute(model, defaultSettings, noCancellation, workspace), fresh(editor.text, 2), 'the issues');
    });
  }
});

describe('PaperKeyIndex', () => {
  const parse = (text: string, parser = new IncrementalParser()) => parser.parse(URI, 1, text, 'heading');

  test('an edit that keeps a paper\'s id and title re-indexes nothing and keeps the same answer', () => {
    const text = digestText('2025-01-23', specs(40));
    const parser = new IncrementalParser();
    const index = new PaperKeyIndex(titleKey);
    index.update(parse(text, parser).papers);
    const before = index.repeats();
    assert.equal(before.length, 40 / REPEAT);
    const at = text.indexOf('Vote: 25') + 8;
    const edited = `${text.slice(0, at)}9${text.slice(at)}`;
    index.update(parser.parse(URI, 2, edited, 'heading', { start: at, oldEnd: at, newEnd: at + 1 }).papers);
    assert.equal(index.lastKeyed, 0);
    assert.strictEqual(index.repeats(), before);
  });

  test('an edit that changes an id re-indexes that paper only, and the repeats follow', () => {
    const text = digestText('2025-01-23', specs(40));
    const parser = new IncrementalParser();
    const index = new PaperKeyIndex(titleKey);
    index.update(parse(text, parser).papers);
    assert.deepEqual(index.repeats().map((r) => [r.index, r.first, r.kind]), [[9, 8, 'id'], [19, 18, 'id'], [29, 28, 'id'], [39, 38, 'id']]);
    // Paper 19 repeats paper 18's id; give it an id of its own.
    const at = text.indexOf('2501.10018)', text.indexOf('Scaled Paper 19]'));
    const edited = `${text.slice(0, at)}2601${text.slice(at + 4)}`;
    index.update(parser.parse(URI, 2, edited, 'heading', { start: at, oldEnd: at + 4, newEnd: at + 4 }).papers);
    assert.equal(index.lastKeyed, 1);
    assert.deepEqual(index.repeats().map((r) => r.index), [9, 29, 39]);
  });
});
