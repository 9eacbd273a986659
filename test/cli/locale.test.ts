// digest-lint's language: --locale en|ko, else LC_ALL or LANG when it starts
// with ko, else English. Only the text report is translated; json stays English.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureCliBuilt, runCli, tempTree } from '../helpers/cli';
import { digestText } from '../helpers/digest';
import { cliLocale } from '../../server/src/cli/run';

const defects = digestText('2025-02-03', [
  { id: '2502.00917', title: 'Typo', url: 'https://arxiv.org/abs/2502.O0917' },
  { id: '2502.00002', title: 'Dash', vote: null },
]);
const clean = digestText('2025-01-23', [{ id: '2501.00001', title: 'Clean' }]);

before(() => ensureCliBuilt());

describe('digest-lint --locale', () => {
  const tree = tempTree({ 'defects.md': defects, 'clean.md': clean });
  after(() => tree.dispose());

  test('--locale ko writes Korean messages, severities and summary; rule ids stay', () => {
    const r = runCli(['defects.md', '--locale', 'ko'], tree.root);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /오류 {2}arXiv id "2502\.O0917"에 영문자가 있습니다: 6번째 문자가 숫자 0이 아니라 영문자 O입니다\. 2501\.12948처럼 숫자만 쓰세요\. {2}malformed-arxiv-link/);
    assert.match(r.stdout, /경고 {2}논문에 "Vote: <number>" 줄이 없습니다\. {2}missing-vote/);
    assert.match(r.stdout, /검사한 파일 1개 중 파일 1개에서 문제 2개를 찾았습니다\(오류 1개, 경고 1개, 정보 0개\)\. 그중 1개는 --fix로 고칠 수 있습니다\.\n$/);
    assert.doesNotMatch(r.stdout, /expected|problems/);
  });

  test('--locale en and the default in an English environment give the English report', () => {
    for (const args of [['--locale', 'en'], []]) {
      const r = runCli(['defects.md', ...args], tree.root);
      assert.match(r.stdout, /error +The arXiv id "2502\.O0917" contains letters: the 6th character is the letter O, not the digit 0/);
      assert.match(r.stdout, /2 problems \(1 error, 1 warning, 0 infos\) in 1 file of 1 checked; 1 fixable with --fix\.\n$/);
    }
  });

  test('LANG=ko_KR.UTF-8 picks Korean, LC_ALL wins over LANG, and --locale wins over both', () => {
    assert.match(runCli(['clean.md'], tree.root, { LANG: 'ko_KR.UTF-8' }).stdout, /^파일 1개에 문제가 없습니다\.\n$/);
    assert.match(runCli(['clean.md'], tree.root, { LANG: 'ko_KR.UTF-8', LC_ALL: 'en_US.UTF-8' }).stdout, /^No problems in 1 file\.\n$/);
    assert.match(runCli(['clean.md', '--locale', 'en'], tree.root, { LANG: 'ko_KR.UTF-8' }).stdout, /^No problems in 1 file\.\n$/);
  });

  test('the json report stays English whatever the locale', () => {
    const r = runCli(['defects.md', '--locale', 'ko', '--format', 'json'], tree.root);
    const report = JSON.parse(r.stdout) as { files: { issues: { severity: string; message: string }[] }[] };
    const issues = report.files[0]!.issues;
    assert.equal(issues[0]!.severity, 'error');
    assert.match(issues[0]!.message, /^The arXiv id/);
  });

  test('--fix logs the applied fixes in the chosen language', () => {
    const fixTree = tempTree({ 'd.md': defects });
    try {
      const r = runCli(['d.md', '--fix', '--locale', 'ko'], fixTree.root);
      assert.match(r.stdout, /d\.md 수정: 1건\n {2}3:34 id를 2502\.00917로 변경/);
    } finally {
      fixTree.dispose();
    }
  });
});

describe('cliLocale', () => {
  test('flag, then LC_ALL, then LANG; only ko switches from English', () => {
    assert.equal(cliLocale('ko', {}), 'ko');
    assert.equal(cliLocale('en', { LANG: 'ko_KR.UTF-8' }), 'en');
    assert.equal(cliLocale(undefined, { LANG: 'ko_KR.UTF-8' }), 'ko');
    assert.equal(cliLocale(undefined, { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' }), 'en');
    assert.equal(cliLocale(undefined, { LC_ALL: '', LANG: 'ko' }), 'ko');
    assert.equal(cliLocale('de', { LANG: 'ko_KR.UTF-8' }), 'ko');
    assert.equal(cliLocale(undefined, {}), 'en');
  });
});
