// digest-lint reports `listed-on-another-day` as the editor does: every
// listing but the earliest, across the files it checks and, inside a
// repository, across the repository's other digests; suppressions, config
// `ignores` and --quiet apply as to any rule.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { digestText } from '../helpers/digest';
import { ensureCliBuilt, runCli, tempTree } from '../helpers/cli';

const SHARED = '2502.00042';
const RULE = 'listed-on-another-day';

interface JsonReport {
  files: { path: string; issues: { rule: string; severity: string; message: string; line: number }[] }[];
}

const crossDay = (stdout: string): [string, number, string][] =>
  (JSON.parse(stdout) as JsonReport).files.flatMap((f) => f.issues.filter((i) => i.rule === RULE).map((i): [string, number, string] => [f.path, i.line, i.severity]));

before(() => ensureCliBuilt());

describe('digest-lint: cross-day duplicates', () => {
  const tree = tempTree({
    'days/2025-02-10.md': digestText('2025-02-10', [{ id: SHARED, title: 'First Listing' }, { id: '2502.00001', title: 'Only Here' }]),
    'days/2025-02-12.md': digestText('2025-02-12', [{ id: '2502.00002', title: 'Other' }, { id: SHARED, title: 'Second Listing' }]),
    'days/2025-02-13.md': digestText('2025-02-13', [{ id: SHARED, title: 'Third Listing, Suppressed' }]).replace('### ', `<!-- digest-disable-next-line ${RULE} -->\n### `),
    'archive/2025-01-01.md': digestText('2025-01-01', [{ id: SHARED, title: 'Ignored Archive Listing' }]),
    '.digest-lint.jsonc': '{ "ignores": ["archive/**"] }\n',
  });
  after(() => tree.dispose());

  test('every listing but the earliest is reported, with the earliest day and file in the message', () => {
    const r = runCli(['--format', 'json', 'days'], tree.root);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(crossDay(r.stdout), [['days/2025-02-12.md', 15, 'info']]);
    const related = (JSON.parse(r.stdout) as { files: { issues: { rule: string; related?: unknown[] }[] }[] }).files.flatMap((f) => f.issues.filter((i) => i.rule === RULE).map((i) => i.related));
    // Every other listing, the suppressed one of 2025-02-13 included: it is still a listing.
    assert.deepEqual(related, [
      [
        { path: 'days/2025-02-10.md', line: 3, column: 1, endLine: 3, endColumn: 54, message: 'Also listed: 2025-02-10 (2025-02-10.md, line 3)' },
        { path: 'days/2025-02-13.md', line: 4, column: 1, endLine: 4, endColumn: 66, message: 'Also listed: 2025-02-13 (2025-02-13.md, line 4)' },
      ],
    ]);
    const text = runCli(['days'], tree.root);
    assert.match(text.stdout, /also listed on 2025-02-10.*2025-02-10\.md, line 3/);
  });

  test('a run on one file inside a repository still sees the repository\'s other days, but not ignored files', () => {
    const later = runCli(['--format', 'json', 'days/2025-02-12.md'], tree.root);
    assert.deepEqual(crossDay(later.stdout), [['days/2025-02-12.md', 15, 'info']]);
    const earliest = runCli(['--format', 'json', 'days/2025-02-10.md'], tree.root);
    assert.deepEqual(crossDay(earliest.stdout), []);
  });

  test('--quiet leaves out the information report; the rule set to error fails the run', () => {
    assert.deepEqual(crossDay(runCli(['--format', 'json', '--quiet', 'days'], tree.root).stdout), []);
    const strict = tempTree({
      'a.md': digestText('2025-02-10', [{ id: SHARED, title: 'First' }]),
      'b.md': digestText('2025-02-11', [{ id: SHARED, title: 'Again' }]),
      '.digest-lint.jsonc': `{ "rules": { "${RULE}": "error" } }\n`,
    });
    try {
      const r = runCli(['--format', 'json'], strict.root);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(crossDay(r.stdout), [['b.md', 3, 'error']]);
    } finally {
      strict.dispose();
    }
  });
});
