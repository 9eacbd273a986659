import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, FIX_ALL_CODE_ACTION_KIND } from '../../../client/src/constants';
import { closeAllEditors, codeOf, openUntitled, singleFileDiagnostics, waitFor, waitForDiagnostics, workspaceRoot } from './helpers';

const PAPER = (url: string, vote: string, comment = ''): string =>
  `## Daily Papers (2025-02-03)\n\n### [A Paper](${url})\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2502.00917.png)\n\n${comment}Vote: ${vote}\n\nAuthors: Ada Lovelace\n\n- ***What's New***: a.\n- ***Technical Details***: b.\n- ***Performance Highlights***: c.\n`;

/** A scratch folder in the workspace, removed after each test. */
function scratch(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'scratch-fixall', name);
}

export default function register(): void {
  suite('Fix-all, suppression comments, config schema', () => {
    teardown(async () => {
      await closeAllEditors();
      await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'scratch-fixall'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    test('editor.codeActionsOnSave with source.fixAll.digest fixes a digest on save', async () => {
      const uri = scratch('save.md');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PAPER('https://arxiv.org/abs/2502.O0917', '3')));
      await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { [FIX_ALL_CODE_ACTION_KIND]: 'explicit' }, vscode.ConfigurationTarget.Global, true);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'malformed-arxiv-link'));
      // An explicit save (not an auto save) runs the "explicit" actions.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n')));
      // An auto save would leave nothing for the explicit save to do (run-suite turns it off).
      assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
      assert.ok(editor.document.isDirty, 'the edit is not saved yet');
      assert.ok(await editor.document.save());
      const text = await waitFor('the saved file to be fixed', async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), (t) => t.includes('/abs/2502.00917)'));
      assert.ok(!text.includes('O0917'));
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'malformed-arxiv-link'), 'the fixed diagnostic to clear');
    });

    test('"Digest: Fix All Problems in File" fixes the active editor', async () => {
      const editor = await openUntitled(PAPER('https://arxiv.org/pdf/2502.00917', '3'));
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'non-canonical-arxiv-link'));
      await vscode.commands.executeCommand(Command.fixAll);
      await waitFor('the link to be fixed', () => editor.document.getText(), (t) => t.includes('https://arxiv.org/abs/2502.00917)'));
    });

    test('"Add the section" inserts it in the configured order and puts the cursor in it', async () => {
      const text = PAPER('https://arxiv.org/abs/2502.00917', '3').replace('- ***Technical Details***: b.\n', '');
      const editor = await openUntitled(text);
      const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'));
      const missing = ds.find((x) => codeOf(x) === 'missing-section')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
      const add = actions.find((a) => a.title === 'Add the "Technical Details" section');
      assert.ok(add?.edit, actions.map((a) => a.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(add.edit));
      const lines = editor.document.getText().split('\n');
      const at = lines.findIndex((l) => l.startsWith('- ***Technical Details***:'));
      assert.ok(at > lines.findIndex((l) => l.startsWith("- ***What's New***")) && at < lines.findIndex((l) => l.startsWith('- ***Performance Highlights***')), lines.join('\n'));
      await waitFor('the cursor after the new label', () => editor.selection.active, (p) => p.line === at && p.character === '- ***Technical Details***: '.length);
    });

    test('a digest-disable-next-line comment removes a diagnostic', async () => {
      const plain = await openUntitled(PAPER('https://arxiv.org/pdf/2502.00917', '-'));
      const before = await waitForDiagnostics(plain.document.uri, (d) => d.some((x) => codeOf(x) === 'invalid-vote'));
      assert.ok(before.some((x) => codeOf(x) === 'non-canonical-arxiv-link'));
      const commented = await openUntitled(PAPER('https://arxiv.org/pdf/2502.00917', '-', '<!-- digest-disable-next-line invalid-vote -->\n'));
      // The other problem shows the server has checked this text; the vote is silenced.
      const after = await waitForDiagnostics(commented.document.uri, (d) => d.some((x) => codeOf(x) === 'non-canonical-arxiv-link'));
      assert.deepEqual(singleFileDiagnostics(after).map(codeOf), ['non-canonical-arxiv-link']);
    });

    test('.digest-lint.jsonc gets completion of rule ids from the contributed schema', async () => {
      const uri = scratch('.digest-lint.jsonc');
      const text = '{\n  "rules": {\n    \n  }\n}\n';
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const labels = await waitFor(
        'rule ids in the completion list',
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 4));
          return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        },
        (ls) => ls.some((l) => l.includes('invalid-vote')),
        30_000,
      );
      assert.ok(labels.some((l) => l.includes('unused-suppression')));
      assert.ok(labels.some((l) => l.includes('missing-section')));
    });
  });
}
