// digest-lint, the built bin, on temp trees: exit codes, formats, --fix,
// configuration and bad input.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_BIN, ensureCliBuilt, runCli, tempTree } from '../helpers/cli';
import { digestText, paperText } from '../helpers/digest';
import type { JsonReport } from '../../server/src/cli/formats';

const HEAD = '## Daily Papers (2025-01-23)\n\n';
const clean = digestText('2025-01-23', [{ id: '2501.00001', title: 'Clean' }]);
/** One error (malformed link with a certain fix) and one warning (invalid vote). */
const defects = digestText('2025-02-03', [
  { id: '2502.00917', title: 'Typo', url: 'https://arxiv.org/abs/2502.O0917' },
  { id: '2502.00002', title: 'Dash', vote: '-' },
]);
const warningsOnly = digestText('2025-01-23', [
  { id: '2501.00001', title: 'One', vote: '-' },
  { id: '2501.00002', title: 'Two', vote: '-' },
]);

before(() => ensureCliBuilt());

function json(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

describe('digest-lint exit codes', () => {
  const tree = tempTree({ 'clean.md': clean, 'defects.md': defects, 'warn.md': warningsOnly, 'notes/plain.md': '# Just notes\n' });
  after(() => tree.dispose());

  test('0 when there are no errors', () => {
    const r = runCli(['clean.md'], tree.root);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /No problems in 1 file\./);
    assert.equal(r.stderr, '', 'no progress line when not on a TTY');
  });

  test('0 for warnings alone; 1 when they exceed --max-warnings, not when equal', () => {
    assert.equal(runCli(['warn.md'], tree.root).status, 0);
    assert.equal(runCli(['warn.md', '--max-warnings', '2'], tree.root).status, 0);
    const over = runCli(['warn.md', '--max-warnings=1'], tree.root);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  });

  test('1 for an error', () => {
    assert.equal(runCli(['defects.md'], tree.root).status, 1);
  });

  test('--quiet reports errors only', () => {
    const r = runCli(['defects.md', '--quiet', '--format', 'json'], tree.root);
    assert.deepEqual(json(r.stdout).files[0]?.issues.map((i) => i.severity), ['error']);
  });

  test('2 for usage errors, with a message and no stack trace', () => {
    for (const args of [['--bogus'], ['--format', 'xml'], ['--max-warnings', '-1'], ['--max-warnings'], ['--locale', '!!']]) {
      const r = runCli(args, tree.root);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^digest-lint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('--help and --version', () => {
    const help = runCli(['--help'], tree.root);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--max-warnings N/);
    const v = runCli(['--version'], tree.root);
    assert.equal(v.stdout.trim(), (JSON.parse(readFileSync(join(CLI_BIN, '..', '..', 'package.json'), 'utf8')) as { version: string }).version);
  });

  test('with no arguments: the digests under the current folder, not other Markdown', () => {
    const r = runCli(['--format', 'json'], tree.root);
    assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['clean.md', 'defects.md', 'warn.md']);
  });

  test('a --locale other than English or Korean is accepted with a notice', () => {
    const r = runCli(['clean.md', '--locale', 'de'], tree.root);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /English and Korean/);
    assert.match(r.stdout, /No problems in 1 file\./);
  });
});

describe('digest-lint bad input', () => {
  const invalidUtf8 = Buffer.concat([Buffer.from(HEAD), Buffer.from([0x41, 0xff, 0x42, 0x0a])]);
  const binary = Buffer.alloc(4096, 0);
  binary.write('## Daily Papers (2025-01-23)\n');
  const tree = tempTree({ 'latin1.md': invalidUtf8, 'blob.md': binary, 'ok.md': clean });
  before(() => mkdirSync(join(tree.root, 'x.md')));
  after(() => tree.dispose());

  const cases: [string, string[], RegExp][] = [
    ['a file that is not UTF-8', ['latin1.md'], /latin1\.md: is not valid UTF-8 \(byte 0xff at offset 31\)/],
    ['a binary file', ['blob.md'], /blob\.md: is a binary file/],
    ['a directory named x.md', ['x.md'], /x\.md: a directory with no Markdown files/],
    ['a missing path', ['missing.md'], /missing\.md: no such file or directory/],
    ['a glob that matches nothing', ['**/*.mdx'], /\*\*\/\*\.mdx: the glob matches no files/],
  ];
  for (const [what, args, message] of cases) {
    test(`${what}: a clear message and exit 2, and the other files are still checked`, () => {
      const r = runCli([...args, 'ok.md', '--format', 'json'], tree.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['ok.md']);
    });
  }

  test('a glob that matches: only the matching files', () => {
    const t = tempTree({ 'a/one.md': clean, 'b/two.md': clean });
    try {
      const r = runCli(['a/**/*.md', '--format', 'json'], t.root);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['a/one.md']);
    } finally {
      t.dispose();
    }
  });

  test('--output to a folder that does not exist: exit 2', () => {
    const r = runCli(['ok.md', '--output', 'no/such/dir/report.txt'], tree.root);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write the report/);
  });
});

describe('digest-lint configuration', () => {
  test('a config file turns a rule off and changes a severity, found up the tree', () => {
    const t = tempTree({
      '.digest-lint.jsonc': '{ // repository defaults\n "rules": { "invalid-vote": "error" } }',
      'sub/.digest-lint.json': '{ "extends": "../.digest-lint.jsonc", "rules": { "malformed-arxiv-link": "off" } }',
      'sub/d.md': defects,
      'top.md': defects,
    });
    try {
      const r = runCli(['--format', 'json'], t.root);
      const files = json(r.stdout).files;
      assert.deepEqual(files.find((f) => f.path === 'sub/d.md')?.issues.map((i) => `${i.rule}:${i.severity}`), ['invalid-vote:error']);
      // top.md lists the papers of sub/d.md on the same day: it is the later listing (by path).
      assert.deepEqual(files.find((f) => f.path === 'top.md')?.issues.map((i) => `${i.rule}:${i.severity}`), ['malformed-arxiv-link:error', 'listed-on-another-day:info', 'invalid-vote:error']);
    } finally {
      t.dispose();
    }
  });

  test('ignores and files', () => {
    const t = tempTree({
      '.digest-lint.jsonc': '{ "ignores": ["drafts/**"], "files": ["logs/*.md"] }',
      'drafts/d.md': defects,
      'logs/no-heading.md': '# Not a day heading\n',
    });
    try {
      const r = runCli(['--format', 'json'], t.root);
      const files = json(r.stdout).files;
      assert.deepEqual(files.map((f) => [f.path, f.issues.map((i) => i.rule)]), [['logs/no-heading.md', ['missing-digest-heading']]]);
    } finally {
      t.dispose();
    }
  });

  test('a bad config: exit 2 with file, line and column, and the valid settings still apply', () => {
    const t = tempTree({ '.digest-lint.jsonc': '{\n  "rules": {\n    "no-such-rule": "off",\n    "invalid-vote": "off"\n  }\n}\n', 'd.md': warningsOnly });
    try {
      const r = runCli(['--format', 'json'], t.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /config error: .*\.digest-lint\.jsonc:3:5: unknown rule "no-such-rule"/);
      assert.deepEqual(json(r.stdout).files[0]?.issues, [], 'invalid-vote is still turned off');
    } finally {
      t.dispose();
    }
  });

  test('invalid JSON in --config: exit 2', () => {
    const t = tempTree({ 'conf.json': '{ "rules": ', 'd.md': clean });
    try {
      const r = runCli(['--config', 'conf.json', 'd.md'], t.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /conf\.json:1:12: invalid JSON/);
      const missing = runCli(['--config', 'nope.json', 'd.md'], t.root);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /nope\.json:1:1: the config file does not exist/);
    } finally {
      t.dispose();
    }
  });

  test('suppression comments apply in the CLI too', () => {
    const t = tempTree({ 'd.md': HEAD + paperText({ id: '2501.00001', vote: '-' }).replace('Vote: -', '<!-- digest-disable-next-line invalid-vote -->\nVote: -') });
    try {
      assert.deepEqual(json(runCli(['--format', 'json'], t.root).stdout).files[0]?.issues, []);
    } finally {
      t.dispose();
    }
  });
});

describe('digest-lint --fix', () => {
  const fixedDefects = digestText('2025-02-03', [
    { id: '2502.00917', title: 'Typo' },
    { id: '2502.00002', title: 'Dash', vote: '-' },
  ]);

  test('fixes, prints what it changed, and reports what is left', () => {
    const t = tempTree({ 'd.md': defects });
    try {
      const r = runCli(['--fix'], t.root);
      assert.equal(r.status, 0, 'only the warning is left');
      assert.match(r.stdout, /Fixed d\.md: 1 fix\n {2}3:34 Change the id to 2502\.00917/);
      assert.equal(readFileSync(join(t.root, 'd.md'), 'utf8'), fixedDefects);
      assert.match(r.stdout, /1 problem \(0 errors, 1 warning, 0 infos\)/);
      const again = runCli(['--fix'], t.root);
      assert.doesNotMatch(again.stdout, /Fixed/);
    } finally {
      t.dispose();
    }
  });

  test('CRLF stays CRLF, a BOM stays, the file mode stays', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const t = tempTree({ 'crlf.md': defects.replace(/\n/g, '\r\n'), 'bom.md': Buffer.concat([bom, Buffer.from(defects)]) });
    try {
      chmodSync(join(t.root, 'crlf.md'), 0o640);
      const r = runCli(['--fix', '--format', 'json'], t.root);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /Fixed bom\.md/, 'the fix log goes to stderr when stdout is a report');
      assert.equal(readFileSync(join(t.root, 'crlf.md'), 'utf8'), fixedDefects.replace(/\n/g, '\r\n'));
      assert.equal(statSync(join(t.root, 'crlf.md')).mode & 0o777, 0o640);
      const b = readFileSync(join(t.root, 'bom.md'));
      assert.deepEqual([...b.subarray(0, 3)], [...bom]);
      assert.equal(b.subarray(3).toString('utf8'), fixedDefects);
      assert.deepEqual(json(r.stdout).files.map((f) => f.fixed.length), [1, 1]);
    } finally {
      t.dispose();
    }
  });

  test('a read-only file is not written: a message and exit 2', () => {
    const t = tempTree({ 'ro.md': defects });
    try {
      chmodSync(join(t.root, 'ro.md'), 0o444);
      const r = runCli(['--fix'], t.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /ro\.md: is read-only; not fixed/);
      assert.equal(readFileSync(join(t.root, 'ro.md'), 'utf8'), defects);
    } finally {
      t.dispose();
    }
  });

  test('a symlinked digest is fixed through the link', () => {
    const t = tempTree({ 'real/d.md': defects });
    try {
      symlinkSync(join(t.root, 'real', 'd.md'), join(t.root, 'link.md'));
      const r = runCli(['--fix', 'link.md'], t.root);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(lstatSync(join(t.root, 'link.md')).isSymbolicLink());
      assert.equal(readFileSync(join(t.root, 'real', 'd.md'), 'utf8'), fixedDefects);
    } finally {
      t.dispose();
    }
  });

  test('no temp files are left behind', () => {
    const t = tempTree({ 'd.md': defects });
    try {
      runCli(['--fix'], t.root);
      assert.deepEqual(readdirSync(t.root).filter((n) => n !== '.git'), ['d.md']);
    } finally {
      t.dispose();
    }
  });
});

describe('digest-lint text format', () => {
  const tree = tempTree({ 'd.md': defects });
  after(() => tree.dispose());

  test('each file, then line:col severity message rule, then a summary; no colour off a TTY', () => {
    const r = runCli([], tree.root);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'd.md');
    assert.match(lines[1] ?? '', /^ {2}3:34 {2}error {4}The arXiv id "2502\.O0917" contains letters: .* {2}malformed-arxiv-link$/);
    assert.match(lines[2] ?? '', /^ {2}19:7 {2}warning {2}The vote count is "-".* {2}invalid-vote$/);
    assert.match(r.stdout, /2 problems \(1 error, 1 warning, 0 infos\) in 1 file of 1 checked; 1 fixable with --fix\./);
    assert.doesNotMatch(r.stdout, /\u001b\[/);
  });

  test('colour on a TTY, none with NO_COLOR or --no-color', () => {
    const onTty = (extra: string, env: Record<string, string> = {}): string => {
      const r = spawnSync('script', ['-qec', `${process.execPath} ${CLI_BIN} ${extra}`, '/dev/null'], { cwd: tree.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
      return r.stdout;
    };
    assert.match(onTty(''), /\u001b\[31merror/);
    assert.doesNotMatch(onTty('', { NO_COLOR: '1' }), /\u001b\[3/);
    assert.doesNotMatch(onTty('--no-color'), /\u001b\[3/);
  });

  test('--output writes the report to a file and nothing to stdout', () => {
    const r = runCli(['--output', 'report.txt'], tree.root);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(join(tree.root, 'report.txt'), 'utf8'), /^d\.md\n/);
  });
});

describe('digest-lint json format', () => {
  test('a stable, documented shape', () => {
    const t = tempTree({ 'd.md': defects });
    try {
      const report = json(runCli(['--format', 'json'], t.root).stdout);
      assert.equal(report.version, 1);
      assert.equal(report.tool.name, 'digest-lint');
      assert.deepEqual(report.summary, { files: 1, errors: 1, warnings: 1, infos: 0, fixable: 1 });
      assert.deepEqual(report.files[0]?.issues[0], {
        rule: 'malformed-arxiv-link',
        severity: 'error',
        message: report.files[0]?.issues[0]?.message,
        line: 3,
        column: 34,
        endLine: 3,
        endColumn: 44,
        fixable: true,
      });
      assert.equal(defects.split('\n')[2]?.slice(33, 43), '2502.O0917', 'columns are 1-based, end exclusive');
    } finally {
      t.dispose();
    }
  });
});

