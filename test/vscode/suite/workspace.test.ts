// The workspace index in real VS Code: symbols from a file never opened,
// references and definition across files, the Daily Papers view, and a
// cross-day diagnostic that follows a file written on disk.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID } from '../../../client/src/constants';
import type { DigestExtensionApi } from '../../../client/src/extension';
import type { PapersNode } from '../../../client/src/papersView';
import { closeAllEditors, codeOf, fixture, openFixture, waitFor, waitForDiagnostics } from './helpers';

const CROSS_DAY = 'listed-on-another-day';
const SHARED = '2412.20001';

function papersApi(): NonNullable<DigestExtensionApi['papers']> {
  const api = vscode.extensions.getExtension<DigestExtensionApi>(EXTENSION_ID)?.exports;
  assert.ok(api?.papers, 'the extension exposes the Daily Papers provider');
  return api.papers;
}

function headingLine(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith('### ') && doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no heading with ${needle}`);
}

export default function register(): void {
  suite('Workspace index', () => {
    teardown(closeAllEditors);

    test('executeWorkspaceSymbolProvider finds a paper in a file that was never opened', async () => {
      const never = fixture('archive/2024-12-30.md').toString();
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === never), 'the file is not open');
      const symbols = await waitFor(
        'a workspace symbol for "tidal schedules"',
        () => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'tidal schedules'),
        (s) => (s ?? []).some((x) => x.name === 'Tidal Schedules for Mixture Models'),
      );
      const hit = symbols.find((x) => x.name === 'Tidal Schedules for Mixture Models')!;
      assert.equal(hit.location.uri.toString(), never);
      assert.match(hit.containerName, /2024-12-30/);
      const byId = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', `${SHARED}v1`);
      // VS Code re-sorts the results; the server's order (exact id first) is checked in test/lsp/workspace.test.ts.
      assert.deepEqual(byId.filter((s) => s.name.startsWith('Quiet Harbors')).map((s) => s.location.uri.path.split('/').pop()).sort(), ['2024-12-30.md', '2024-12-31.md']);
    });

    test('executeReferenceProvider and executeDefinitionProvider cross files', async () => {
      const { document } = await openFixture('archive/2024-12-31.md');
      const line = headingLine(document, SHARED);
      const position = new vscode.Position(line, document.lineAt(line).text.indexOf(SHARED) + 2);
      // The built-in Markdown extension adds the link itself as a reference; ours are the paper headings.
      const headings = (rs: vscode.Location[] | undefined) => (rs ?? []).filter((r) => r.range.start.character === 0).map((r) => [r.uri.path.split('/').pop(), r.range.start.line]).sort();
      const refs = await waitFor(
        'references in two files',
        () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position),
        (r) => headings(r).length === 2,
      );
      assert.deepEqual(headings(refs), [['2024-12-30.md', 2], ['2024-12-31.md', line]]);
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
      const def = defs[0]!;
      const uri = 'targetUri' in def ? def.targetUri : def.uri;
      assert.equal(uri.toString(), fixture('archive/2024-12-30.md').toString());
    });

    test('the Daily Papers view shows the days newest first and opens a paper at its heading', async () => {
      await vscode.commands.executeCommand('digest.papers.focus');
      const papers = papersApi();
      const days = await waitFor(
        'the view to list the fixture days',
        async () => {
          papers.refresh();
          return papers.getChildren();
        },
        (d) => d.length >= 4,
      );
      const labels = days.map((d) => String(papers.getTreeItem(d).label));
      assert.deepEqual(labels.filter((l) => /^2024-12-3[01]$|^2025-01-2[34]$/.test(l)), ['2025-01-24', '2025-01-23', '2024-12-31', '2024-12-30']);
      const day = days.find((d) => papers.getTreeItem(d).label === '2024-12-30')!;
      const children: PapersNode[] = await papers.getChildren(day);
      const item = papers.getTreeItem(children[1]!);
      assert.equal(item.label, 'Tidal Schedules for Mixture Models');
      assert.equal(item.description, '2412.20003 · 8 votes');
      assert.ok(item.command);
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      const editor = await waitFor('the paper to open', () => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === fixture('archive/2024-12-30.md').toString());
      assert.equal(editor!.selection.active.line, headingLine(editor!.document, 'Tidal Schedules'));
      const title = await vscode.commands.executeCommand<string | undefined>(Command.papersRevealCurrent);
      assert.equal(title, 'Tidal Schedules for Mixture Models');
      await vscode.commands.executeCommand(Command.papersFilter, 'meitner');
      const filtered = await papers.getChildren();
      assert.deepEqual(filtered.map((d) => papers.getTreeItem(d).label), ['2024-12-31']);
      await vscode.commands.executeCommand(Command.papersClearFilter);
    });

    test('a cross-day diagnostic appears after another file is written on disk, and goes when it is deleted', async () => {
      const { document } = await openFixture('archive/2024-12-31.md');
      const lantern = headingLine(document, '2412.20002');
      const crossOn = (ds: vscode.Diagnostic[], line: number) => ds.some((d) => codeOf(d) === CROSS_DAY && d.range.start.line === line);
      const initial = await waitForDiagnostics(document.uri, (ds) => crossOn(ds, headingLine(document, SHARED)));
      assert.ok(!crossOn(initial, lantern));
      const earlier = fixture('archive/2024-12-29.md');
      const text = '## Daily Papers (2024-12-29)\n\n### [Lantern Probes for Vision Transformers](https://arxiv.org/abs/2412.20002)\n\nVote: 1\n';
      await vscode.workspace.fs.writeFile(earlier, new TextEncoder().encode(text));
      try {
        const ds = await waitForDiagnostics(document.uri, (d) => crossOn(d, lantern), 'listed-on-another-day after the disk write');
        const diag = ds.find((d) => codeOf(d) === CROSS_DAY && d.range.start.line === lantern)!;
        assert.equal(diag.severity, vscode.DiagnosticSeverity.Information);
        assert.equal(diag.relatedInformation?.[0]?.location.uri.toString(), earlier.toString());
      } finally {
        await vscode.workspace.fs.delete(earlier);
      }
      await waitForDiagnostics(document.uri, (d) => !crossOn(d, lantern), 'the diagnostic to go after the delete');
    });
  });
}
