import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../../client/src/constants';
import { closeAllEditors, codeOf, openFixture, openUntitled, waitFor, waitForDiagnostics } from './helpers';

export default function register(): void {
  suite('Commands', () => {
    teardown(closeAllEditors);

    test('"Restart Digest Server" restarts the server, and diagnostics arrive again', async () => {
      const { document } = await openFixture('digests/broken.md');
      const before = await waitForDiagnostics(document.uri, (d) => d.length >= 7);
      let changes = 0;
      const listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString())) changes++;
      });
      try {
        await vscode.commands.executeCommand(Command.restartServer);
        // Stopping clears the old server's diagnostics; the new one publishes them again.
        await waitFor('diagnostics to be cleared and published again', () => changes, (n) => n >= 2);
      } finally {
        listener.dispose();
      }
      const after = await waitForDiagnostics(document.uri, (d) => d.length === before.length);
      assert.deepEqual(after.map(codeOf).sort(), before.map(codeOf).sort());
      // ...and new ones.
      const fresh = await openUntitled('## Daily Papers (2025-01-23)\n\n### [Fresh](https://arxiv.org/abs/2501.1000x)\n\nVote: many\n');
      const ds = await waitForDiagnostics(fresh.document.uri, (d) => d.some((x) => codeOf(x) === 'invalid-vote'));
      assert.ok(ds.some((x) => codeOf(x) === 'malformed-arxiv-link'));
    });
  });
}
