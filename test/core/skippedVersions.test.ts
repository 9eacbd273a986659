// Keystrokes write into the model's arrays (parse/document.ts), so every
// consumer that keeps state across versions reads the parser's log of
// overwritten papers (incremental/paperEdits.ts). Seeded random edits, with
// the consumers looking only every few versions (sometimes after more edits
// than the log keeps): the diagnostics, the per-document key index and the
// workspace index must each answer as if built afresh from the same text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, noCancellation } from '../../server/src/core';
import { DiagnosticsComputer } from '../../server/src/core/features/diagnostics';
import { IncrementalParser } from '../../server/src/core/parse/document';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { digestText } from '../helpers/digest';
import { seeded } from '../helpers/random';

const URI = 'file:///ws/skipped.md';
const PAPERS = 60;

function index(uri: string, model: ReturnType<IncrementalParser['parse']> | undefined): unknown {
  const ws = new WorkspaceIndex();
  ws.setOpen(uri, model);
  return ws.files();
}

test('consumers that skip versions still equal a fresh build, over seeded random edits', () => {
  const random = seeded(8);
  let text = digestText(
    '2025-01-23',
    Array.from({ length: PAPERS }, (_, i) => ({ id: `2501.${10000 + (i % 9 === 8 ? i - 1 : i)}`, title: `Skipped Paper ${i}`, vote: String(i) })),
  );
  const parser = new IncrementalParser();
  const computer = new DiagnosticsComputer();
  const workspace = new WorkspaceIndex();
  let version = 1;
  let model = parser.parse(URI, version, text, 'heading');
  computer.compute(model, defaultSettings, noCancellation, workspace);
  workspace.setOpen(URI, model);
  const shapes = { keystroke: 0, id: 0, label: 0, newline: 0, checks: 0, quiet: 0 };
  for (let step = 0; step < 400; step++) {
    const paper = random.int(PAPERS);
    const heading = text.indexOf(`[Skipped Paper ${paper}]`);
    // For 80 steps nobody looks, and every edit is a keystroke in a paper: more writes into one array than the log keeps.
    const quiet = step >= 200 && step < 280;
    const kind = quiet ? -1 : random.int(20);
    let at: number;
    let deleted = 0;
    let inserted: string;
    assert.ok(heading > 0, `paper ${paper} still has its heading`);
    const label = text.indexOf('\n- ', heading) + 3;
    if (kind === -1) {
      // Unwatched: break or mend the first label's opening, so each paper's issues come and go.
      const broken = !text.startsWith('***', label);
      at = label;
      deleted = broken ? 0 : 1;
      inserted = broken ? '*' : '';
      shapes.quiet++;
    } else if (kind < 12) {
      // Typing in a vote or at the end of the first bullet (anchors no edit here can break): the common keystroke.
      at = random.int(2) === 0 ? text.indexOf('Vote: ', heading) + 6 : text.indexOf('\n', text.indexOf('\n- ', heading) + 1);
      inserted = random.pick(['x', '7', ' ', '\u0008']);
      shapes.keystroke++;
    } else if (kind < 16) {
      // An id that may now repeat another paper's, or no longer does.
      at = text.indexOf('2501.', heading);
      deleted = 10;
      inserted = `2501.${10000 + random.int(PAPERS)}`;
      shapes.id++;
    } else if (kind < 19) {
      // A label broken or mended: an issue comes or goes on the same line.
      at = text.indexOf('***', text.indexOf('- ', heading));
      if (text[at + 2] === '*' && random.int(2) === 0) deleted = 1;
      inserted = deleted === 0 ? '*' : '';
      shapes.label++;
    } else {
      at = text.indexOf('Vote: ', heading);
      inserted = '\n';
      shapes.newline++;
    }
    text = text.slice(0, at) + inserted + text.slice(at + deleted);
    model = parser.parse(URI, ++version, text, 'heading', { start: at, oldEnd: at + deleted, newEnd: at + inserted.length });
    // Look now and then: usually after 1-3 versions.
    if (quiet || (random.int(3) !== 0 && step !== 280 && step !== 399)) continue;
    shapes.checks++;
    const freshModel = new IncrementalParser().parse(URI, version, text, 'heading');
    const freshWorkspace = new WorkspaceIndex();
    assert.deepEqual(
      computer.compute(model, defaultSettings, noCancellation, workspace),
      new DiagnosticsComputer().compute(freshModel, defaultSettings, noCancellation, freshWorkspace),
      `diagnostics at step ${step}`,
    );
    workspace.setOpen(URI, model);
    assert.deepEqual(workspace.files(), index(URI, freshModel), `workspace index at step ${step}`);
  }
  // The run drew every shape, and looked often enough to matter.
  for (const [shape, count] of Object.entries(shapes)) assert.ok(count > 0, `${shape}: ${count}`);
  assert.ok(shapes.checks > 80, `${shapes.checks} checks`);
});
