import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, digestDiagnostics, documentSymbols, fixture, openFixture, openUntitled, rangeOf, singleFileDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const { Error: E, Warning: W } = vscode.DiagnosticSeverity;

/** What the server reports on digests/broken.md: code, severity, range. */
const BROKEN_EXPECTED: [string, vscode.DiagnosticSeverity, [number, number, number, number]][] = [
  ['malformed-arxiv-link', E, [2, 46, 2, 56]],
  ['missing-section', E, [2, 5, 2, 22]],
  ['invalid-vote', W, [6, 6, 6, 10]],
  ['duplicate-author', W, [8, 21, 8, 31]],
  ['mislabelled-section', W, [10, 2, 10, 18]],
  ['missing-vote', W, [13, 5, 13, 31]],
  ['non-canonical-arxiv-link', W, [13, 33, 13, 64]],
];

async function brokenText(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('digests/broken.md')));
}

function summary(ds: vscode.Diagnostic[]): string[] {
  return ds.map((d) => `${codeOf(d)} ${d.severity} ${rangeOf(d.range).join(',')}`).sort();
}

export default function register(): void {
  suite('Diagnostics', () => {
    teardown(closeAllEditors);

    test('reports each problem with its code, severity, source "digest" and exact range', async () => {
      const { document } = await openFixture('digests/broken.md');
      const ds = await waitForDiagnostics(document.uri, (d) => d.length >= BROKEN_EXPECTED.length);
      assert.deepEqual(summary(ds), BROKEN_EXPECTED.map(([c, s, r]) => `${c} ${s} ${r.join(',')}`).sort());
      for (const d of ds) assert.equal(d.source, 'digest');
      const invalidVote = ds.find((d) => codeOf(d) === 'invalid-vote');
      assert.equal(document.getText(invalidVote?.range), 'lots');
    });

    test('a clean digest has no digest diagnostics', async () => {
      const { document } = await openFixture('digests/2025-01-23.md');
      await waitFor('the digest outline', () => documentSymbols(document.uri), (s) => s.some((x) => x.name === 'Daily Papers (2025-01-23)'));
      // A positive signal before the absence check: the server validates documents in the
      // order they open, so once a digest opened after this one has its diagnostics, this one has been checked.
      const marker = await openUntitled('## Daily Papers (2025-01-23)\n\n### [Marker](https://arxiv.org/abs/2501.10009)\n');
      await waitForDiagnostics(marker.document.uri, (d) => d.length > 0, 'diagnostics on a marker digest');
      assert.deepEqual(digestDiagnostics(document.uri).map(codeOf), []);
    });

    test('the clean digest text, after a defect is typed and undone, is clean again', async () => {
      const clean = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('digests/2025-01-23.md')));
      const editor = await openUntitled(clean);
      const uri = editor.document.uri;
      const line = editor.document.getText().split('\n').indexOf('Vote: 42');
      assert.ok(line > 0, 'the fixture has "Vote: 42"');
      const value = new vscode.Range(line, 6, line, 8);
      assert.ok(await editor.edit((b) => b.replace(value, 'lots')));
      // Positive signal: the server has diagnostics for a version of this very document.
      await waitForDiagnostics(uri, (d) => singleFileDiagnostics(d).map(codeOf).join() === 'invalid-vote', 'invalid-vote on the typed defect');
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(line, 6, line, 10), '42')));
      assert.equal(editor.document.getText(), clean);
      // Empty again can only come from the server publishing for the later, clean version.
      await waitForDiagnostics(uri, (d) => singleFileDiagnostics(d).length === 0, 'the diagnostics of the clean version');
    });

    test('typing a fix with TextEditor.edit clears the diagnostic', async () => {
      const editor = await openUntitled(await brokenText());
      const uri = editor.document.uri;
      const before = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'invalid-vote'));
      const vote = before.find((x) => codeOf(x) === 'invalid-vote')!;
      assert.ok(await editor.edit((b) => b.replace(vote.range, '12')));
      const after = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'invalid-vote'), 'invalid-vote to clear');
      assert.ok(after.some((x) => codeOf(x) === 'malformed-arxiv-link'), 'other problems are still reported');
    });

    test('a WorkspaceEdit that fixes a label clears mislabelled-section', async () => {
      const editor = await openUntitled(await brokenText());
      const uri = editor.document.uri;
      const before = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'mislabelled-section'));
      const label = before.find((x) => codeOf(x) === 'mislabelled-section')!;
      assert.equal(editor.document.getText(label.range), '***Whats New***:');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, label.range, "***What's New***:");
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'mislabelled-section') && d.length > 0, 'mislabelled-section to clear');
    });

    test('duplicate-paper points at the first occurrence', async () => {
      const paper = (n: number): string =>
        `### [Same Paper](https://arxiv.org/abs/2501.10001)\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.10001.png)\n\nVote: ${n}\n\nAuthors: Ada Quill\n\n` +
        "- ***What's New***: x.\n- ***Technical Details***: y.\n- ***Performance Highlights***: z.\n\n";
      const editor = await openUntitled(`## Daily Papers (2025-01-23)\n\n${paper(1)}${paper(2)}`);
      const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'duplicate-paper'));
      const dup = ds.find((x) => codeOf(x) === 'duplicate-paper')!;
      assert.equal(dup.severity, W);
      assert.ok(dup.range.start.line > 2, 'reported on the second copy');
      const related = dup.relatedInformation ?? [];
      assert.ok(related.length > 0, 'has related information');
      assert.equal(related[0]!.location.uri.toString(), editor.document.uri.toString());
      assert.equal(related[0]!.location.range.start.line, 2, 'the first copy is on line 3');
      assert.equal(digestDiagnostics(editor.document.uri).filter((x) => codeOf(x) === 'duplicate-paper').length, 1);
    });
  });
}
