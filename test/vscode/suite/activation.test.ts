import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, DOCUMENT_SELECTOR, EXTENSION_ID } from '../../../client/src/constants';
import { closeAllEditors, documentSymbols, openFixture, openUntitled, waitFor } from './helpers';

export default function register(): void {
  suite('Activation', () => {
    suiteTeardown(closeAllEditors);

    test('opening a digest activates the extension and its server answers', async () => {
      const editor = await openFixture('digests/2025-01-23.md');
      assert.equal(editor.document.languageId, 'markdown', 'a digest stays a Markdown document');
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is installed`);
      await waitFor('the extension to activate', () => ext.isActive, Boolean);
      // The day heading as a symbol name (no "##") can only come from our server.
      await waitFor('the digest outline', () => documentSymbols(editor.document.uri), (s) => s.some((x) => x.name === 'Daily Papers (2025-01-23)'));
    });

    test('documents in this window are file: or untitled:, which the document selector covers', async () => {
      const file = await openFixture('digests/2025-01-23.md');
      // In a code-server or remote window the extension host still sees file: URIs.
      assert.equal(file.document.uri.scheme, 'file');
      assert.ok(vscode.languages.match(DOCUMENT_SELECTOR, file.document) > 0);
      const untitled = await openUntitled('# scratch\n');
      assert.equal(untitled.document.uri.scheme, 'untitled');
      assert.ok(vscode.languages.match(DOCUMENT_SELECTOR, untitled.document) > 0);
    });

    test('contributes the restart command, the settings with their defaults, and the markdown-it plugin', async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(Command.restartServer), 'digest.restartServer is registered');
      const config = vscode.workspace.getConfiguration('digest');
      assert.deepEqual(config.inspect('requiredSections')?.defaultValue, ["What's New", 'Technical Details', 'Performance Highlights']);
      assert.deepEqual(config.inspect('files')?.defaultValue, []);
      assert.equal(config.inspect('hover.images')?.defaultValue, true);
      assert.equal(config.inspect('trace.server')?.defaultValue, 'off');
      const contributes = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes;
      assert.equal(contributes['markdown.markdownItPlugins'], true);
      const api = vscode.extensions.getExtension<{ extendMarkdownIt?: unknown }>(EXTENSION_ID)?.exports;
      assert.equal(typeof api?.extendMarkdownIt, 'function', 'activate() returns the markdown-it hook');
    });
  });
}
