import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestExtensionApi } from '../../../client/src/extension';
import { Command, EXTENSION_ID } from '../../../client/src/constants';
import { closeAllEditors, codeOf, openUntitled, waitFor, waitForDiagnostics } from './helpers';

const RESTART_LINE = 'The digest server stopped for the requested restart.';

export default function register(): void {
  suite('Quiet restart', () => {
    teardown(closeAllEditors);

    test('"Restart Digest Server" logs a restart, not "[Error] Server process exited with code 0."', async () => {
      const api = vscode.extensions.getExtension<DigestExtensionApi>(EXTENSION_ID)!.exports;
      const before = api.outputTail().length;
      await vscode.commands.executeCommand(Command.restartServer);
      const lines = await waitFor('the restart to be logged', () => api.outputTail(), (l) => l.some((x) => x.includes(RESTART_LINE)));
      const fresh = lines.slice(Math.max(0, before - 5));
      assert.ok(fresh.some((l) => l.includes('Restarting the digest server.')), fresh.join('\n'));
      assert.ok(fresh.some((l) => /^\[Info\b/.test(l) && l.includes(RESTART_LINE)), fresh.join('\n'));
      assert.ok(!lines.some((l) => l.includes('exited with code') || l.startsWith('[Error')), lines.join('\n'));
      // The new server works.
      const editor = await openUntitled('## Daily Papers (2025-01-23)\n\n### [After Restart](https://arxiv.org/abs/2501.1000x)\n');
      const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'malformed-arxiv-link'));
      assert.ok(ds.length > 0);
    });
  });
}
