// An open digest feeds the workspace index on every validation. A keystroke
// that leaves the index's fields alone scans only the edited paper and changes
// nothing; other edits patch or rebuild the entry. Either way the index
// answers as one built afresh from the same text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, type ChangeSpan } from '../../server/src/core';
import { IncrementalParser } from '../../server/src/core/parse/document';
import type { Report } from '../../server/src/core/rules';
import { candidates, listedOnAnotherDay } from '../../server/src/core/rules/listedOnAnotherDay';
import { WorkspaceIndex, type WorkspaceView } from '../../server/src/core/workspace/workspaceIndex';
import { digestText, type PaperSpec } from '../helpers/digest';

const URI = 'file:///ws/archive.md';
const OTHER = 'file:///ws/2025-01-24.md';

function specs(n: number): PaperSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `2501.${10000 + i}`, title: `Indexed Paper ${i}`, vote: String(i), authors: `Author ${i}A, Author ${i}B` }));
}

/** What the index answers, for comparison with a fresh one. */
function answers(index: WorkspaceIndex): unknown {
  const ids = ['2501.10000', '2501.10050', '2501.10051', '2501.10099', '2601.10050'];
  return {
    files: index.files(),
    listings: ids.map((id) => index.listings(id)),
    cross: index.crossFileIds(),
    search: index.searchSymbols('indexed paper 5').map((m) => [m.listing.uri, m.listing.line, m.listing.title]),
  };
}

test('edits to an open digest: the index equals one built afresh, and a body keystroke scans one paper', () => {
  let text = digestText('2025-01-23', specs(100));
  const parser = new IncrementalParser();
  const index = new WorkspaceIndex();
  index.setDisk(OTHER, digestText('2025-01-24', [{ id: '2501.10050', title: 'Indexed Paper 50' }]));
  let version = 1;
  index.setOpen(URI, parser.parse(URI, version, text, 'heading'));
  const edit = (at: number, deleted: number, inserted: string): { changed: boolean } => {
    text = text.slice(0, at) + inserted + text.slice(at + deleted);
    const change: ChangeSpan = { start: at, oldEnd: at + deleted, newEnd: at + inserted.length };
    const revision = index.revision;
    const changed = index.setOpen(URI, parser.parse(URI, ++version, text, 'heading', change));
    const fresh = new WorkspaceIndex();
    fresh.setDisk(OTHER, digestText('2025-01-24', [{ id: '2501.10050', title: 'Indexed Paper 50' }]));
    fresh.setOpen(URI, new IncrementalParser().parse(URI, version, text, 'heading'));
    assert.deepEqual(answers(index), answers(fresh), `after editing at ${at}`);
    return { changed: changed || index.revision !== revision };
  };

  // A body keystroke: one paper scanned, nothing changed.
  const body = text.indexOf("What's New", text.indexOf('Indexed Paper 30]')) + 14;
  assert.deepEqual(edit(body, 0, 'x'), { changed: false });
  assert.equal(index.lastScanned, 1);
  // A title keystroke: the listing and the search follow.
  assert.deepEqual(edit(text.indexOf('Indexed Paper 51]') + 'Indexed Paper 51'.length, 0, '5'), { changed: true });
  assert.equal(index.lastScanned, 1);
  // An author and a vote.
  edit(text.indexOf('Author 52B') + 'Author 52B'.length, 0, ', Author New');
  edit(text.indexOf('Vote: 53') + 'Vote: 53'.length, 0, '9');
  // An id moved away from the one another file lists, and back.
  const id = text.indexOf('2501.10050');
  edit(id, 4, '2601');
  edit(id, 4, '2501');
  // A new line (every later paper moves), a new paper, a deleted paper heading.
  edit(text.indexOf('Vote: 60'), 0, '\n');
  edit(text.indexOf('### [Indexed Paper 70]'), 0, '### [Inserted](https://arxiv.org/abs/2501.10099)\n\n');
  edit(text.indexOf('### [Indexed Paper 80]'), 4, '');
});

test('listed-on-another-day visits only the ids other files list, with the same reports as a pass over every paper', () => {
  const text = digestText('2025-01-23', specs(100));
  const model = new IncrementalParser().parse(URI, 1, text, 'heading');
  const index = new WorkspaceIndex();
  index.setOpen(URI, model);
  // Two earlier days list papers 5 and 60 (so the archive's copies are reported); a later one lists paper 7 (not reported).
  index.setDisk('file:///ws/2025-01-20.md', digestText('2025-01-20', [{ id: '2501.10005', title: 'Indexed Paper 5' }, { id: '2501.10060', title: 'Indexed Paper 60' }]));
  index.setDisk('file:///ws/2025-01-25.md', digestText('2025-01-25', [{ id: '2501.10007', title: 'Indexed Paper 7' }]));
  // The ids in two or more files, kept as files come and go; unknown for a document the index does not hold.
  assert.deepEqual([...index.sharedIds(URI)!].sort(), ['2501.10005', '2501.10007', '2501.10060']);
  // Fewer shared ids than papers: the shared ids are looked up, in paper order.
  assert.deepEqual([...candidates(model, index, new Map())], [5, 7, 60]);
  assert.equal(index.sharedIds('file:///elsewhere/not-indexed.md'), undefined);
  const run = (workspace: WorkspaceView): Report[] => {
    const out: Report[] = [];
    listedOnAnotherDay.check(model, { settings: defaultSettings, workspace, state: new Map() }, (r) => out.push(r));
    return out;
  };
  const everyPaper = run({ listings: (id) => index.listings(id) });
  assert.deepEqual(everyPaper.map((r) => r.range.start.line), [model.papers[5]!.line, model.papers[60]!.line]);
  assert.deepEqual(run(index), everyPaper);
  // A document outside the index still sees the other files: every paper is looked up.
  const outsider = new WorkspaceIndex();
  outsider.setDisk('file:///ws/2025-01-20.md', digestText('2025-01-20', [{ id: '2501.10005', title: 'Indexed Paper 5' }]));
  const seen: Report[] = [];
  listedOnAnotherDay.check(model, { settings: defaultSettings, workspace: outsider, state: new Map() }, (r) => seen.push(r));
  assert.deepEqual(seen.map((r) => r.range.start.line), [model.papers[5]!.line]);
  // Shared ids follow removals: with the earlier days gone, nothing is shared or reported.
  index.removeDisk('file:///ws/2025-01-20.md');
  index.removeDisk('file:///ws/2025-01-25.md');
  assert.deepEqual([...index.sharedIds(URI)!], []);
  assert.deepEqual(run(index), []);
});

test('listed-on-another-day: a short document among many shared ids walks its own papers', () => {
  const text = digestText('2025-02-01', [{ id: '2501.10001', title: 'Shared Here' }, { id: '2501.10002', title: 'Only Here' }]);
  const model = new IncrementalParser().parse(URI, 1, text, 'heading');
  const index = new WorkspaceIndex();
  index.setOpen(URI, model);
  index.setDisk('file:///ws/a.md', digestText('2025-01-01', [{ id: '2501.10001', title: 'Shared Here' }, { id: '2501.20001', title: 'X' }, { id: '2501.20002', title: 'Y' }]));
  index.setDisk('file:///ws/b.md', digestText('2025-01-02', [{ id: '2501.20001', title: 'X' }, { id: '2501.20002', title: 'Y' }]));
  assert.ok(index.sharedIds(URI)!.size > model.papers.length);
  // Only the paper whose id is shared is visited, not both.
  assert.deepEqual([...candidates(model, index, new Map())], [0]);
  const out: Report[] = [];
  listedOnAnotherDay.check(model, { settings: defaultSettings, workspace: index, state: new Map() }, (r) => out.push(r));
  assert.deepEqual(out.map((r) => r.range.start.line), [model.papers[0]!.line]);
});
