// The server's language: `initialize`'s locale, the `locale` initialization
// option (the digest.locale setting) and `--locale` pick Korean or English for
// diagnostics, related information, quick-fix titles, hovers and the outline.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { chooseLocale, localeFromArgs } from '../../server/src/lsp/locale';
import { toCompletionItem } from '../../server/src/lsp/completion';
import { createLanguageService } from '../../server/src/core';
import { doc } from '../helpers/digest';
import { digestText } from '../helpers/digest';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const SLOW = { timeout: 120_000 };
const URI = 'file:///l10n/digest.md';
const TEXT = digestText('2025-02-03', [
  { id: '2502.00917', title: 'Typo', url: 'https://arxiv.org/abs/2502.O0917' },
  { id: '2502.00001', title: 'Pdf', url: 'https://arxiv.org/pdf/2502.00001', authors: 'Ada Lovelace, Ada Lovelace' },
]);

interface Seen {
  readonly diagnostics: PublishDiagnosticsParams;
  readonly actions: CodeAction[];
  readonly hover: Hover | null;
  readonly symbols: DocumentSymbol[];
}

async function session(init: Record<string, unknown>, args: string[] = []): Promise<Seen> {
  ensureServerBuilt();
  const client = LspClient.start(args);
  try {
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, ...init });
    await client.notify('initialized', {});
    const diagnostics = await client.open(URI, TEXT);
    const start = { line: 0, character: 0 };
    const end = { line: 40, character: 0 };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start, end }, context: { diagnostics: diagnostics.diagnostics } });
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 5 } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    return { diagnostics, actions, hover, symbols };
  } finally {
    await client.kill();
  }
}

const byCode = (seen: Seen, code: string): Diagnostic => {
  const d = seen.diagnostics.diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code} diagnostic`);
  return d;
};
const hoverText = (h: Hover | null): string => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

function assertKorean(seen: Seen): void {
  assert.equal(byCode(seen, 'malformed-arxiv-link').message, 'arXiv id "2502.O0917"에 영문자가 있습니다: 6번째 문자가 숫자 0이 아니라 영문자 O입니다. 2501.12948처럼 숫자만 쓰세요.');
  assert.equal(byCode(seen, 'non-canonical-arxiv-link').message, '논문 링크가 PDF 링크입니다. 초록 페이지 https://arxiv.org/abs/2502.00001 링크를 쓰세요.');
  const dup = byCode(seen, 'duplicate-author');
  assert.equal(dup.message, '저자 "Ada Lovelace"가 두 번 나옵니다.');
  assert.equal(dup.relatedInformation?.[0]?.message, 'Ada Lovelace가 처음 나온 곳');
  // Rule ids and the source stay as they are.
  assert.equal(dup.source, 'digest');
  const titles = seen.actions.map((a) => a.title).sort();
  assert.deepEqual(titles, ['id를 2502.00917로 변경', '링크를 https://arxiv.org/abs/2502.00001로 변경']);
  const card = hoverText(seen.hover);
  assert.match(card, /투표: 12 · 저자 2명: Ada Lovelace, Alan Turing/);
  assert.doesNotMatch(card, /Votes|authors/);
  assert.equal(seen.symbols[0]?.detail, '논문 2편');
  assert.equal(seen.symbols[0]?.children?.[0]?.detail, '12표');
  assert.equal(seen.symbols[0]?.children?.[1]?.detail, 'arXiv:2502.00001 · 12표');
}

function assertEnglish(seen: Seen): void {
  assert.equal(byCode(seen, 'malformed-arxiv-link').message, 'The arXiv id "2502.O0917" contains letters: the 6th character is the letter O, not the digit 0; expected digits only, such as 2501.12948.');
  assert.equal(byCode(seen, 'duplicate-author').relatedInformation?.[0]?.message, 'First listing of Ada Lovelace');
  assert.deepEqual(seen.actions.map((a) => a.title).sort(), ['Change the id to 2502.00917', 'Link to https://arxiv.org/abs/2502.00001']);
  assert.match(hoverText(seen.hover), /Votes: 12 · 2 authors: Ada Lovelace, Alan Turing/);
  assert.equal(seen.symbols[0]?.detail, '2 papers');
  // The first paper's id is invalid, so only the votes show; the second has both.
  assert.equal(seen.symbols[0]?.children?.[0]?.detail, '12 votes');
  assert.equal(seen.symbols[0]?.children?.[1]?.detail, 'arXiv:2502.00001 · 12 votes');
}

describe('the server speaks the chosen language', SLOW, () => {
  test('initialize locale "ko" gives Korean diagnostics, related information, quick-fix titles, hovers and outline details', SLOW, async () => {
    assertKorean(await session({ locale: 'ko' }));
  });
  test('initialize locale "en" gives English', SLOW, async () => {
    assertEnglish(await session({ locale: 'en' }));
  });
  test('no locale gives English', SLOW, async () => {
    assertEnglish(await session({}));
  });
  test('the locale initialization option wins over the display language, both ways', SLOW, async () => {
    assertKorean(await session({ locale: 'en-US', initializationOptions: { locale: 'ko' } }));
    assertEnglish(await session({ locale: 'ko', initializationOptions: { locale: 'en' } }));
  });
  test('--locale ko on the command line gives Korean', SLOW, async () => {
    assertKorean(await session({}, ['--locale', 'ko']));
  });
});

describe('chooseLocale', () => {
  test('option, then command line, then initialize locale, then English', () => {
    assert.equal(chooseLocale({ locale: 'en', initializationOptions: { locale: 'ko' } }, ['--locale', 'en']), 'ko');
    assert.equal(chooseLocale({ locale: 'en', initializationOptions: { locale: 'auto' } }, ['--locale=ko']), 'ko');
    assert.equal(chooseLocale({ locale: 'ko-KR' }, []), 'ko');
    assert.equal(chooseLocale({ locale: 'de' }, []), 'en');
    assert.equal(chooseLocale({ initializationOptions: 'ko' }, []), 'en');
    assert.equal(chooseLocale({}, []), 'en');
  });
  test('localeFromArgs reads both flag forms and ignores a missing or unknown value', () => {
    assert.equal(localeFromArgs(['--stdio', '--locale', 'ko']), 'ko');
    assert.equal(localeFromArgs(['--locale=ko_KR.UTF-8']), 'ko');
    assert.equal(localeFromArgs(['--locale']), undefined);
    assert.equal(localeFromArgs(['--locale', 'xx']), undefined);
    assert.equal(localeFromArgs(['--stdio']), undefined);
  });
});

describe('completion items', () => {
  const text = digestText('2025-02-03', [{ id: '2502.00001', title: 'One', sections: ["***What's New***: x."] }]) + '- ***';
  const lines = text.split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  const items = createLanguageService().getCompletions(doc(text), position);

  test('section labels stay English; their details follow the locale', () => {
    assert.ok(items.length >= 3, `${items.length} items`);
    const ko = items.map((c) => toCompletionItem(c, 'ko'));
    const en = items.map((c) => toCompletionItem(c, 'en'));
    assert.deepEqual(ko.map((i) => i.label), en.map((i) => i.label));
    assert.ok(ko.some((i) => i.label === 'Technical Details' && i.detail === '빠진 섹션'), JSON.stringify(ko.map((i) => [i.label, i.detail])));
    assert.ok(ko.some((i) => i.label === "What's New" && i.detail === '섹션(이 논문에 이미 있음)'));
    assert.ok(en.some((i) => i.label === 'Technical Details' && i.detail === 'missing section'));
  });
});
