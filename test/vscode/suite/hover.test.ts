import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hoverText, openFixture, waitFor } from './helpers';

const DIGEST = 'digests/2025-01-23.md';

async function hoversAt(uri: vscode.Uri, line: number, character: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hoverText(hovers ?? []);
}

function card(texts: string[]): string | undefined {
  return texts.find((t) => t.includes('arXiv:'));
}

export default function register(): void {
  suite('Hover', () => {
    teardown(closeAllEditors);

    test('hovering a paper heading shows its card: title, id with links, votes, authors, summary', async () => {
      const { document } = await openFixture(DIGEST);
      const texts = await waitFor('the paper card', () => hoversAt(document.uri, 2, 10), (t) => card(t) !== undefined);
      const text = card(texts)!;
      assert.ok(text.includes('Sparse Lanterns: Routing Tokens Through Few Experts'), 'title');
      assert.ok(text.includes('arXiv:2501.10001'), 'id');
      assert.ok(text.includes('https://arxiv.org/abs/2501.10001'), 'abstract link');
      assert.ok(text.includes('https://arxiv.org/pdf/2501.10001'), 'PDF link');
      assert.ok(text.includes('Votes: 42'), 'votes');
      assert.ok(text.includes('Ada Quill'), 'authors');
      assert.ok(text.includes('A router that sends each token'), "What's New");
      assert.ok(text.includes('2501.10001.png'), 'thumbnail image (digest.hover.images defaults to true)');
    });

    test('hovering the arXiv id in the link and the thumbnail shows the same card', async () => {
      const { document } = await openFixture(DIGEST);
      const idColumn = document.lineAt(2).text.indexOf('2501.10001') + 3;
      const onId = await waitFor('the card over the id', () => hoversAt(document.uri, 2, idColumn), (t) => card(t) !== undefined);
      assert.ok(card(onId)!.includes('Votes: 42'));
      const onThumb = await hoversAt(document.uri, 4, 30);
      assert.ok(card(onThumb)?.includes('Sparse Lanterns'), 'card over the thumbnail');
      const second = await hoversAt(document.uri, 14, 10);
      assert.ok(card(second)?.includes('Votes: 7'), 'each paper has its own card');
    });

    test('no card away from headings and thumbnails', async () => {
      const { document } = await openFixture(DIGEST);
      // Positive signal first: the server answers hovers on this document. Each absence
      // below is the server's own answer for the same version, not a timeout.
      await waitFor('the paper card', () => hoversAt(document.uri, 2, 10), (t) => card(t) !== undefined);
      assert.equal(card(await hoversAt(document.uri, 6, 2)), undefined, 'nothing over "Vote:"');
      assert.equal(card(await hoversAt(document.uri, 10, 20)), undefined, 'nothing over a section');
      assert.ok(card(await hoversAt(document.uri, 14, 10))?.includes('Votes: 7'), 'and still a card over the next heading');
    });
  });
}
