// Problems in .digest-lint.jsonc carry a message id: English as before, Korean
// when rendered for a Korean user, with keys, values and paths left as written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigResolver, en, formatConfigProblem, parseConfigFile, render, type ConfigProblem, type MessageId } from '../../server/src/core';

const HANGUL = /[\uAC00-\uD7A3]/;

/** Every problem's id renders to its English message, and to Korean with no particle pair left. */
function checked(problems: readonly ConfigProblem[]): ConfigProblem[] {
  for (const p of problems) {
    assert.equal(render('en', p.l10n), p.message, p.l10n.id);
    const ko = render('ko', p.l10n);
    assert.match(ko, HANGUL, ko);
    assert.doesNotMatch(ko, /\{\w+\}|\(가\)|\(는\)|\(를\)|\(과\)|\(으\)/, ko);
  }
  return [...problems];
}

const ko = (p: ConfigProblem | undefined): string => (p ? render('ko', p.l10n) : 'no problem');

test('each kind of bad field gives its Korean message; quoted values, keys and rule ids stay as written', () => {
  const c = parseConfigFile('/r/.digest-lint.jsonc', '{ "default": "yes", "files": "a.md", "requiredSections": ["", 3], "extends": 1, "colour": true, "rules": [], "ignores": [{}] }');
  const [dflt, files, empty, three, ext, colour, rules, obj] = checked(c.problems);
  assert.equal(ko(dflt), '"default"는 true(모든 규칙 켜기)나 false(모든 규칙 끄기)여야 합니다. 지금은 "yes"입니다.');
  assert.equal(ko(files), '"files"는 문자열 배열이어야 합니다. 지금은 "a.md"입니다.');
  assert.equal(ko(empty), '"requiredSections"에는 비어 있지 않은 문자열만 쓰세요. 지금은 ""입니다.');
  assert.equal(ko(three), '"requiredSections"에는 비어 있지 않은 문자열만 쓰세요. 지금은 3입니다.');
  assert.equal(ko(ext), '"extends"에는 다른 설정 파일의 경로를 쓰세요. 지금은 1입니다.');
  assert.equal(ko(colour), '알 수 없는 설정 "colour"입니다. "extends", "default", "rules", "requiredSections", "files", "ignores" 중 하나를 쓰세요.');
  assert.equal(ko(rules), '"rules"는 { "invalid-vote": "off" } 같은 객체여야 합니다. 지금은 배열입니다.');
  assert.equal(ko(obj), '"ignores"에는 비어 있지 않은 문자열만 쓰세요. 지금은 객체입니다.');
  assert.equal(obj?.message, '"ignores" must hold non-empty strings, found an object.');
  assert.equal(c.problems.length, 8);
});

test('rules: an unknown rule and a bad severity, in both languages', () => {
  const c = parseConfigFile('/r/x.json', '{ "rules": { "nope": "off", "invalid-vote": 7 } }');
  const [unknown, severity] = checked(c.problems);
  assert.equal(unknown?.message, 'unknown rule "nope"; see docs/rules.md for the rule ids.');
  assert.equal(ko(unknown), '알 수 없는 규칙 "nope"입니다. 규칙 id는 docs/rules.md를 참고하세요.');
  assert.equal(severity?.message, 'bad severity for "invalid-vote": 7; expected "off", "info", "warning", "error" or { "severity": … }.');
  assert.equal(ko(severity), '"invalid-vote"의 심각도 7은 쓸 수 없습니다. "off", "info", "warning", "error" 중 하나나 { "severity": … } 형식으로 쓰세요.');
});

test('an empty file, a file that is not an object, and JSON syntax errors', () => {
  const empty = checked(parseConfigFile('/r/x.json', '  \n').problems);
  assert.equal(empty[0]?.message, 'the file is empty; expected a JSON object such as { "rules": {} }.');
  assert.equal(ko(empty[0]), '설정 파일이 비어 있습니다. { "rules": {} } 같은 JSON 객체를 쓰세요.');
  const array = checked(parseConfigFile('/r/x.json', '[1]').problems);
  assert.equal(array[0]?.message, 'expected a JSON object, found an array.');
  assert.equal(ko(array[0]), '설정 파일은 JSON 객체여야 합니다. 지금은 배열입니다.');
  const colon = checked(parseConfigFile('/r/x.json', '{ "default" true }').problems);
  assert.equal(colon[0]?.message, 'invalid JSON: colon expected.');
  assert.equal(ko(colon[0]), '올바른 JSON이 아닙니다(콜론이 필요함).');
  const brace = checked(parseConfigFile('/r/x.json', '{ "rules": {').problems);
  assert.ok(brace.some((p) => p.message === 'invalid JSON: close brace expected.'), brace.map((p) => p.message).join('\n'));
  assert.ok(brace.some((p) => ko(p) === '올바른 JSON이 아닙니다(닫는 중괄호가 필요함).'));
  const comma = checked(parseConfigFile('/r/x.json', '{ "default": true "rules": {} }').problems);
  assert.equal(ko(comma[0]), '올바른 JSON이 아닙니다(쉼표가 필요함).');
});

test('every JSON syntax error name of jsonc-parser has a message whose English is the name in words', () => {
  const names = Object.keys(en).filter((id) => id.startsWith('json') && !['jsonArray', 'jsonObject', 'jsonProperty', 'jsonUnknownError'].includes(id)) as MessageId[];
  assert.equal(names.length, 16);
  for (const id of names) {
    // jsonCommaExpected → "comma expected", as the problems were worded before they had ids.
    const words = id.slice(4).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    assert.equal(en[id], words, id);
  }
});

test('formatConfigProblem writes file:line:col and the message in the chosen language', () => {
  const [p] = parseConfigFile('/r/.digest-lint.jsonc', '{\n  "colour": 1\n}').problems;
  assert.ok(p);
  assert.equal(formatConfigProblem(p), '/r/.digest-lint.jsonc:2:3: unknown setting "colour"; expected one of "extends", "default", "rules", "requiredSections", "files", "ignores".');
  assert.equal(formatConfigProblem(p, 'en'), formatConfigProblem(p));
  assert.equal(formatConfigProblem(p, 'ko'), '/r/.digest-lint.jsonc:2:3: 알 수 없는 설정 "colour"입니다. "extends", "default", "rules", "requiredSections", "files", "ignores" 중 하나를 쓰세요.');
});

test('resolving: a missing or unreadable file and a broken extends chain, in both languages', () => {
  const files: Record<string, string> = {
    '/r/a.jsonc': '{ "extends": "./b.jsonc" }',
    '/r/b.jsonc': '{ "extends": "./a.jsonc" }',
    '/r/c.jsonc': '{ "extends": "./none.jsonc" }',
  };
  for (let i = 0; i < 20; i++) files[`/r/deep${i}.json`] = `{ "extends": "./deep${i + 1}.json" }`;
  files['/r/deep20.json'] = '{}';
  const resolver = new ConfigResolver({
    readFile: (path) => {
      if (path === '/r/locked.jsonc') throw new Error('EACCES: permission denied');
      if (path === '/r/folder.jsonc') throw Object.assign(new Error('/r/folder.jsonc is a directory'), { code: 'EISDIR' });
      return files[path];
    },
  });
  const problem = (file: string): ConfigProblem => {
    const ps = checked(resolver.load(file).problems);
    assert.equal(ps.length, 1, ps.map((p) => p.message).join('\n'));
    return ps[0]!;
  };
  const missing = problem('/r/nothing.jsonc');
  assert.equal(missing.message, 'the config file does not exist.');
  assert.equal(ko(missing), '설정 파일이 없습니다.');
  const locked = problem('/r/locked.jsonc');
  assert.equal(locked.message, 'cannot read the config file: EACCES: permission denied');
  assert.equal(ko(locked), '설정 파일을 읽을 수 없습니다: EACCES: permission denied');
  const folder = problem('/r/folder.jsonc');
  assert.equal(folder.message, 'cannot read the config file: /r/folder.jsonc is a directory');
  assert.equal(ko(folder), '설정 파일을 읽을 수 없습니다: /r/folder.jsonc는 디렉터리입니다');
  const cycle = problem('/r/a.jsonc');
  assert.equal(cycle.message, '"extends" forms a cycle through /r/a.jsonc.');
  assert.equal(ko(cycle), '"extends"가 /r/a.jsonc를 거쳐 순환합니다.');
  const gone = problem('/r/c.jsonc');
  assert.equal(gone.message, '"extends" names /r/none.jsonc, which does not exist.');
  assert.equal(ko(gone), '"extends"에 적힌 /r/none.jsonc가 없습니다.');
  const deep = problem('/r/deep0.json');
  assert.equal(deep.message, '"extends" is nested more than 16 deep.');
  assert.equal(ko(deep), '"extends"가 16단계보다 깊게 중첩되어 있습니다.');
});
