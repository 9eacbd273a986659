// Everything digest-lint says besides the report follows --locale too: config
// errors, paths it cannot check, usage errors (the language is picked before
// the arguments are parsed), --help, --fix refusals and --max-warnings.

import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCliBuilt, runCli, tempTree } from '../helpers/cli';
import { digestText } from '../helpers/digest';
import { localeArg, USAGE } from '../../server/src/cli/args';
import { runCli as runInProcess } from '../../server/src/cli/run';

const clean = digestText('2025-01-23', [{ id: '2501.00001', title: 'Clean' }]);
/** One fixable error (the letter O in the id). */
const fixable = digestText('2025-02-03', [{ id: '2502.00917', title: 'Typo', url: 'https://arxiv.org/abs/2502.O0917' }]);
/** One warning, no error. */
const oneWarning = digestText('2025-01-23', [{ id: '2501.00002', title: 'No vote', vote: null }]);
const BAD_CONFIG = '{\n  "rules": { "no-such-rule": "off" }\n}\n';

/** A failing run explains itself in one line per problem: no stack trace, no "Error:" from node. */
function assertNoCrash(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at |Error:|TypeError|undefined/, stderr);
}

before(() => ensureCliBuilt());

describe('digest-lint messages in Korean and English', () => {
  const tree = tempTree({
    'bad/.digest-lint.jsonc': BAD_CONFIG,
    'bad/d.md': clean,
    'clean.md': clean,
    'warn.md': oneWarning,
    'empty/notes.txt': 'not markdown',
    'latin1.md': Buffer.from([0x23, 0x23, 0x20, 0xe9, 0x0a]),
    'binary.md': Buffer.from('## a\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000b'),
  });
  after(() => tree.dispose());
  const configPath = join(tree.root, 'bad', '.digest-lint.jsonc');

  test('a bad config file: exit 2 and the problem in Korean with --locale ko, the rule id quoted as written', () => {
    const r = runCli(['bad/d.md', '--locale', 'ko'], tree.root);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `digest-lint: 설정 파일 오류: ${configPath}:2:14: 알 수 없는 규칙 "no-such-rule"입니다. 규칙 id는 docs/rules.md를 참고하세요.\n`);
    assertNoCrash(r.stderr);
  });

  test('a bad config file in English, with --locale en and by default', () => {
    for (const args of [['--locale', 'en'], []]) {
      const r = runCli(['bad/d.md', ...args], tree.root);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `digest-lint: config error: ${configPath}:2:14: unknown rule "no-such-rule"; see docs/rules.md for the rule ids.\n`);
    }
  });

  test('--config naming a folder: exit 2 and a Korean reason, not node\'s English', () => {
    const folder = join(tree.root, 'empty');
    const ko = runCli(['clean.md', '--config', 'empty', '--locale', 'ko'], tree.root);
    assert.equal(ko.status, 2);
    assert.equal(ko.stderr, `digest-lint: 설정 파일 오류: ${folder}:1:1: 설정 파일을 읽을 수 없습니다: ${folder}는 디렉터리입니다\n`);
    const en = runCli(['clean.md', '--config', 'empty'], tree.root);
    assert.equal(en.stderr, `digest-lint: config error: ${folder}:1:1: cannot read the config file: ${folder} is a directory\n`);
  });

  test('a missing path, a glob with no match and a folder with no Markdown: exit 2, one line each in Korean or English', () => {
    const cases: [string[], string[]][] = [
      [['--locale', 'ko'], ['nothere.md: 그런 파일이나 디렉터리가 없습니다.', 'nope/*.md: 이 글롭 패턴과 일치하는 파일이 없습니다.', 'empty: Markdown 파일(.md, .markdown)이 없는 디렉터리입니다.']],
      [[], ['nothere.md: no such file or directory.', 'nope/*.md: the glob matches no files.', 'empty: a directory with no Markdown files in it (.md, .markdown).']],
    ];
    for (const [args, lines] of cases) {
      const r = runCli(['nothere.md', 'nope/*.md', 'empty', ...args], tree.root);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, lines.map((l) => `digest-lint: ${l}\n`).join(''));
      assertNoCrash(r.stderr);
    }
  });

  test('files that are not UTF-8 text: Korean and English reasons after the path', () => {
    const ko = runCli(['latin1.md', 'binary.md', '--locale', 'ko'], tree.root);
    assert.equal(ko.status, 2, ko.stderr);
    assert.match(ko.stderr, /^digest-lint: latin1\.md: 올바른 UTF-8이 아닙니다\(오프셋 3의 바이트 0xe9\)\. UTF-8로 저장하세요\.$/m);
    assert.match(ko.stderr, /^digest-lint: binary\.md: Markdown 다이제스트가 아니라 이진 파일이므로 건너뜁니다\.$/m);
    assertNoCrash(ko.stderr);
    const en = runCli(['latin1.md', 'binary.md'], tree.root);
    assert.match(en.stderr, /^digest-lint: latin1\.md: is not valid UTF-8 \(byte 0xe9 at offset 3\); save it as UTF-8\.$/m);
    assert.match(en.stderr, /^digest-lint: binary\.md: is a binary file, not a Markdown digest; skipped\.$/m);
  });

  test('usage errors are Korean whether --locale ko comes before or after the mistake, or comes from LANG', () => {
    for (const args of [['--locale', 'ko', '--bogus'], ['--bogus', '--locale=ko']]) {
      const r = runCli(args, tree.root);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'digest-lint: 알 수 없는 옵션 "--bogus"입니다. 옵션 목록은 digest-lint --help로 확인하세요.\n');
    }
    const env = { LANG: 'ko_KR.UTF-8' };
    assert.equal(runCli(['--format', 'xml'], tree.root, env).stderr, 'digest-lint: 알 수 없는 형식 "xml"입니다. text, json, sarif, github 중 하나를 쓰세요.\n');
    assert.equal(runCli(['--max-warnings', 'x'], tree.root, env).stderr, 'digest-lint: --max-warnings에는 0 이상의 정수를 쓰세요. 지금은 "x"입니다.\n');
    assert.equal(runCli(['--output'], tree.root, env).stderr, 'digest-lint: --output 옵션에는 값이 필요합니다.\n');
    // A value that is no language tag cannot pick Korean: the environment's language reports it.
    assert.equal(runCli(['--locale', 'x!'], tree.root, env).stderr, 'digest-lint: --locale "x!"는 "en"이나 "ko" 같은 언어 태그가 아닙니다.\n');
  });

  test('usage errors in English', () => {
    assert.equal(runCli(['--bogus'], tree.root).stderr, 'digest-lint: Unknown option "--bogus". Run digest-lint --help for the options.\n');
    assert.equal(runCli(['--format', 'xml', '--locale', 'en'], tree.root, { LANG: 'ko_KR.UTF-8' }).stderr, 'digest-lint: Unknown format "xml"; expected one of text, json, sarif, github.\n');
    assert.equal(runCli(['--output'], tree.root).stderr, 'digest-lint: --output needs a value.\n');
  });

  test('--help is Korean with --locale ko, English otherwise; options and exit codes are all there', () => {
    const ko = runCli(['--help', '--locale', 'ko'], tree.root);
    assert.equal(ko.status, 0);
    assert.match(ko.stdout, /^사용법: digest-lint \[옵션\] \[경로 또는 글롭\.\.\.\]\n/);
    assert.doesNotMatch(ko.stdout, /Usage|Options|Exit codes/);
    const en = runCli(['--help'], tree.root);
    assert.equal(en.stdout, `${USAGE}\n`);
    assert.match(en.stdout, /^Usage: digest-lint/);
    // Every option of the English text is in the Korean one, in the same order.
    const options = (text: string): string[] => [...text.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!);
    assert.ok(options(en.stdout).length >= 10);
    assert.deepEqual(options(ko.stdout), options(en.stdout));
    assert.match(ko.stdout, /종료 코드: 0은 .*1은 .*\n.*2는 /s);
  });

  test('--max-warnings: the Korean and English notice', () => {
    const ko = runCli(['warn.md', '--max-warnings', '0', '--locale', 'ko'], tree.root);
    assert.equal(ko.status, 1);
    assert.equal(ko.stderr, 'digest-lint: 경고 1개가 있어 --max-warnings 0보다 많습니다.\n');
    const en = runCli(['warn.md', '--max-warnings', '0'], tree.root);
    assert.equal(en.stderr, 'digest-lint: 1 warning, more than --max-warnings 0.\n');
    assert.equal(runCli(['warn.md', '--max-warnings', '1'], tree.root).status, 0, 'one warning is not more than 1');
  });

  test('an unknown --locale is noted in the default language', () => {
    assert.equal(runCli(['clean.md', '--locale', 'de'], tree.root).stderr, 'digest-lint: messages are available in English and Korean (en, ko); --locale de is ignored.\n');
    assert.equal(runCli(['clean.md', '--locale', 'de'], tree.root, { LANG: 'ko_KR.UTF-8' }).stderr, 'digest-lint: 메시지는 영어와 한국어(en, ko)로만 제공됩니다. --locale de 값은 무시합니다.\n');
  });

  test('--output to a folder that does not exist: the reason in Korean', () => {
    const r = runCli(['clean.md', '--output', 'no/such/dir/report.txt', '--locale', 'ko'], tree.root);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'digest-lint: --output no/such/dir/report.txt: 보고서를 쓸 수 없습니다(파일 없음).\n');
  });
});

describe('digest-lint --fix refusals in Korean', () => {
  const tree = tempTree({ 'ro.md': fixable });
  before(() => chmodSync(join(tree.root, 'ro.md'), 0o444));
  after(() => tree.dispose());

  test('a read-only file is not fixed, and the reason says so in each language', () => {
    const ko = runCli(['ro.md', '--fix', '--locale', 'ko'], tree.root);
    assert.equal(ko.status, 2, ko.stderr);
    assert.equal(ko.stderr, 'digest-lint: ro.md: 읽기 전용 파일이므로 고치지 않았습니다.\n');
    const en = runCli(['ro.md', '--fix'], tree.root);
    assert.equal(en.stderr, 'digest-lint: ro.md: is read-only; not fixed.\n');
  });
});

describe('localeArg', () => {
  test('finds --locale before parsing: both spellings, the last one, never an option value or after --', () => {
    assert.equal(localeArg(['a.md', '--locale', 'ko']), 'ko');
    assert.equal(localeArg(['--locale=ko', '--bogus']), 'ko');
    assert.equal(localeArg(['--locale', 'en', '--locale', 'ko']), 'ko');
    assert.equal(localeArg(['--config', '--locale', 'a.md']), undefined, '--locale is the value of --config here');
    assert.equal(localeArg(['--', '--locale', 'ko']), undefined);
    assert.equal(localeArg(['--locale']), undefined);
    assert.equal(localeArg([]), undefined);
  });
});

describe('the progress line on a terminal', () => {
  const tree = tempTree({ 'a.md': clean, 'b.md': clean, 'c.md': clean });
  after(() => tree.dispose());

  /** stderr of an in-process run on a TTY, with a clock that moves 700 ms at every reading. */
  async function progress(locale: string): Promise<string> {
    let clock = 0;
    const now = mock.method(Date, 'now', () => (clock += 700));
    let err = '';
    try {
      const io = { cwd: tree.root, env: {}, stdout: { write: () => true }, stderr: { isTTY: true, write: (s: string) => (err += s) } };
      assert.equal(await runInProcess(['--locale', locale], io), 0);
    } finally {
      now.mock.restore();
    }
    return err;
  }

  test('after a second it counts the files checked, in the chosen language, and clears itself', async () => {
    // Readings: start 700; a.md 1400 (too early); b.md 2100 and c.md 2800 show the count.
    assert.equal(await progress('ko'), '\r\u001b[Kdigest-lint: 검사 중: 파일 3개 중 1개\r\u001b[Kdigest-lint: 검사 중: 파일 3개 중 2개\r\u001b[K');
    assert.equal(await progress('en'), '\r\u001b[Kdigest-lint: checked 1/3 files\r\u001b[Kdigest-lint: checked 2/3 files\r\u001b[K');
  });
});
