import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, waitFor } from './helpers';

const DIGEST = [
  '## Daily Papers (2025-01-23)',
  '',
  '### [A Paper About Completion](https://arxiv.org/abs/2501.60001)',
  '',
  'Vote: 4',
  '',
  'Authors: Ada Lovelace',
  '',
  "- ***What's New***: Labels are written for you.",
  '- ***',
].join('\n');

function insertedText(item: vscode.CompletionItem): string {
  const text = item.insertText;
  return typeof text === 'string' ? text : (text?.value ?? '');
}

function sortKey(item: vscode.CompletionItem): string {
  return item.sortText ?? (typeof item.label === 'string' ? item.label : item.label.label);
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger: string | undefined, accept: (items: vscode.CompletionItem[]) => boolean): Promise<vscode.CompletionItem[]> {
  // The server may still be starting on the first request: ask until it answers.
  return waitFor(
    'digest completions',
    async () => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger)).items,
    accept,
  );
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

export default function register(): void {
  suite('Completion', () => {
    teardown(closeAllEditors);

    test('after "- ***" the missing sections come first and accepting one writes the whole label', async () => {
      const editor = await openUntitled(DIGEST);
      const line = editor.document.lineCount - 1;
      const position = new vscode.Position(line, 5);
      const all = await completionsAt(editor.document.uri, position, '*', (items) => items.some((i) => labelOf(i) === 'Technical Details'));
      const ours = all.filter((i) => ['Technical Details', 'Performance Highlights', "What's New"].includes(labelOf(i))).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      assert.deepEqual(ours.map(labelOf), ['Technical Details', 'Performance Highlights', "What's New"]);
      const first = ours[0]!;
      assert.equal(insertedText(first), '- ***Technical Details***: ');
      const range = first.range instanceof vscode.Range ? first.range : first.range?.replacing;
      assert.ok(range, 'the item replaces a range');
      assert.deepEqual([range.start.line, range.start.character, range.end.character], [line, 0, 5]);
      await editor.edit((b) => b.replace(range, insertedText(first)));
      assert.equal(editor.document.lineAt(line).text, '- ***Technical Details***: ');
    });

    test('the suggest widget opens on "*" without Ctrl+Space and accepting writes the label', async () => {
      const editor = await openUntitled(DIGEST.replace(/- \*\*\*$/, '- **'));
      const line = editor.document.lineCount - 1;
      // Wait until the server serves this document before typing the trigger.
      await completionsAt(editor.document.uri, new vscode.Position(line, 4), '*', (items) => items.some((i) => labelOf(i) === 'Technical Details'));
      editor.selection = new vscode.Selection(line, 4, line, 4);
      await vscode.commands.executeCommand('type', { text: '*' });
      // Accepting does nothing until the widget, opened by the trigger character, shows an item.
      const text = await waitFor(
        'the widget to open on "*" and accept the first label',
        async () => {
          await vscode.commands.executeCommand('acceptSelectedSuggestion');
          return editor.document.lineAt(line).text;
        },
        (t) => t !== '- ***',
      );
      assert.equal(text, '- ***Technical Details***: ');
    });

    test('after the last paper: the next day heading, and a paper as a snippet with the id typed once', async () => {
      const editor = await openUntitled(`${DIGEST}Technical Details***: Done.\n- ***Performance Highlights***: Fast.\n\n#`);
      const line = editor.document.lineCount - 1;
      const items = await completionsAt(editor.document.uri, new vscode.Position(line, 1), '#', (xs) => xs.some((i) => labelOf(i).startsWith('## Daily Papers')));
      const day = items.find((i) => labelOf(i).startsWith('## Daily Papers'))!;
      assert.equal(insertedText(day), '## Daily Papers (2025-01-24)');
      const paper = items.find((i) => labelOf(i) === 'New paper');
      assert.ok(paper && paper.insertText instanceof vscode.SnippetString, 'the paper is a snippet');
      const body = paper.insertText.value;
      assert.equal(body.split('${1:2501.00000}').length - 1, 1, body);
      assert.ok(body.includes('/papers/${1}.png'), body);
    });

    test('a plain Markdown file gets no digest items', async () => {
      const editor = await openUntitled('# Notes\n\n- ***');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(2, 5), '*');
      assert.ok(!list.items.some((i) => labelOf(i) === "What's New" || labelOf(i) === 'Technical Details'));
    });
  });
}
