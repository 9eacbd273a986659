// The message catalogues: both languages for every id, the same placeholders,
// Korean particles picked from the word before, and every report carrying an id
// whose English rendering is the message it reports.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService, defaultSettings, en, ko, localize, parseLocale, placeholders, ref, render, type Issue, type MessageId } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/paths';
import { digestText, doc } from '../helpers/digest';

const ids = Object.keys(en) as MessageId[];
const HANGUL = /[\uAC00-\uD7A3]/;
/** Templates that are only punctuation around their placeholders, the same in both languages. */
const SAME_IN_BOTH: ReadonlySet<MessageId> = new Set(['voteQuoted', 'cliFileProblem']);

test('every message id has an English and a Korean text, and no Korean id is extra', () => {
  assert.ok(ids.length > 50, `only ${ids.length} ids`);
  assert.deepEqual(Object.keys(ko).sort(), [...ids].sort());
  for (const id of ids) {
    assert.ok(en[id].trim() !== '' || id === 'omittedControlCharacters', id);
    if (SAME_IN_BOTH.has(id)) continue;
    assert.notEqual(ko[id], en[id], `${id} is not translated`);
    assert.match(ko[id], HANGUL, `${id} has no Korean text`);
  }
});

test('each Korean text has exactly the placeholders of its English text', () => {
  for (const id of ids) {
    assert.deepEqual(placeholders(ko[id]).sort(), placeholders(en[id]).sort(), id);
  }
});

test('the Korean uses the agreed terms and polite endings, never English sentence pieces', () => {
  const all = ids.map((id) => ko[id].replace(/\{\w+\}/g, '')).join('\n');
  for (const term of ['논문', '섹션', '썸네일', '저자', '투표']) assert.ok(all.includes(term), term);
  // Terms with a fixed translation never appear as the English word in Korean prose.
  for (const word of [/\bpaper\b/i, /\bthumbnail\b/i, /\bvote count\b/i, /\bexpected\b/i]) assert.doesNotMatch(all, word);
  // Full sentences end politely (…다. / …세요.); plain or casual endings would read as machine output.
  for (const id of ids) {
    const sentences = ko[id].split(/(?<=[.])\s/).filter((s) => /[.]$/.test(s) && HANGUL.test(s));
    // A sentence may end in a nested message (`{why}.`), itself checked under its own id.
    for (const s of sentences) assert.match(s, /(니다|세요|\)|\}|니다: ".*")\.$/, `${id}: "${s}"`);
  }
});

test('rendering fills placeholders, nests messages and lists, and writes English ordinals', () => {
  assert.equal(render('en', ref('missingVote')), 'The paper has no "Vote: <number>" line.');
  assert.equal(render('en', ref('invalidVote', { shown: ref('voteEmpty') })), 'The vote count is empty; expected a non-negative whole number such as "Vote: 12".');
  assert.equal(render('ko', ref('invalidVote', { shown: ref('voteEmpty') })), '투표 수가 비어 있는 값입니다. "Vote: 12"처럼 0 이상의 정수를 쓰세요.');
  const letter = (n: number) => ref('idLetterFirst', { position: { ordinal: n }, letter: 'O', digit: ref('theDigit', { digit: '0' }) });
  assert.equal(render('en', letter(6)), 'the 6th character is the letter O, not the digit 0');
  assert.equal(render('en', letter(12)), 'the 12th character is the letter O, not the digit 0');
  assert.equal(render('en', letter(22)), 'the 22nd character is the letter O, not the digit 0');
  assert.equal(render('ko', letter(6)), '6번째 문자가 숫자 0이 아니라 영문자 O입니다');
  assert.equal(render('ko', ref('idLetterFirst', { position: { ordinal: 2 }, letter: 'x', digit: ref('aDigit') })), '2번째 문자가 숫자가 아니라 영문자 x입니다');
  assert.equal(render('en', ref('hoverAlsoListedOn', { links: ['a', 'b'], more: '' })), 'Also listed on a, b.');
});

test('Korean particles follow the last sound of the word before, skipping quotes', () => {
  const author = (name: string) => render('ko', ref('duplicateAuthor', { name }));
  assert.equal(author('김민준'), '저자 "김민준"이 두 번 나옵니다.');
  assert.equal(author('이서연'), '저자 "이서연"이 두 번 나옵니다.');
  assert.equal(author('박하나'), '저자 "박하나"가 두 번 나옵니다.');
  assert.equal(author('Ada Lovelace'), '저자 "Ada Lovelace"가 두 번 나옵니다.');
  assert.equal(author('Alan Turing'), '저자 "Alan Turing"이 두 번 나옵니다.');
  assert.equal(author('Uma Patel'), '저자 "Uma Patel"이 두 번 나옵니다.');
  assert.equal(author('Ann Turner'), '저자 "Ann Turner"가 두 번 나옵니다.');
  assert.equal(author('Kim'), '저자 "Kim"이 두 번 나옵니다.');
  // 으로 after a consonant but not after ㄹ (1 is read 일).
  assert.equal(render('ko', ref('changeIdTo', { id: '2502.00917' })), 'id를 2502.00917로 변경');
  assert.equal(render('ko', ref('changeIdTo', { id: '2502.00913' })), 'id를 2502.00913으로 변경');
  assert.equal(render('ko', ref('changeIdTo', { id: '2502.00912' })), 'id를 2502.00912로 변경');
  assert.equal(render('ko', ref('changeLabelTo', { label: '책' })), '레이블을 "책"으로 변경');
  assert.equal(render('ko', ref('mislabelledSection', { written: 'x', expected: '영', why: ref('nearMissCase'), wanted: '값' })), '섹션 레이블 "x"가 "영"과 조금 다릅니다(대소문자 차이). "값"으로 쓰세요.');
});

test('text quoted from the user is never rewritten by the particle rules', () => {
  assert.equal(render('ko', ref('duplicateAuthor', { name: '이(가)' })), '저자 "이(가)"가 두 번 나옵니다.');
  assert.equal(render('ko', ref('authorPlaceholder', { name: '{name}' })), '저자 목록에 자리 표시자 "{name}"가 있습니다. 나머지 저자 이름을 적으세요.');
});

test('localize keeps the English text in English and renders the id in Korean', () => {
  const r = ref('missingVote');
  assert.equal(localize('en', 'kept as reported', r), 'kept as reported');
  assert.equal(localize('ko', 'kept as reported', r), '논문에 "Vote: <number>" 줄이 없습니다.');
  assert.equal(localize('ko', 'no id', undefined), 'no id');
});

test('parseLocale reads editor and environment forms', () => {
  assert.equal(parseLocale('ko'), 'ko');
  assert.equal(parseLocale('ko-KR'), 'ko');
  assert.equal(parseLocale('ko_KR.UTF-8'), 'ko');
  assert.equal(parseLocale('en-US'), 'en');
  assert.equal(parseLocale('EN'), 'en');
  assert.equal(parseLocale('de'), undefined);
  assert.equal(parseLocale(''), undefined);
  assert.equal(parseLocale(42), undefined);
});

/** Every rule on, the opt-in ones too, so their messages are checked as well. */
const ALL_RULES_ON = { ...defaultSettings, ruleLayers: [{ levels: {}, default: true }] };

function fixtureIssues(): { file: string; issues: Issue[] }[] {
  const dir = join(REPO_ROOT, 'test', 'fixtures');
  const service = createLanguageService();
  const extra = digestText('2025-01-02', [
    { id: '2502.00001', url: 'https://arxiv.org/pdf/2502.00001' },
    { id: '2501.00002', title: 'Two', url: 'https://arxiv.org/abs/2501.O0002', vote: '' },
    { id: '2501.00003', title: 'Three', url: 'ftp://arxiv.org/abs/2501.00003', authors: 'A B, A B, +3 more' },
  ]) + '<!-- digest-disable no-such-rule -->\n<!-- digest-disable-next-line missing-vote -->\nplain\n';
  const texts = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
  texts.push({ file: 'extra', text: extra });
  return texts.map(({ file, text }) => ({ file, issues: service.computeDiagnostics(doc(text, `file:///l10n/${file}`), ALL_RULES_ON) ?? [] }));
}

test('every report, related message and fix title from the fixtures has an id whose English is the reported text', () => {
  const seen = new Set<string>();
  let count = 0;
  for (const { file, issues } of fixtureIssues()) {
    for (const issue of issues) {
      count++;
      seen.add(issue.rule);
      assert.ok(issue.l10n, `${file}: ${issue.rule} "${issue.message}" has no message id`);
      assert.equal(render('en', issue.l10n), issue.message, file);
      const korean = render('ko', issue.l10n);
      assert.match(korean, HANGUL, korean);
      assert.doesNotMatch(korean, /\{\w+\}|\(가\)|\(는\)|\(를\)|\(과\)|\(으\)/, korean);
      for (const r of issue.related ?? []) {
        assert.ok(r.l10n, `${file}: related "${r.message}" has no id`);
        assert.equal(render('en', r.l10n), r.message);
      }
      if (issue.fix) {
        assert.ok(issue.fix.titleL10n, `${file}: fix "${issue.fix.title}" has no id`);
        assert.equal(render('en', issue.fix.titleL10n), issue.fix.title);
      }
    }
  }
  assert.ok(count > 50, `only ${count} reports`);
  for (const rule of ['missing-section', 'malformed-arxiv-link', 'non-canonical-arxiv-link', 'invalid-suppression', 'unused-suppression', 'duplicate-author', 'control-character']) {
    assert.ok(seen.has(rule), `the fixtures never report ${rule}`);
  }
});
