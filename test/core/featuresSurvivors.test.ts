// Behaviours of the diagnostics computer, the outline and folding that the
// 11:11 Stryker run of server/src/core/features showed no test pinned.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, defaultSettings, noCancellation, type DigestModel, type DigestSettings, type Issue } from '../../server/src/core';
import { DiagnosticsComputer } from '../../server/src/core/features/diagnostics';
import { IncrementalParser } from '../../server/src/core/parse/document';
import { digestText, type PaperSpec } from '../helpers/digest';

const URI = 'file:///test/features-survivors.md';
const CANCELLED = { isCancellationRequested: true };

function specs(n: number): PaperSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `2501.${10000 + i}`, title: `Object Paper ${i}`, vote: String(i) }));
}

/** A document edited in place, parsed incrementally as the server does. */
class Run {
  version = 1;
  readonly parser = new IncrementalParser();
  model: DigestModel;
  constructor(public text: string) {
    this.model = this.parser.parse(URI, 1, text, 'heading');
  }
  edit(at: number, deleted: number, inserted: string): DigestModel {
    this.text = `${this.text.slice(0, at)}${inserted}${this.text.slice(at + deleted)}`;
    this.model = this.parser.parse(URI, ++this.version, this.text, 'heading', { start: at, oldEnd: at + deleted, newEnd: at + inserted.length });
    return this.model;
  }
  label(n: number): number {
    return this.text.indexOf("***What's New***", this.text.indexOf(`[Object Paper ${n}]`));
  }
}

const fresh = (run: Run, settings: DigestSettings = defaultSettings): Issue[] =>
  new DiagnosticsComputer().compute(new IncrementalParser().parse(URI, run.version, run.text, 'heading'), settings, noCancellation) ?? [];

describe('diagnostics computer', () => {
  test('an issue that goes and comes back is reported once, as a fresh pass reports it', () => {
    const run = new Run(digestText('2025-01-23', specs(20)));
    const computer = new DiagnosticsComputer();
    const compute = (): Issue[] => computer.compute(run.model, defaultSettings, noCancellation) ?? [];
    compute();
    // The label's place stays put: every edit is at it, and the papers before it do not change.
    const at = run.label(7);
    run.edit(at, 1, '');
    assert.deepEqual(compute(), fresh(run), 'broken');
    run.edit(at, 0, '*');
    assert.deepEqual(compute(), fresh(run), 'mended');
    assert.equal(run.label(7), at);
    run.edit(at, 1, '');
    const again = compute();
    assert.deepEqual(again, fresh(run), 'broken again');
    assert.equal(again.length, fresh(run).length);
  });

  test('required sections that join to the same text are still different settings', () => {
    const run = new Run(digestText('2025-01-23', specs(2)));
    const computer = new DiagnosticsComputer();
    // "What's New" + "Technical Details" against "What's NewTechnical" + " Details": the same characters joined.
    const a: DigestSettings = { ...defaultSettings, requiredSections: ["What's New", 'Technical Details'] };
    const b: DigestSettings = { ...defaultSettings, requiredSections: ["What's NewTechnical", ' Details'] };
    assert.deepEqual(computer.compute(run.model, a, noCancellation), fresh(run, a));
    const withB = computer.compute(run.model, b, noCancellation) ?? [];
    assert.deepEqual(withB, fresh(run, b));
    assert.ok(withB.some((i) => i.rule === 'missing-section'), 'the second settings miss sections the first had');
  });

  test('a full pass over one paper with a cancelled token gives no result', () => {
    const run = new Run(digestText('2025-01-23', specs(1)));
    assert.equal(new DiagnosticsComputer().compute(run.model, defaultSettings, CANCELLED), undefined);
  });

  test('forget drops what was kept: the next call looks every paper up again', () => {
    const run = new Run(digestText('2025-01-23', specs(5)));
    const computer = new DiagnosticsComputer();
    computer.compute(run.model, defaultSettings, noCancellation);
    computer.compute(run.model, defaultSettings, noCancellation);
    assert.equal(computer.lastLookedUp, 0, 'the same model again: nothing to look up');
    computer.forget(URI);
    computer.compute(run.model, defaultSettings, noCancellation);
    assert.equal(computer.lastLookedUp, 5);
  });
});

describe('outline and folding', () => {
  const service = createLanguageService();
  let n = 0;
  // A new uri each time: the service keeps one model per uri and version.
  const doc = (text: string) => ({ uri: `file:///test/outline-${++n}.md`, version: 1, getText: () => text });

  test('a cancelled token gives no symbols and no folding ranges, with days or with papers above any day', () => {
    const withDay = doc(digestText('2025-01-23', specs(2)));
    const orphans = doc(digestText('2025-01-23', specs(2)).replace('## Daily Papers (2025-01-23)\n', ''));
    const settings = { ...defaultSettings, files: ['**/*.md'] };
    for (const d of [withDay, orphans]) {
      assert.ok(service.getDocumentSymbols(d, settings).length > 0, 'symbols without cancellation');
      assert.ok(service.getFoldingRanges(d, settings).length > 0, 'folding without cancellation');
      assert.deepEqual(service.getDocumentSymbols(d, settings, CANCELLED), []);
      assert.deepEqual(service.getFoldingRanges(d, settings, CANCELLED), []);
    }
  });

  test('the vote shows in a paper\'s detail only when it is a whole number; sections have no detail', () => {
    const votes = ['12', '12x', 'x12'];
    const text = digestText('2025-01-23', votes.map((vote, i) => ({ id: `2501.1000${i}`, title: `Vote ${vote}`, vote })));
    const [day] = service.getDocumentSymbols(doc(text));
    assert.deepEqual(day!.children.map((p) => p.detail), ['arXiv:2501.10000 · 12 votes', 'arXiv:2501.10001', 'arXiv:2501.10002']);
    assert.ok(day!.children[0]!.children.length > 0);
    for (const section of day!.children[0]!.children) assert.equal(section.detail, '');
  });

  test('a plain bullet whose text merely holds an underscore or star is no section in the outline', () => {
    // The parser reads "- Sets D_A" as a label closed by "_"; with no opening mark and no colon it is prose.
    const text = `${digestText('2025-01-23', specs(1))}- Sets D_A and D_B differ.\n- CogAgent reads 1120*1120 inputs.\n`;
    const [day] = service.getDocumentSymbols(doc(text));
    assert.deepEqual(day!.children[0]!.children.map((c) => c.name), ["What's New", 'Technical Details', 'Performance Highlights']);
  });
});
