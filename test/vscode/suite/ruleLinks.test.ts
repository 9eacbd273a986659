import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openFixture, waitFor, waitForDiagnostics } from './helpers';

export default function register(): void {
  suite('Rule links', () => {
    teardown(closeAllEditors);

    test('the code link of missing-section opens docs/rules.md at that rule\'s heading', async () => {
      const { document } = await openFixture('digests/broken.md');
      const ds = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'));
      const code = ds.find((d) => codeOf(d) === 'missing-section')!.code;
      assert.ok(typeof code === 'object', 'the code carries a link');
      const target = code.target;
      assert.ok(target.path.endsWith('/docs/rules.md'), target.toString());
      const line = Number(/^L(\d+)/.exec(target.fragment)?.[1]);
      assert.ok(line > 1, `the link names a line: ${target.toString()}`);
      // The Problems panel opens code links through the opener service, as vscode.open does.
      await vscode.commands.executeCommand('vscode.open', target);
      const editor = await waitFor(
        'docs/rules.md to open at the rule',
        () => vscode.window.activeTextEditor,
        (e) => e !== undefined && e.document.uri.path.endsWith('/docs/rules.md') && e.selection.active.line === line - 1,
      );
      assert.equal(editor!.document.lineAt(editor!.selection.active.line).text, '## missing-section');
    });
  });
}
