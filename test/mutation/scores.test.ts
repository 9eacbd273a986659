// The arithmetic of `npm run mutation -- --score-only` on small hand-written
// Stryker reports: which batch counts for a file, stale and unmeasured files,
// statuses, equivalents, and the folder roll-up.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  classify,
  combineBatches,
  coverageOfFolders,
  readBatches,
  saveBatch,
  score,
  tally,
  type Batch,
  type ReportMutant,
} from '../../scripts/mutation-batches.mjs';
import { isEquivalent, readEquivalents } from '../../scripts/mutation-score.mjs';
import { REPO_ROOT } from '../helpers/paths';

const RULE = 'server/src/core/rules/a.ts';
const CORE = 'server/src/core/b.ts';
const LSP = 'server/src/lsp/c.ts';

function mutant(status: string, line = 1, mutatorName = 'ConditionalExpression', replacement = 'true', startColumn = 1, endColumn = 6): ReportMutant {
  return { mutatorName, status, replacement, location: { start: { line, column: startColumn }, end: { line, column: endColumn } } };
}

function batch(name: string, finishedAt: string, files: Batch['files']): Batch {
  return { name, finishedAt, files };
}

describe('combining batches', () => {
  const old = batch('old.json', '2026-11-25T06:00:00.000Z', {
    [RULE]: { source: 'v1', mutants: [mutant('Survived')] },
    [CORE]: { source: 'core v1', mutants: [mutant('Killed')] },
  });
  const newer = batch('new.json', '2026-11-25T07:00:00.000Z', {
    [RULE]: { source: 'v2', mutants: [mutant('Killed'), mutant('Killed')] },
  });

  test('per file the newest batch that measured the current source counts', () => {
    const combined = combineBatches([old, newer], new Map([[RULE, 'v2']]));
    const a = combined.get(RULE);
    assert.equal(a?.state, 'measured');
    assert.equal(a?.state === 'measured' && a.batch, 'new.json');
    assert.equal(a?.state === 'measured' && a.mutants.length, 2);
  });

  test('a newer batch of another version does not hide an older batch of the current one', () => {
    const combined = combineBatches([old, newer], new Map([[RULE, 'v1']]));
    const a = combined.get(RULE);
    assert.equal(a?.state === 'measured' && a.batch, 'old.json');
  });

  test('a file changed since every batch is stale, one in no batch unmeasured', () => {
    const combined = combineBatches([old, newer], new Map([[RULE, 'v3'], [CORE, 'core v1'], [LSP, 'lsp']]));
    assert.deepEqual(combined.get(RULE), { file: RULE, state: 'stale', batch: 'new.json' });
    assert.equal(combined.get(CORE)?.state, 'measured');
    assert.deepEqual(combined.get(LSP), { file: LSP, state: 'unmeasured' });
  });

  test('absolute report keys are read relative to the repository', () => {
    const abs = batch('abs.json', '2026-11-25T08:00:00.000Z', { [`/repo/${LSP}`]: { source: 'lsp', mutants: [] } });
    assert.equal(combineBatches([abs], new Map([[LSP, 'lsp']]), '/repo').get(LSP)?.state, 'measured');
    assert.equal(combineBatches([abs], new Map([[LSP, 'lsp']]), '/elsewhere').get(LSP)?.state, 'unmeasured');
  });

  test('completeness per folder rolls up to server/src/core', () => {
    const combined = combineBatches([old, newer], new Map([[RULE, 'v3'], [CORE, 'core v1'], [LSP, 'lsp']]));
    const folders = coverageOfFolders(combined);
    assert.deepEqual(folders.get('server/src/core/rules'), { measured: 0, stale: 1, unmeasured: 0 });
    assert.deepEqual(folders.get('server/src/core'), { measured: 1, stale: 1, unmeasured: 0 });
    assert.deepEqual(folders.get('server/src/lsp'), { measured: 0, stale: 0, unmeasured: 1 });
    assert.equal(folders.has('server/src'), false);
  });
});

describe('tallying statuses', () => {
  test('killed and timeout count as killed, survived and no coverage as not, the rest not at all', () => {
    assert.deepEqual(
      ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored', 'Pending'].map(classify),
      ['killed', 'killed', 'survived', 'survived', 'other', 'other', 'other', 'other'],
    );
  });

  test('a file counts in its folder and every folder above it, and nowhere else', () => {
    const { folders } = tally(
      [
        { file: RULE, source: '', mutants: [mutant('Killed'), mutant('Timeout'), mutant('Survived'), mutant('CompileError')] },
        { file: CORE, source: '', mutants: [mutant('NoCoverage')] },
        { file: LSP, source: '', mutants: [mutant('Killed')] },
      ],
      () => false,
    );
    assert.deepEqual(folders.get('server/src/core/rules'), { killed: 2, survived: 1, equivalent: 0, other: 1 });
    assert.deepEqual(folders.get('server/src/core'), { killed: 2, survived: 2, equivalent: 0, other: 1 });
    assert.deepEqual(folders.get('server/src/lsp'), { killed: 1, survived: 0, equivalent: 0, other: 0 });
    assert.equal(score(folders.get('server/src/core/rules')!).toFixed(4), (200 / 3).toFixed(4));
    assert.equal(score(folders.get('server/src/core')!), 50);
    assert.equal(score(folders.get('server/src/lsp')!), 100);
    assert.ok(Number.isNaN(score({ killed: 0, survived: 0, equivalent: 3, other: 2 })));
  });

  test('an equivalent survivor leaves the score and the survivor list; a killed one is not asked', () => {
    const asked: number[] = [];
    const { folders, survivors } = tally(
      [{ file: RULE, source: '', mutants: [mutant('Survived', 1), mutant('NoCoverage', 2), mutant('Killed', 3)] }],
      (_file, m) => {
        asked.push(m.location.start.line);
        return m.location.start.line === 1;
      },
    );
    assert.deepEqual(asked, [1, 2]);
    assert.deepEqual(folders.get('server/src/core/rules'), { killed: 1, survived: 1, equivalent: 1, other: 0 });
    assert.deepEqual(survivors.map((s) => s.mutant.location.start.line), [2]);
    assert.equal(score(folders.get('server/src/core/rules')!), 50);
  });
});

describe('equivalents from the markdown table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-equiv-'));
  const md = join(dir, 'equivalent.md');
  writeFileSync(md, [
    '| file | mutator | original | replacement | why |',
    '| --- | --- | --- | --- | --- |',
    '| `server/src/core/rules/a.ts` | `ConditionalExpression` | `x > 1 \\|\\| y` | `true` | reason |',
    'not a row',
  ].join('\n'));
  const equivalents = readEquivalents(md);
  rmSync(dir, { recursive: true, force: true });
  const source = 'const z = 0;\nif (x > 1 || y) go();\n';
  // Column 5 to 16 of line 2 is `x > 1 || y`.
  const m = mutant('Survived', 2, 'ConditionalExpression', 'true', 5, 15);

  test('rows are read with escaped pipes', () => {
    assert.deepEqual(equivalents, [{ file: RULE, mutator: 'ConditionalExpression', original: 'x > 1 || y', replacement: 'true' }]);
  });

  test('file, mutator, fragment and replacement must all agree', () => {
    assert.equal(isEquivalent(equivalents, RULE, m, source), true);
    assert.equal(isEquivalent(equivalents, CORE, m, source), false);
    assert.equal(isEquivalent(equivalents, RULE, { ...m, mutatorName: 'EqualityOperator' }, source), false);
    assert.equal(isEquivalent(equivalents, RULE, { ...m, replacement: 'false' }, source), false);
    // The same mutant on another line, where the fragment does not stand.
    assert.equal(isEquivalent(equivalents, RULE, { ...m, location: { start: { line: 1, column: 5 }, end: { line: 1, column: 15 } } }, source), false);
  });

  test('a mutant spanning lines matches a row that writes it on one line; other code does not', () => {
    const block = 'if (a) {\n  const found = [];\n    found.push(1);\n}\nrest();\n';
    // The block statement of line 1, column 8, to line 4, column 2.
    const b = mutant('Survived', 1, 'BlockStatement', '{}', 8, 2);
    const spanning = { ...b, location: { start: { line: 1, column: 8 }, end: { line: 4, column: 2 } } };
    const row = (original: string) => [{ file: RULE, mutator: 'BlockStatement', original, replacement: '{}' }];
    assert.equal(isEquivalent(row('{ const found = []; found.push(1); }'), RULE, spanning, block), true);
    assert.equal(isEquivalent(row('{ const found = []; found.push(2); }'), RULE, spanning, block), false);
    assert.equal(isEquivalent(row('{ const found = []; }'), RULE, spanning, block), false, 'the row must hold the whole block');
  });
});

describe('batch files', () => {
  test('saved batches come back oldest first by finish time, and a broken file is skipped with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-batches-'));
    try {
      const report = (source: string) => ({ schemaVersion: '2', files: { [RULE]: { source, mutants: [mutant('Killed')] } } });
      const late = saveBatch(dir, report('late'), { finishedAt: new Date('2026-11-25T09:00:00Z'), seconds: 10, mutate: [RULE, CORE], noMutants: { [CORE]: 'types only' } });
      saveBatch(dir, report('early'), { finishedAt: new Date('2026-11-25T08:00:00Z'), seconds: 20, mutate: 'all' });
      writeFileSync(join(dir, 'broken.json'), '{"files": 3}');
      writeFileSync(join(dir, 'notes.txt'), 'ignored');
      // Same finish time: kept as a second file, not written over the first.
      const twin = saveBatch(dir, report('twin'), { finishedAt: new Date('2026-11-25T09:00:00Z'), seconds: 1, mutate: [RULE] });
      assert.notEqual(twin, late);
      const warnings: string[] = [];
      const batches = readBatches(dir, (w) => warnings.push(w));
      assert.deepEqual(batches.map((b) => b.files[RULE]?.source), ['early', 'late', 'twin']);
      assert.deepEqual(batches.map((b) => b.seconds), [20, 10, 1]);
      // A file the run mutated but that held no mutant counts as measured, with nothing to kill.
      assert.equal(batches[0]!.files[CORE], undefined);
      assert.deepEqual(batches[1]!.files[CORE], { source: 'types only', mutants: [] });
      assert.equal(combineBatches(batches, new Map([[CORE, 'types only']])).get(CORE)?.state, 'measured');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /broken\.json.*no "files" object/);
      assert.deepEqual(JSON.parse(readFileSync(late, 'utf8')).digestBatch, { finishedAt: '2026-11-25T09:00:00.000Z', seconds: 10, mutate: [RULE, CORE], noMutants: { [CORE]: 'types only' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file the run did not mutate (carried over by incremental mode) is not taken from that batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-batches-'));
    try {
      const files = { [RULE]: { source: 'r', mutants: [mutant('Killed')] }, [LSP]: { source: 'l', mutants: [mutant('Survived')] } };
      saveBatch(dir, { files }, { finishedAt: new Date('2026-11-25T09:00:00Z'), seconds: 1, mutate: [RULE] });
      saveBatch(dir, { files }, { finishedAt: new Date('2026-11-25T10:00:00Z'), seconds: 1, mutate: 'all' });
      const [one, all] = readBatches(dir);
      assert.deepEqual(Object.keys(one!.files), [RULE]);
      assert.deepEqual(Object.keys(all!.files).sort(), [LSP, RULE].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--score-only on one measured file says partial and lists the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-batches-'));
    try {
      const file = 'server/src/lsp/locale.ts';
      const source = readFileSync(join(REPO_ROOT, file), 'utf8');
      saveBatch(dir, { files: { [file]: { source, mutants: [mutant('Killed'), mutant('Survived')] } } }, { finishedAt: new Date(), seconds: 1, mutate: [file] });
      saveBatch(dir, { files: { 'server/src/lsp/convert.ts': { source: 'an older version', mutants: [mutant('Killed')] } } }, { finishedAt: new Date(), seconds: 1, mutate: ['server/src/lsp/convert.ts'] });
      const r = spawnSync(process.execPath, ['-e', `import('./scripts/mutation-score.mjs').then((m) => process.exit(m.printCombinedScores(${JSON.stringify(dir)}) ? 0 : 1))`], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^1 of \d+ file\(s\) measured in their current version\.$/m);
      assert.match(r.stdout, /^server\/src\/lsp +50\.0% +1 +1 .*PARTIAL/m);
      assert.doesNotMatch(r.stdout, /85% (met|NOT met)/);
      assert.match(r.stdout, /^Stale: changed since their newest batch \(1\):\n {2}server\/src\/lsp\/convert\.ts/m);
      assert.match(r.stdout, /^ {2}server\/src\/lsp\/trackedDocument\.ts$/m);
      assert.doesNotMatch(r.stdout, /^ {2}server\/src\/lsp\/locale\.ts$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
