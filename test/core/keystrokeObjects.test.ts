// A keystroke that keeps the number of blocks writes O(log n) block starts and
// copies no array of the document's size (issue 8). Counts, not timings: the
// same keystroke in a 2,000- and a 4,000-paper digest, and every result is
// compared with a fresh parse of the same text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seeded } from '../helpers/random';
import { IncrementalParser } from '../../server/src/core/parse/document';
import { PrefixSums } from '../../server/src/core/incremental/prefixSums';
import { digestText, type PaperSpec } from '../helpers/digest';
import { defaultSettings, noCancellation, type DigestModel, type Issue } from '../../server/src/core';
import { DiagnosticsComputer } from '../../server/src/core/features/diagnostics';
import { changedPapers, seePapers } from '../../server/src/core/incremental/paperEdits';
import { PaperKeyIndex } from '../../server/src/core/incremental/paperKeyIndex';
import { titleKey } from '../../server/src/core/rules/duplicatePaper';

const URI = 'file:///test/objects.md';

function specs(n: number): PaperSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `2501.${10000 + i}`, title: `Object Paper ${i}`, vote: String(i) }));
}

describe('PrefixSums', () => {
  test('startOf equals a running sum after random adds, including the first and last entries', () => {
    const random = seeded(7).int;
    const lengths = Array.from({ length: 37 }, () => random(50));
    const sums = new PrefixSums(lengths);
    for (let k = 0; k < 300; k++) {
      const i = k % 3 === 0 ? (k % 2 === 0 ? 0 : lengths.length - 1) : random(lengths.length);
      const delta = random(21) - 10;
      lengths[i]! += delta;
      sums.add(i, delta);
      let running = 0;
      for (let j = 0; j <= lengths.length; j++) {
        assert.equal(sums.startOf(j), running, `start of ${j} after ${k + 1} adds`);
        running += lengths[j] ?? 0;
      }
    }
    assert.equal(sums.length, 37);
    assert.equal(sums.startOf(1000), sums.startOf(37), 'past the end: the total');
  });

  test('an empty list sums to 0', () => {
    assert.equal(new PrefixSums().startOf(0), 0);
    assert.equal(new PrefixSums([]).length, 0);
  });

  test('an add writes at most log2(n) + 1 cells, at 2,000 and at 4,000 entries', () => {
    for (const n of [2_000, 4_000]) {
      const sums = new PrefixSums(new Array<number>(n).fill(3));
      let worst = 0;
      for (let i = 0; i < n; i++) {
        sums.add(i, 1);
        worst = Math.max(worst, sums.lastTouched);
      }
      assert.ok(worst <= Math.floor(Math.log2(n)) + 1, `worst ${worst} at ${n}`);
      assert.ok(worst >= Math.floor(Math.log2(n)), 'the first entry does climb the tree');
      assert.equal(sums.startOf(n), 4 * n);
      sums.add(5, 0);
      assert.equal(sums.lastTouched, 0, 'a zero add writes nothing');
    }
  });
});

interface Typed {
  readonly written: number[];
}

function typeInMiddle(papers: number, keystrokes: number): Typed {
  let text = digestText('2025-01-23', specs(papers));
  const parser = new IncrementalParser();
  parser.parse(URI, 1, text, 'heading');
  const anchor = `Vote: ${papers / 2}`;
  const written: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const at = text.indexOf(anchor) + anchor.length;
    text = `${text.slice(0, at)}7${text.slice(at)}`;
    parser.parse(URI, 2 + k, text, 'heading', { start: at, oldEnd: at, newEnd: at + 1 });
    written.push(parser.lastWrittenStarts);
  }
  assert.deepEqual(parser.parse(URI, 100, text, 'heading'), new IncrementalParser().parse(URI, 100, text, 'heading'));
  return { written };
}

describe('a keystroke writes O(log n) block starts', () => {
  test('at 2,000 and 4,000 papers, each keystroke writes at most log2(blocks) + 1 starts', () => {
    for (const papers of [2_000, 4_000]) {
      const { written } = typeInMiddle(papers, 4);
      const bound = Math.floor(Math.log2(papers + 2)) + 1;
      for (const w of written) assert.ok(w > 0 && w <= bound, `wrote ${w} starts at ${papers} papers (bound ${bound})`);
    }
  });

  test('an edit that adds a block rebuilds every start, and the later blocks still parse where they are', () => {
    let text = digestText('2025-01-23', specs(300));
    const parser = new IncrementalParser();
    parser.parse(URI, 1, text, 'heading');
    const at = text.indexOf('### [Object Paper 150]');
    const inserted = '### [Inserted](https://arxiv.org/abs/2501.99999)\n\n';
    text = `${text.slice(0, at)}${inserted}${text.slice(at)}`;
    const model = parser.parse(URI, 2, text, 'heading', { start: at, oldEnd: at, newEnd: at + inserted.length });
    assert.ok(parser.lastWrittenStarts > 300, `rebuilt ${parser.lastWrittenStarts}`);
    assert.deepEqual(model, new IncrementalParser().parse(URI, 2, text, 'heading'));
    // Then a keystroke after the inserted block lands in the right paper.
    const vote = text.indexOf('Vote: 200') + 'Vote: 200'.length;
    text = `${text.slice(0, vote)}1${text.slice(vote)}`;
    const next = parser.parse(URI, 3, text, 'heading', { start: vote, oldEnd: vote, newEnd: vote + 1 });
    assert.deepEqual(next, new IncrementalParser().parse(URI, 3, text, 'heading'));
  });

  test('edits that grow and shrink blocks keep later offsets right, at the last paper too', () => {
    let text = digestText('2025-01-23', specs(50));
    const parser = new IncrementalParser();
    parser.parse(URI, 1, text, 'heading');
    let version = 1;
    const edit = (at: number, deleted: number, inserted: string): void => {
      text = `${text.slice(0, at)}${inserted}${text.slice(at + deleted)}`;
      const model = parser.parse(URI, ++version, text, 'heading', { start: at, oldEnd: at + deleted, newEnd: at + inserted.length });
      assert.deepEqual(model, new IncrementalParser().parse(URI, version, text, 'heading'), `after edit ${version}`);
    };
    edit(text.indexOf('Vote: 10') + 6, 0, 'abcdef');
    edit(text.indexOf('Vote: 40') + 6, 2, '');
    edit(text.indexOf('Vote: 49') + 6, 0, 'zz');
    edit(text.indexOf('Vote: 0') + 6, 1, '');
    // A later edit relies on the earlier ones' starts: typing at the end of the last paper.
    edit(text.length - 1, 0, 'q');
    edit(text.indexOf('Vote: 4') + 6, 0, 'y');
  });
});

describe('keystrokes write into the model arrays, and every consumer still sees each change', () => {
  const URI2 = 'file:///test/objects2.md';
  interface Run {
    text: string;
    version: number;
    readonly parser: IncrementalParser;
  }
  const start = (papers: number): Run => {
    const run: Run = { text: digestText('2025-01-23', specs(papers)), version: 1, parser: new IncrementalParser() };
    run.parser.parse(URI2, 1, run.text, 'heading');
    return run;
  };
  const edit = (run: Run, at: number, deleted: number, inserted: string): DigestModel => {
    run.text = `${run.text.slice(0, at)}${inserted}${run.text.slice(at + deleted)}`;
    return run.parser.parse(URI2, ++run.version, run.text, 'heading', { start: at, oldEnd: at + deleted, newEnd: at + inserted.length });
  };
  /** Where paper n's vote value starts: stable however often it is typed into. */
  const voteOf = (run: Run, n: number): number => run.text.indexOf('Vote: ', run.text.indexOf(`[Object Paper ${n}]`)) + 'Vote: '.length;
  const freshIssues = (run: Run): Issue[] => new DiagnosticsComputer().compute(new IncrementalParser().parse(URI2, run.version, run.text, 'heading'), defaultSettings, noCancellation) ?? [];

  test('at 2,000 and 4,000 papers a keystroke keeps the same blocks and papers arrays', () => {
    for (const papers of [2_000, 4_000]) {
      const run = start(papers);
      const first = run.parser.parse(URI2, 1, run.text, 'heading');
      const seen = seePapers(first.papers);
      const model = edit(run, voteOf(run, papers / 2), 0, '9');
      assert.strictEqual(model.papers, first.papers);
      assert.strictEqual(model.blocks, first.blocks);
      const changed = changedPapers(seen, model.papers);
      assert.deepEqual([...(changed?.keys() ?? [])], [papers / 2], 'one entry written');
      assert.notStrictEqual(changed?.get(papers / 2), model.papers[papers / 2], 'with the entry it replaced');
    }
  });

  test('the log reaches back 64 changes; further back, or after a rebuilt array that was written, it says unknown', () => {
    const run = start(20);
    const seen = seePapers(run.parser.parse(URI2, 1, run.text, 'heading').papers);
    for (let k = 0; k < 63; k++) edit(run, voteOf(run, 3), 0, 'a');
    const model = edit(run, voteOf(run, 4), 0, 'b');
    assert.deepEqual([...changedPapers(seen, model.papers)!.keys()].sort(), [3, 4]);
    edit(run, voteOf(run, 5), 0, 'c');
    assert.equal(changedPapers(seen, model.papers), undefined, '65 changes ago');
    const recent = seePapers(model.papers);
    edit(run, voteOf(run, 6), 0, 'd');
    // A new line: the parser builds new arrays; the old one was written since `recent`, so entries cannot be compared.
    const rebuilt = edit(run, voteOf(run, 7), 0, '\n');
    assert.notStrictEqual(rebuilt.papers, model.papers);
    assert.equal(changedPapers(recent, rebuilt.papers), undefined);
    // Seen right before the rebuild: entries compare, and the moved papers show as changed.
    const beforeRebuild = seePapers(rebuilt.papers);
    const again = edit(run, voteOf(run, 9), 0, '\n');
    assert.deepEqual([...changedPapers(beforeRebuild, again.papers)!.keys()], [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    assert.equal(changedPapers(undefined, again.papers), undefined);
  });

  test('diagnostics computed every few versions equal a fresh pass, as issues come and go', () => {
    const run = start(300);
    const computer = new DiagnosticsComputer();
    const compute = (): Issue[] => computer.compute(run.parser.parse(URI2, run.version, run.text, 'heading'), defaultSettings, noCancellation) ?? [];
    compute();
    const label = (i: number): number => run.text.indexOf("***What's New***", run.text.indexOf(`[Object Paper ${i}]`));
    // Break paper 100's label (an issue appears), then paper 20's, then mend 100: same line counts throughout.
    edit(run, label(100), 1, '');
    assert.deepEqual(compute(), freshIssues(run));
    assert.equal(computer.lastLookedUp, 1);
    const withTwo = compute().length;
    edit(run, label(20), 1, '');
    edit(run, voteOf(run, 7), 0, '1');
    assert.deepEqual(compute(), freshIssues(run), 'two versions skipped');
    assert.equal(computer.lastLookedUp, 2);
    assert.ok(compute().length > withTwo);
    edit(run, label(100), 0, '*');
    assert.deepEqual(compute(), freshIssues(run), 'an issue gone');
    for (let k = 0; k < 70; k++) edit(run, voteOf(run, 8), 0, '2');
    assert.deepEqual(compute(), freshIssues(run), '70 versions skipped: a full pass');
    assert.equal(computer.lastLookedUp, 300);
  });

  test('a full pass cancelled half way leaves nothing half kept', () => {
    const run = start(600);
    const computer = new DiagnosticsComputer();
    computer.compute(run.parser.parse(URI2, 1, run.text, 'heading'), defaultSettings, noCancellation);
    const label = run.text.indexOf("***What's New***", run.text.indexOf('[Object Paper 500]'));
    edit(run, label, 1, '');
    let polls = 0;
    const token = { get isCancellationRequested(): boolean { return ++polls > 1; } };
    // Settings change: a full pass, cancelled after its first 256 papers.
    const settings = { ...defaultSettings, requiredSections: ["What's New"] };
    assert.equal(computer.compute(run.parser.parse(URI2, run.version, run.text, 'heading'), settings, token), undefined);
    edit(run, voteOf(run, 3), 0, '4');
    const model = run.parser.parse(URI2, run.version, run.text, 'heading');
    const fresh = new DiagnosticsComputer().compute(new IncrementalParser().parse(URI2, run.version, run.text, 'heading'), settings, noCancellation);
    assert.deepEqual(computer.compute(model, settings, noCancellation), fresh);
    assert.ok((fresh?.length ?? 0) > 0);
  });

  test('a full pass cancelled after a paste, then the paste undone: the next pass is full again', () => {
    const run = start(600);
    const computer = new DiagnosticsComputer();
    const model = (): DigestModel => run.parser.parse(URI2, run.version, run.text, 'heading');
    // Issues in a paper the cancelled pass reaches and in one it does not.
    for (const n of [10, 580]) edit(run, run.text.indexOf("***What's New***", run.text.indexOf(`[Object Paper ${n}]`)), 1, '');
    assert.equal(computer.compute(model(), defaultSettings, noCancellation)?.length, 2);
    const at = run.text.indexOf('### [Object Paper 550]');
    const pasted = '### [Pasted](https://arxiv.org/abs/2501.10001)\n\n';
    edit(run, at, 0, pasted);
    let polls = 0;
    const token = { get isCancellationRequested(): boolean { return ++polls > 1; } };
    assert.equal(computer.compute(model(), defaultSettings, token), undefined, 'cancelled after 256 papers');
    edit(run, at, pasted.length, '');
    const issues = computer.compute(model(), defaultSettings, noCancellation);
    assert.deepEqual(issues, freshIssues(run));
    assert.equal(issues?.length, 2);
    assert.equal(computer.lastLookedUp, 600);
  });

  test('the key index follows an id changed in a version it did not see', () => {
    const run = start(30);
    const index = new PaperKeyIndex(titleKey);
    index.update(run.parser.parse(URI2, 1, run.text, 'heading').papers);
    assert.deepEqual(index.repeats(), []);
    // Paper 12 takes paper 11's id, unseen; then an unrelated keystroke.
    const at = run.text.indexOf('2501.10012');
    edit(run, at, 10, '2501.10011');
    const model = edit(run, voteOf(run, 2), 0, '5');
    index.update(model.papers);
    assert.deepEqual(index.repeats().map((r) => [r.index, r.first, r.kind]), [[12, 11, 'id']]);
    assert.equal(index.lastKeyed, 1);
  });

  test('a paper edited twice unseen leaves the keys of the version the index saw', () => {
    const run = start(30);
    const index = new PaperKeyIndex(titleKey);
    const idAt = (n: number): number => run.text.indexOf('2501.', run.text.indexOf(`[Object Paper ${n}]`));
    edit(run, idAt(12), 10, '2501.10020');
    index.update(run.parser.parse(URI2, run.version, run.text, 'heading').papers);
    assert.deepEqual(index.repeats().map((r) => [r.index, r.first]), [[20, 12]]);
    // Two ids in a row the index does not see: it must drop 10020, the one it saw, not 10050.
    edit(run, idAt(12), 10, '2501.10050');
    const model = edit(run, idAt(12), 10, '2501.10060');
    index.update(model.papers);
    assert.deepEqual(index.repeats(), []);
  });
});
