// Size limits of digest-lint: a checked file over 64 MB is refused with a
// clear message instead of filling the run's memory; the repository's other
// digests are read up to the editor index's 5 MB, so both see the same days.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CHECKED_FILE_BYTES } from '../../server/src/cli/files';
import { MAX_INDEXED_FILE_BYTES } from '../../server/src/lsp/workspace/fileReader';
import { digestText } from '../helpers/digest';
import { ensureCliBuilt, runCli, tempTree } from '../helpers/cli';

const SHARED = '2502.00042';
const MB = 1024 * 1024;

interface JsonReport {
  files: { path: string; issues: { rule: string }[] }[];
}
const report = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

before(() => ensureCliBuilt());

describe('digest-lint size limits', () => {
  const later = digestText('2025-02-12', [{ id: SHARED, title: 'Listed Later' }]);
  const tree = tempTree({ 'ok.md': digestText('2025-02-10', [{ id: '2502.00001' }]), 'repo/2025-02-12.md': later });
  after(() => tree.dispose());

  test('the limits are 64 MB for a checked file and 5 MB for the index', () => {
    assert.equal(MAX_CHECKED_FILE_BYTES, 64 * MB);
    assert.equal(MAX_INDEXED_FILE_BYTES, 5 * MB);
  });

  test('a checked file one byte over the limit: a clear message, exit 2, the other files still checked', () => {
    // Sparse: the size is what counts, and the file is never read.
    const huge = join(tree.root, 'huge.md');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_CHECKED_FILE_BYTES + 1);
    try {
      const r = runCli(['huge.md', 'ok.md', '--format', 'json'], tree.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /huge\.md: is 64\.0 MB, over the 64 MB limit for one digest; skipped\./);
      assert.deepEqual(report(r.stdout).files.map((f) => f.path), ['ok.md']);
      const ko = runCli(['huge.md', '--locale', 'ko'], tree.root);
      assert.match(ko.stderr, /huge\.md: 64\.0MB로 다이제스트 한 파일의 한도 64MB를 넘으므로 건너뜁니다\./);
      // Exactly at the limit the file is read (and, all NUL bytes, found binary).
      truncateSync(huge, MAX_CHECKED_FILE_BYTES);
      assert.match(runCli(['huge.md'], tree.root).stderr, /huge\.md: is a binary file/);
    } finally {
      truncateSync(huge, 0);
    }
  });

  for (const [what, bytes, reported] of [
    ['at the index limit is', MAX_INDEXED_FILE_BYTES, true],
    ['one byte over the index limit is not', MAX_INDEXED_FILE_BYTES + 1, false],
  ] as const) {
    test(`an earlier digest of the repository ${what} read for cross-day duplicates`, () => {
      const early = digestText('2025-02-01', [{ id: SHARED, title: 'Listed First' }]);
      // Padded with a paragraph after the paper, to the exact size.
      const pad = bytes - Buffer.byteLength(early) - 1;
      writeFileSync(join(tree.root, 'repo', '2025-02-01.md'), `${early}\n${'x'.repeat(pad)}`);
      const r = runCli(['repo/2025-02-12.md', '--format', 'json'], tree.root);
      assert.equal(r.status, 0, r.stderr);
      const rules = report(r.stdout).files.flatMap((f) => f.issues.map((i) => i.rule));
      assert.equal(rules.includes('listed-on-another-day'), reported, rules.join());
    });
  }
});
