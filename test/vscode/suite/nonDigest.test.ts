// Markdown that is not a digest must look exactly as without this extension.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, digestDiagnostics, documentSymbols, flatten, hoverText, openFixture, openUntitled, waitFor, waitForDiagnostics } from './helpers';

const PLAIN = 'notes/plain.md';
/** The built-in Markdown server's outline of notes/plain.md. */
const BUILT_IN_OUTLINE = ['# Reading notes', '## Papers I liked', '### Sparse Lanterns: Routing Tokens Through Few Experts', '## Daily chores'];

export default function register(): void {
  suite('Non-digest Markdown', () => {
    teardown(closeAllEditors);

    test('keeps its built-in Markdown outline and gets no symbols from us', async () => {
      const { document } = await openFixture(PLAIN);
      const symbols = await waitFor('the built-in outline', () => documentSymbols(document.uri), (s) => flatten(s).length >= BUILT_IN_OUTLINE.length);
      assert.deepEqual(flatten(symbols).map(({ symbol }) => symbol.name), BUILT_IN_OUTLINE);
      for (const { symbol } of flatten(symbols)) assert.equal(symbol.kind, vscode.SymbolKind.String);
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
      assert.equal((html.match(/<h[1-3]\b/g) ?? []).length, 4, 'the preview renders all four headings');
    });

    test('gets no digest diagnostics and no hover card', async () => {
      const { document } = await openFixture(PLAIN);
      // The server handles documents in order: once a digest opened after this
      // file has diagnostics, this file has been checked too.
      const marker = await openUntitled('## Daily Papers (2025-01-23)\n\n### [Marker](https://arxiv.org/abs/2501.10009)\n');
      await waitForDiagnostics(marker.document.uri, (d) => d.length > 0, 'diagnostics on a marker digest');
      assert.deepEqual(digestDiagnostics(document.uri), []);
      // Positive signal for hovers: the marker digest's heading has a card, so our hover provider answers.
      const hoverAt = async (uri: vscode.Uri, line: number, character: number): Promise<string[]> =>
        hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) ?? []);
      await waitFor('a card on the marker digest', () => hoverAt(marker.document.uri, 2, 6), (t) => t.some((x) => x.includes('arXiv:2501.10009')));
      assert.ok(!(await hoverAt(document.uri, 6, 10)).some((t) => t.includes('arXiv:')), 'no paper card');
    });
  });
}
