import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../client/src/constants';
import { closeAllEditors, openUntitled, waitFor } from './helpers';

interface SnippetContribution {
  language: string;
  path: string;
}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function insertSnippet(editor: vscode.TextEditor, name: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
}

export default function register(): void {
  suite('Snippets', () => {
    teardown(closeAllEditors);

    test('the snippet file is contributed for Markdown, with the id typed once', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      const snippets = ext.packageJSON.contributes.snippets as SnippetContribution[];
      const ours = snippets.find((s) => s.language === 'markdown');
      assert.ok(ours, 'a Markdown snippet contribution');
      const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, ours.path)));
      const file = JSON.parse(raw) as Record<string, { prefix: string | string[]; body: string[] }>;
      const paper = file['paper']?.body.join('\n') ?? '';
      assert.equal(paper.split('${1:2501.12345}').length - 1, 1, 'the id placeholder appears once');
      assert.ok(paper.includes('/papers/${1}.png'), 'the thumbnail mirrors it');
      assert.ok(file['digest heading']?.body.join('\n').includes('$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE'));
    });

    test('inserting "paper" and typing an id fills the link and the thumbnail', async () => {
      const editor = await openUntitled('## Daily Papers (2025-01-23)\n\n');
      await insertSnippet(editor, 'paper');
      await waitFor('the snippet', () => editor.document.getText(), (t) => t.includes('https://arxiv.org/abs/2501.12345'));
      // The id placeholder is selected: typing replaces it and its mirror.
      await vscode.commands.executeCommand('type', { text: '2501.54321' });
      const text = await waitFor('the mirrored id', () => editor.document.getText(), (t) => t.includes('papers/2501.54321.png'));
      assert.ok(text.includes('### [Paper title](https://arxiv.org/abs/2501.54321)'));
      for (const label of ["What's New", 'Technical Details', 'Performance Highlights']) assert.ok(text.includes(`- ***${label}***: `));
      assert.match(text, /^Vote: 0$/m);
      assert.match(text, /^Authors: /m);
    });

    test('inserting "digest heading" dates it today', async () => {
      const editor = await openUntitled('');
      await insertSnippet(editor, 'digest heading');
      const text = await waitFor('the heading', () => editor.document.getText(), (t) => t.startsWith('## Daily Papers ('));
      assert.equal(text.split('\n')[0], `## Daily Papers (${todayIso()})`);
    });
  });
}
