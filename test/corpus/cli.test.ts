// digest-lint over the real corpus (read in place, never copied into the
// repository): no exception, the same per-rule counts as the core the server
// uses, and --fix on a temp copy changes only what the certain fixes change.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService, fixAllText, WorkspaceIndex, type Issue, type WorkspaceView } from '../../server/src/core';
import type { JsonReport } from '../../server/src/cli/formats';
import { ensureCliBuilt, runCli } from '../helpers/cli';
import { CORPUS_MAIN, CORPUS_VARIANTS, corpusAvailable } from '../helpers/paths';

const SKIP = corpusAvailable() ? false : 'the corpus (../shared/corpus) is not present';
const SLOW = { timeout: 300_000, skip: SKIP };

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f));
}

/** What the server's core reports for a file, as the server would (file: URI, default settings; `workspace`: its index of the folder). */
function coreIssues(path: string, text = readFileSync(path, 'utf8'), workspace?: WorkspaceView): Issue[] {
  const service = createLanguageService();
  return service.computeDiagnostics({ uri: pathToFileURL(path).href, version: 1, getText: () => text.replace(/^\uFEFF/, '') }, undefined, undefined, workspace) ?? [];
}

/** The editor's workspace index of a folder of digests, as its crawl builds it. */
function folderIndex(files: readonly string[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const f of files) index.setDisk(pathToFileURL(f).href, readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  return index;
}

function countByRule(issues: Iterable<{ rule: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of issues) counts[i.rule] = (counts[i.rule] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

before(() => {
  if (!SKIP) ensureCliBuilt();
});

describe('digest-lint on the real corpus', SLOW, () => {
  for (const [name, dir, expectedFiles] of [['main corpus', CORPUS_MAIN, 357], ['variants', CORPUS_VARIANTS, 31]] as const) {
    test(`${name}: runs without an exception; per-rule counts equal the core's`, () => {
      const r = runCli(['--format', 'json', dir], process.cwd());
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      const report = JSON.parse(r.stdout) as JsonReport;
      const files = corpusFiles(dir);
      assert.equal(files.length, expectedFiles);
      const cli = countByRule(report.files.flatMap((f) => f.issues));
      // The editor with this folder as its workspace: cross-day duplicates included.
      const index = folderIndex(files);
      const core = countByRule(files.flatMap((f) => coreIssues(f, undefined, index)));
      assert.deepEqual(cli, core);
      assert.ok(Object.values(cli).reduce((a, b) => a + b, 0) > 0, 'the corpus has findings');
    });
  }
});

describe('digest-lint --fix on a temp copy of the corpus', SLOW, () => {
  let work = '';
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'digest-corpus-fix-'));
    mkdirSync(join(work, '.git'));
    cpSync(CORPUS_MAIN, join(work, 'main'), { recursive: true });
    cpSync(CORPUS_VARIANTS, join(work, 'variants'), { recursive: true });
    // The shared corpus is read-only; the copy must be writable to be fixed.
    for (const sub of ['main', 'variants']) for (const f of corpusFiles(join(work, sub))) chmodSync(f, 0o644);
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('leaves no fixable issue and changes exactly what the certain fixes change', () => {
    const originals = new Map<string, string>();
    for (const sub of ['main', 'variants']) for (const f of corpusFiles(join(work, sub))) originals.set(f, readFileSync(f, 'utf8'));
    const r = runCli(['--fix', '--format', 'json'], work);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const after = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(after.files.flatMap((f) => f.issues.filter((i) => i.fixable).map((i) => `${f.path}: ${i.rule}`)), []);
    let changed = 0;
    for (const [path, before] of originals) {
      const now = readFileSync(path, 'utf8');
      const lint = (t: string): Issue[] => coreIssues(path, t);
      // The expected result, edit by edit, from the core: anything else changed would differ.
      const expected = fixAllText(before, lint).text;
      assert.equal(now, expected, path);
      if (now !== before) changed++;
    }
    const fixedLog = after.files.filter((f) => f.fixed.length > 0).length;
    assert.equal(changed, fixedLog, 'the files reported as fixed are the files that changed');
    assert.ok(changed > 0, 'the corpus has something fixable, so this test checks something');
  });
});
