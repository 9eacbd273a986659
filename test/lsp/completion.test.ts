// textDocument/completion over stdio: the capability, the items and their edits
// in each context, and the settings pulled from the client.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, InitializeResult, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, lineOf, paperText, thumbnailFor } from '../helpers/digest';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const SLOW = { timeout: 120_000 };
const KIND = { property: 10, file: 17, field: 5, snippet: 15, event: 23 } as const;
const SNIPPET_FORMAT = 2;

before(() => ensureServerBuilt());

function bySort(items: readonly CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
}

function edit(item: CompletionItem): TextEdit {
  const e = item.textEdit;
  assert.ok(e && 'range' in e, `${item.label} carries a plain text edit`);
  return e;
}

describe('completion over stdio', SLOW, () => {
  let client: LspClient;
  let init: InitializeResult;
  let version = 0;

  before(async () => {
    client = LspClient.start();
    init = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.kill();
  });

  async function completeAt(uri: string, text: string, line: number, character: number): Promise<CompletionItem[]> {
    version++;
    await client.open(uri, text, version);
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
      context: { triggerKind: 2, triggerCharacter: '*' },
    });
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.ok(Array.isArray(result), 'the server answers a plain list');
    return result;
  }

  test('initialize announces completion with its trigger characters', () => {
    const triggers = init.capabilities.completionProvider?.triggerCharacters ?? [];
    for (const c of ['*', '-', '#', '!']) assert.ok(triggers.includes(c), `trigger ${c}`);
  });

  test('after "- ***" in a paper: missing sections first; the edit writes the whole label', async () => {
    const uri = 'file:///work/completion/sections.md';
    const text = `## Daily Papers (2025-01-23)\n\n${paperText({ sections: ["***Technical Details***: Done."] })}- ***\n`;
    const line = lineOf(text, '- ***', lineOf(text, 'Technical Details') + 1);
    const items = bySort(await completeAt(uri, text, line, 5));
    assert.deepEqual(items.map((i) => i.label), ["What's New", 'Performance Highlights', 'Technical Details']);
    const first = items[0]!;
    assert.equal(first.kind, KIND.property);
    assert.equal(first.preselect, true);
    assert.deepEqual(edit(first), { range: { start: { line, character: 0 }, end: { line, character: 5 } }, newText: "- ***What's New***: " });
    assert.equal(first.filterText, "- ***What's New");
    assert.ok(applyEdits(text, [edit(first)]).endsWith("- ***Technical Details***: Done.\n- ***What's New***: \n"));
  });

  test('an empty line in a paper: thumbnail, Vote, Authors and sections, as text edits', async () => {
    const uri = 'file:///work/completion/parts.md';
    const text = '## Daily Papers (2025-01-23)\n\n### [A Paper](https://arxiv.org/abs/2501.77777)\n\n\n';
    const items = bySort(await completeAt(uri, text, 3, 0));
    assert.deepEqual(items.map((i) => i.kind), [KIND.file, KIND.field, KIND.field, KIND.property, KIND.property, KIND.property, KIND.snippet, KIND.event]);
    assert.equal(edit(items[0]!).newText, `![](${thumbnailFor('2501.77777')})`);
    assert.equal(edit(items[1]!).newText, 'Vote: ');
    assert.equal(edit(items[2]!).newText, 'Authors: ');
    assert.ok(items.slice(0, 6).every((i) => i.insertTextFormat !== SNIPPET_FORMAT));
  });

  test('at the end: a paper snippet and the next day heading', async () => {
    const uri = 'file:///work/completion/end.md';
    const text = `## Daily Papers (2025-01-31)\n\n${paperText()}\n`;
    const last = text.split('\n').length - 1;
    const items = bySort(await completeAt(uri, text, last, 0));
    const [paper, day] = items as [CompletionItem, CompletionItem];
    assert.equal(paper.kind, KIND.snippet);
    assert.equal(paper.insertTextFormat, SNIPPET_FORMAT);
    assert.match(edit(paper).newText, /^### \[\$\{2:Paper title\}\]\(https:\/\/arxiv\.org\/abs\/\$\{1:2501\.00000\}\)/);
    assert.equal(day.kind, KIND.event);
    assert.deepEqual(edit(day), { range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, newText: '## Daily Papers (2025-02-01)' });
  });

  test('the configured sections come from workspace/configuration', async () => {
    client.digestSettings = { requiredSections: ['Summary', 'Limits'] };
    try {
      const uri = 'file:///work/completion/configured.md';
      const text = `## Daily Papers (2025-01-23)\n\n${paperText({ sections: ['***Limits***: Few.'] })}- **\n`;
      const line = lineOf(text, '- **', lineOf(text, 'Limits') + 1);
      const items = bySort(await completeAt(uri, text, line, 4));
      assert.deepEqual(items.map((i) => edit(i).newText), ['- **Summary**: ', '- **Limits**: ']);
    } finally {
      client.digestSettings = {};
    }
  });

  test('a plain Markdown file, and an unknown document, get an empty list', async () => {
    assert.deepEqual(await completeAt('file:///work/completion/notes.md', '# Notes\n\n- ***\n', 2, 5), []);
    const none = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'file:///never/opened.md' }, position: { line: 0, character: 0 } });
    assert.deepEqual(none, []);
    assert.ok(client.alive);
  });
});
