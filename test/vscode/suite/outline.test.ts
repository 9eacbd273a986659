// The Outline requirement: each paper once. VS Code merges every document
// symbol provider (one OutlineGroup each); `vscode.executeDocumentSymbolProvider`
// and the Outline pane read the same OutlineModel, whose top level is either
// the one non-empty group's symbols or all groups' symbols side by side. The
// built-in Markdown server names its symbols after the heading with its marks
// ("## Daily Papers (…)", "### Title", kind String); ours are plain names with
// other kinds. So "no such names and every title once" means the built-in
// group is empty and the Outline pane shows our tree alone, ungrouped.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, documentSymbols, flatten, openFixture, openUntitled, waitFor, type AnySymbol } from './helpers';

const DIGEST = 'digests/2025-01-23.md';
const DAY = 'Daily Papers (2025-01-23)';
const PAPERS = [
  { title: 'Sparse Lanterns: Routing Tokens Through Few Experts', detail: 'arXiv:2501.10001 · 42 votes', lines: [2, 12] },
  { title: 'Quiet Gradients for Loud Data', detail: 'arXiv:2501.10002 · 7 votes', lines: [14, 24] },
  { title: 'Maps That Fold Themselves', detail: 'arXiv:2501.10003 · 0 votes', lines: [26, 36] },
];
const SECTIONS = ["What's New", 'Technical Details', 'Performance Highlights'];

function children(s: AnySymbol): AnySymbol[] {
  return 'children' in s ? s.children : [];
}

function assertNoBuiltInHeadings(symbols: AnySymbol[]): void {
  const raw = flatten(symbols).filter(({ symbol }) => symbol.name.startsWith('#') || symbol.kind === vscode.SymbolKind.String);
  assert.deepEqual(raw.map(({ symbol }) => symbol.name), [], 'the built-in Markdown outline adds nothing for a digest');
}

export default function register(): void {
  suite('Outline', () => {
    teardown(closeAllEditors);

    test('each paper appears exactly once, under its day, with its sections as children', async () => {
      const { document } = await openFixture(DIGEST);
      const symbols = await waitFor('the digest outline', () => documentSymbols(document.uri), (s) => s.some((x) => x.name === DAY));
      assertNoBuiltInHeadings(symbols);
      assert.deepEqual(symbols.map((s) => s.name), [DAY], 'one top-level symbol: the day');
      const day = symbols[0]!;
      assert.equal(day.kind, vscode.SymbolKind.Namespace);
      // Count with heading marks stripped, so a built-in "### Title" would count too.
      const all = flatten(symbols).map(({ symbol }) => symbol.name.replace(/^#+\s*/, ''));
      for (const p of PAPERS) assert.equal(all.filter((n) => n === p.title).length, 1, `"${p.title}" appears once`);
      const papers = children(day);
      assert.deepEqual(papers.map((p) => p.name), PAPERS.map((p) => p.title));
      for (const [i, paper] of papers.entries()) {
        const want = PAPERS[i]!;
        assert.ok('detail' in paper && paper.detail === want.detail, `detail of "${want.title}"`);
        assert.equal(paper.kind, vscode.SymbolKind.Class);
        const sections = children(paper);
        assert.deepEqual(sections.map((s) => s.name), SECTIONS);
        for (const s of sections) assert.equal(s.kind, vscode.SymbolKind.Field);
      }
    });

    test('a file that is a digest only through digest.files also lists its paper once', async () => {
      const { document } = await openFixture('globbed/picked.md');
      const symbols = await waitFor('the digest outline', () => documentSymbols(document.uri), (s) => s.some((x) => x.name === 'Picked By Glob'));
      assertNoBuiltInHeadings(symbols);
      assert.deepEqual(symbols.map((s) => s.name), ['Picked By Glob']);
      assert.deepEqual(children(symbols[0]!).map((s) => s.name), SECTIONS);
    });

    test('headings outside the digest structure stay in the built-in outline; papers still appear once', async () => {
      const paper = "### [Only Once](https://arxiv.org/abs/2501.10001)\n\nVote: 1\n\nAuthors: Ada Quill\n\n- ***What's New***: x.\n";
      const editor = await openUntitled(`# My digests\n\n## Daily Papers (2025-01-23)\n\n${paper}\n## Notes\n\n### Not a paper\n`);
      const uri = editor.document.uri;
      const symbols = await waitFor(
        'both outlines',
        () => documentSymbols(uri),
        (s) => s.some((x) => x.name === DAY) && flatten(s).some(({ symbol }) => symbol.name === '### Not a paper'),
      );
      const names = flatten(symbols).map(({ symbol }) => symbol.name);
      assert.equal(names.filter((n) => n.replace(/^#+\s*/, '') === 'Only Once').length, 1, 'the paper appears once');
      assert.ok(!names.some((n) => n.startsWith('## Daily Papers')), 'the day heading appears once, from us');
      for (const kept of ['# My digests', '## Notes', '### Not a paper']) assert.ok(names.includes(kept), `built-in keeps "${kept}"`);
    });

    test('the Markdown preview of a digest still renders every heading, with its anchor', async () => {
      const { document } = await openFixture(DIGEST);
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
      assert.match(html, /<h2\b[^>]*\bid="[^"]+"[^>]*>Daily Papers \(2025-01-23\)<\/h2>/);
      const h3 = html.match(/<h3\b[^>]*\bid="[^"]+"[^>]*>/g) ?? [];
      assert.equal(h3.length, PAPERS.length);
      for (const p of PAPERS) assert.ok(html.includes(p.title), `preview shows "${p.title}"`);
      assert.ok(!html.includes('digest_heading'), 'no renamed token leaks into the HTML');
    });

    test('days and papers still fold', async () => {
      const { document } = await openFixture(DIGEST);
      const want = [[0, 36], ...PAPERS.map((p) => p.lines)];
      const ranges = await waitFor(
        'folding ranges for days and papers',
        async () => (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri)) ?? [],
        (rs) => want.every(([start, end]) => rs.some((r) => r.start === start && r.end === end)),
      );
      assert.ok(ranges.length >= want.length);
    });
  });
}
