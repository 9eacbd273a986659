// Speed, guarded by counts instead of timings: in a 2,000-paper digest held by
// the server's own TrackedDocument, opening parses each block once, and a
// keystroke re-parses one block, copies only its own chunk, and re-runs only
// the edited paper's rules. (The times themselves are in `npm run bench`.)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, type Paper } from '../../server/src/core';
import { paperRules, type PaperRule } from '../../server/src/core/rules';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';
import { bigDigest, lineOf } from '../helpers/digest';

const PAPERS = 2_000;
const URI = 'file:///test/keystroke.md';

/** Counts paper-rule runs, and which papers they ran on, by wrapping each rule's `check`. */
function countRuleRuns(): { runs: Paper[]; restore: () => void } {
  const runs: Paper[] = [];
  const originals = paperRules.map((r) => r.check);
  for (const rule of paperRules) {
    const check = rule.check;
    (rule as { check: PaperRule['check'] }).check = (paper, ctx, report) => {
      runs.push(paper);
      check.call(rule, paper, ctx, report);
    };
  }
  return { runs, restore: () => paperRules.forEach((r, i) => ((r as { check: PaperRule['check'] }).check = originals[i]!)) };
}

describe(`a keystroke in a ${PAPERS.toLocaleString('en')}-paper digest`, () => {
  const text = bigDigest(PAPERS);
  const service = createLanguageService();
  const tracked = TrackedDocument.create(URI, 'markdown', 1, text);
  let counter: ReturnType<typeof countRuleRuns>;

  before(() => {
    counter = countRuleRuns();
  });
  after(() => counter.restore());

  test('opening parses each block once and runs each paper rule once per paper, copying nothing', () => {
    assert.ok(text.length > 500_000, `${text.length} characters`);
    assert.equal(service.computeDiagnostics(tracked)?.length, 0, 'a clean digest');
    assert.equal(service.lastParsedBlocks(URI), PAPERS + 1, 'the day block and every paper block');
    const model = service.getModel(tracked);
    assert.equal(model?.blocks.length, PAPERS + 1);
    // Every feature on the same version shares that one parse.
    service.getDocumentSymbols(tracked);
    service.getFoldingRanges(tracked);
    service.getHover(tracked, { line: 2, character: 5 });
    assert.strictEqual(service.getModel(tracked), model);
    assert.equal(service.lastParsedBlocks(URI), PAPERS + 1);
    assert.equal(counter.runs.length, PAPERS * paperRules.length);
    assert.equal(tracked.copiedChars, 0, 'the opened text is used as it came');
  });

  test('typing one character re-parses one block, copies one chunk and re-checks one paper', () => {
    const line = lineOf(text, 'Generated Paper Number 1000]');
    const target = lineOf(text, "What's New", line);
    const character = text.split('\n')[target]!.length;
    const model = service.getModel(tracked);
    // A keystroke writes into the same papers array (paperEdits.ts): compare with a copy.
    const papersBefore = model?.papers.map((p) => p.paper) ?? [];
    counter.runs.length = 0;
    const copied = tracked.copiedChars;
    TrackedDocument.update(tracked, [{ range: { start: { line: target, character }, end: { line: target, character } }, text: 'x' }], 2);
    const issues = service.computeDiagnostics(tracked);
    assert.deepEqual(issues, []);
    assert.equal(service.lastParsedBlocks(URI), 1, 'blocks parsed afresh');
    // The edit rewrote its chunk only (chunks are 16-32 KB); reading the text whole would copy all of it.
    const copies = tracked.copiedChars - copied;
    assert.ok(copies > 0 && copies <= 32 * 1024 + 1, `${copies} characters copied of ${tracked.length}`);
    assert.equal(counter.runs.length, paperRules.length, 'one paper checked, by every paper rule');
    assert.ok(counter.runs.every((p) => p.heading.title === 'Generated Paper Number 1000'), 'the edited paper');
    // Every other paper object is reused as it was.
    const next = service.getModel(tracked);
    const changed = next?.papers.filter((p, i) => p.paper !== papersBefore[i]).map((p) => p.paper.heading.title);
    assert.deepEqual(changed, ['Generated Paper Number 1000']);
    assert.strictEqual(next?.papers, model?.papers, 'the same array, written in place');
  });

  test('ten more keystrokes: still one block, one chunk and one paper each', () => {
    const line = lineOf(text, 'Generated Paper Number 1500]');
    const target = lineOf(text, 'Vote: 1500', line);
    for (let k = 0; k < 10; k++) {
      counter.runs.length = 0;
      const copied = tracked.copiedChars;
      const character = 'Vote: 1500'.length + k;
      TrackedDocument.update(tracked, [{ range: { start: { line: target, character }, end: { line: target, character } }, text: '7' }], 3 + k);
      service.computeDiagnostics(tracked);
      assert.equal(service.lastParsedBlocks(URI), 1, `keystroke ${k}`);
      assert.ok(tracked.copiedChars - copied <= 32 * 1024 + 1, `keystroke ${k}: ${tracked.copiedChars - copied} characters copied`);
      assert.equal(counter.runs.length, paperRules.length, `keystroke ${k}`);
    }
    assert.equal(service.getModel(tracked)?.papers[1500]?.paper.vote?.value.text, '15007777777777');
  });
});
