// The workspace index, the cross-day rule, workspace symbols, references and
// the Daily Papers tree, all on texts written here.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLanguageService,
  findDefinition,
  findReferences,
  papersTree,
  searchListings,
  WorkspaceIndex,
  canonicalUri,
  fileUri,
  type Issue,
} from '../../server/src/core';
import { digestText, doc, lineOf } from '../helpers/digest';

const A = 'file:///ws/2025-01-10.md';
const B = 'file:///ws/2025-01-12.md';
const C = 'file:///ws/2025-01-11.md';
const SHARED = '2501.00042';

const dayA = digestText('2025-01-10', [{ id: SHARED, title: 'Shared Paper On LoRA', authors: 'Edward Hu, Yelong Shen' }, { id: '2501.00001', title: 'Only On A' }]);
const dayB = digestText('2025-01-12', [{ id: '2501.00002', title: 'Only On B' }, { id: `${SHARED}v2`, title: 'Shared Paper On LoRA' }]);
const dayC = digestText('2025-01-11', [{ id: SHARED, title: 'Shared Paper On LoRA' }]);

function crossDay(service: ReturnType<typeof createLanguageService>, index: WorkspaceIndex, uri: string, text: string): Issue[] {
  const d = doc(text, uri);
  index.setOpen(uri, service.getModel(d));
  return (service.computeDiagnostics(d, undefined, undefined, index) ?? []).filter((i) => i.rule === 'listed-on-another-day');
}

describe('WorkspaceIndex', () => {
  test('add: listings of an id across files, earliest day first whatever the insertion order', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.setDisk(B, dayB), true);
    assert.equal(index.setDisk(A, dayA), true);
    index.setDisk(C, dayC);
    assert.deepEqual(index.listings(SHARED).map((l) => [l.uri, l.date, l.version]), [
      [A, '2025-01-10', undefined],
      [C, '2025-01-11', undefined],
      [B, '2025-01-12', 2],
    ]);
    assert.equal(index.size, 3);
    assert.deepEqual(index.crossFileIds(), [SHARED]);
  });

  test('change: a rescan replaces the file\'s listings; an unchanged rescan reports no change', () => {
    const index = new WorkspaceIndex();
    index.setDisk(A, dayA);
    index.setDisk(B, dayB);
    assert.equal(index.setDisk(A, dayA), false);
    assert.equal(index.setDisk(A, dayA.replace(SHARED, '2501.00099')), true);
    assert.deepEqual(index.listings(SHARED).map((l) => l.uri), [B]);
    assert.deepEqual(index.listings('2501.00099').map((l) => l.uri), [A]);
    // A file that stops being a digest leaves the index.
    assert.equal(index.setDisk(A, '# just notes\n'), true);
    assert.equal(index.file(A), undefined);
    assert.deepEqual(index.listings('2501.00099'), []);
  });

  test('delete and rename', () => {
    const index = new WorkspaceIndex();
    index.setDisk(A, dayA);
    index.setDisk(B, dayB);
    assert.equal(index.removeDisk(A), true);
    assert.equal(index.removeDisk(A), false);
    assert.deepEqual(index.listings(SHARED).map((l) => l.uri), [B]);
    const moved = 'file:///ws/renamed.md';
    index.renameDisk(B, moved, dayB);
    assert.deepEqual(index.listings(SHARED).map((l) => l.uri), [moved]);
    assert.equal(index.file(B), undefined);
  });

  test('open text wins over the disk copy, and the disk copy counts again on close', () => {
    const index = new WorkspaceIndex();
    const service = createLanguageService();
    index.setDisk(A, dayA);
    const edited = dayA.replace(SHARED, '2501.00077');
    index.setOpen(A, service.getModel(doc(edited, A)));
    assert.equal(index.file(A)?.source, 'open');
    assert.deepEqual(index.listings(SHARED), []);
    assert.equal(index.listings('2501.00077').length, 1);
    // A disk change under an open document does not override it.
    index.setDisk(A, dayA);
    assert.deepEqual(index.listings(SHARED), []);
    // Open but no longer a digest: it hides the disk copy.
    index.setOpen(A, undefined);
    assert.deepEqual(index.listings('2501.00001'), []);
    assert.equal(index.closeOpen(A), true);
    assert.equal(index.listings(SHARED).length, 1);
    assert.equal(index.file(A)?.source, 'disk');
  });

  test('undated days sort after dated ones; same date by file then line', () => {
    const index = new WorkspaceIndex();
    const undated = 'file:///ws/a-undated.md';
    index.setDisk(undated, `## Daily Papers (someday)\n\n${dayC.split('\n').slice(2).join('\n')}`.replace('## Daily Papers (someday)', '## Daily Papers (2025-13-01)'));
    index.setDisk(C, dayC);
    index.setDisk('file:///ws/b.md', dayC);
    assert.deepEqual(index.listings(SHARED).map((l) => [l.uri, l.date]), [
      ['file:///ws/2025-01-11.md', '2025-01-11'],
      ['file:///ws/b.md', '2025-01-11'],
      [undated, undefined],
    ]);
  });
});

describe('listed-on-another-day', () => {
  test('reported on every listing but the earliest, with related information to the others', () => {
    const index = new WorkspaceIndex();
    const service = createLanguageService();
    index.setDisk(A, dayA);
    index.setDisk(C, dayC);
    index.setDisk(B, dayB);
    assert.deepEqual(crossDay(service, index, A, dayA), []);
    const onB = crossDay(service, index, B, dayB);
    assert.equal(onB.length, 1);
    const issue = onB[0]!;
    assert.equal(issue.severity, 'information');
    assert.equal(issue.range.start.line, lineOf(dayB, SHARED));
    assert.match(issue.message, /also listed on 2025-01-10, 2025-01-11; the earliest listing is 2025-01-10 \(2025-01-10\.md, line 3\)/);
    assert.deepEqual(issue.related?.map((r) => [r.uri, r.range.start.line]), [[A, 2], [C, 2]]);
    assert.equal(crossDay(service, index, C, dayC).length, 1);
  });

  test('appears and disappears as the other file changes', () => {
    const index = new WorkspaceIndex();
    const service = createLanguageService();
    index.setDisk(B, dayB);
    // C (01-11) is earlier than B (01-12): the earliest listing is not reported.
    assert.deepEqual(crossDay(service, index, C, dayC), []);
    index.setDisk(A, dayA);
    assert.equal(crossDay(service, index, C, dayC).length, 1);
    index.removeDisk(A);
    assert.deepEqual(crossDay(service, index, C, dayC), []);
    // B, later than the still-open C, is reported until C closes (C has no disk copy).
    assert.equal(crossDay(service, index, B, dayB).length, 1);
    index.closeOpen(C);
    assert.deepEqual(crossDay(service, index, B, dayB), [], 'alone once the others are gone');
  });

  test('needs another file: two listings in one file are duplicate-paper only', () => {
    const index = new WorkspaceIndex();
    const service = createLanguageService();
    const twice = digestText('2025-01-10', [{ id: SHARED, title: 'One' }, { id: SHARED, title: 'Two' }]);
    assert.deepEqual(crossDay(service, index, A, twice), []);
  });

  test('not run without a workspace view', () => {
    const index = new WorkspaceIndex();
    const service = createLanguageService();
    index.setDisk(A, dayA);
    const issues = service.computeDiagnostics(doc(dayB, B)) ?? [];
    assert.ok(!issues.some((i) => i.rule === 'listed-on-another-day'));
  });
});

describe('workspace symbols', () => {
  const index = new WorkspaceIndex();
  index.setDisk(A, dayA);
  index.setDisk(B, dayB);
  index.setDisk(C, dayC);
  const all = index.files().flatMap((f) => f.papers);
  const names = (q: string): string[] => searchListings(all, q).map((m) => `${m.listing.title}@${m.listing.date}`);

  test('an exact id, with or without vN, comes first and finds every listing', () => {
    assert.deepEqual(names(SHARED).slice(0, 3), ['Shared Paper On LoRA@2025-01-12', 'Shared Paper On LoRA@2025-01-11', 'Shared Paper On LoRA@2025-01-10']);
    assert.deepEqual(names(`${SHARED}v3`), names(SHARED));
    assert.deepEqual(names(`arXiv:${SHARED}`), names(SHARED));
  });

  test('an exact id beats a title that contains it', () => {
    const titled = digestText('2025-01-13', [{ id: '2501.00003', title: `Notes on ${SHARED}` }]);
    const idx = new WorkspaceIndex();
    idx.setDisk('file:///ws/t.md', titled);
    idx.setDisk(A, dayA);
    const found = searchListings(idx.files().flatMap((f) => f.papers), SHARED).map((m) => m.listing.id);
    assert.deepEqual(found, [SHARED, '2501.00003']);
  });

  test('title words, case-insensitive, in any order; author names; fuzzy letters', () => {
    assert.deepEqual(names('only on b'), ['Only On B@2025-01-12']);
    assert.deepEqual(names('lora shared').length, 3);
    assert.deepEqual(names('yelong'), ['Shared Paper On LoRA@2025-01-10']);
    assert.deepEqual(names('EDWARD HU'), ['Shared Paper On LoRA@2025-01-10']);
    assert.deepEqual(names('onlyb'), ['Only On B@2025-01-12']);
    assert.deepEqual(names('zzz'), []);
  });

  test('a title prefix beats a fuzzy match', () => {
    const ranked = names('on');
    assert.equal(ranked[0], 'Only On B@2025-01-12');
  });
});

describe('references, definition and the papers tree', () => {
  const service = createLanguageService();
  const index = new WorkspaceIndex();
  index.setDisk(A, dayA);
  index.setDisk(C, dayC);
  const model = service.getModel(doc(dayB, B))!;
  index.setOpen(B, model);
  const line = lineOf(dayB, SHARED);

  test('references from the heading, the id and the thumbnail list every listing, earliest first', () => {
    for (const character of [0, dayB.split('\n')[line]!.indexOf(SHARED) + 2]) {
      assert.deepEqual(findReferences(model, { line, character }, index).map((l) => [l.uri, l.range.start.line]), [[A, 2], [C, 2], [B, line]]);
    }
    const thumb = lineOf(dayB, 'social-thumbnails', line);
    assert.equal(findReferences(model, { line: thumb, character: 5 }, index).length, 3);
    assert.deepEqual(findReferences(model, { line: lineOf(dayB, 'Vote:', line), character: 1 }, index), []);
  });

  test('definition is the earliest listing', () => {
    assert.deepEqual(findDefinition(model, { line, character: 4 }, index), { uri: A, range: { start: { line: 2, character: 0 }, end: { line: 2, character: dayA.split('\n')[2]!.length } } });
    assert.equal(findDefinition(model, { line: 0, character: 0 }, index), undefined);
  });

  test('the tree lists days newest first with their papers; a query filters it', () => {
    const tree = papersTree(index.files());
    assert.deepEqual(tree.days.map((d) => d.date), ['2025-01-12', '2025-01-11', '2025-01-10']);
    assert.deepEqual(tree.days[0]!.papers.map((p) => [p.title, p.id, p.votes]), [['Only On B', '2501.00002', '12'], ['Shared Paper On LoRA', SHARED, '12']]);
    const filtered = papersTree(index.files(), { query: 'only on a' });
    assert.deepEqual(filtered.days.map((d) => [d.date, d.papers.length]), [['2025-01-10', 1]]);
  });

  test('the hover card names the other days and links them', () => {
    const hover = service.getHover(doc(dayB, B), { line, character: 5 }, undefined, undefined, index);
    assert.match(hover?.markdown ?? '', /Also listed on \[2025\\-01\\-10\]\(<file:\/\/\/ws\/2025-01-10\.md#L3>\), \[2025\\-01\\-11\]\(<file:\/\/\/ws\/2025-01-11\.md#L3>\)\./);
    const plain = service.getHover(doc(dayB, B), { line, character: 5 });
    assert.doesNotMatch(plain?.markdown ?? '', /Also listed/);
  });
});

describe('URI spelling', () => {
  test('an open document spelt by the client and its disk copy spelt by Node are one file', () => {
    const index = new WorkspaceIndex();
    const service = createLanguageService();
    const node = 'file:///ws/My%20Notes/day(1).md';
    const client = 'file:///ws/My%20Notes/day%281%29.md';
    index.setDisk(node, dayA);
    index.setDisk(B, dayB);
    assert.equal(crossDay(service, index, client, dayA).length, 0, 'not listed on another day by itself');
    assert.equal(index.size, 2);
    assert.equal(index.file(node)?.source, 'open');
  });

  test('fileUri encodes like VS Code; canonicalUri is idempotent', () => {
    assert.equal(fileUri('/a b/c(1)#.md'), 'file:///a%20b/c%281%29%23.md');
    assert.equal(fileUri('C:\\x\\y.md'), 'file:///c%3A/x/y.md');
    assert.equal(canonicalUri('file:///a%20b/c(1).md'), 'file:///a%20b/c%281%29.md');
    assert.equal(canonicalUri(canonicalUri('file:///a%20b/c(1).md')), canonicalUri('file:///a%20b/c(1).md'));
    assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});

describe('title words in any order', () => {
  const index = new WorkspaceIndex();
  index.setDisk('file:///ws/w.md', digestText('2025-02-01', [
    { id: '2502.00001', title: 'Video-LLaVA: Learning United Visual Representation', authors: 'Bin Lin' },
    { id: '2502.00002', title: 'Unrelated Title', authors: 'Llava Video' },
  ]));
  const scores = (q: string) => index.searchSymbols(q).map((m) => [m.listing.id, m.score]);

  test('words split by punctuation match in any order, above an author with those words', () => {
    assert.deepEqual(scores('llava video'), [['2502.00001', 500], ['2502.00002', 400]]);
    assert.deepEqual(scores('represent unit'), [['2502.00001', 500]]);
  });

  test('a term that is not the start of a title word is no title-words match', () => {
    assert.deepEqual(scores('nited isual').map(([id, score]) => [id, (score as number) < 400]), [['2502.00001', true]]);
  });
});

describe('SearchIndex', () => {
  test('answers exactly as the linear search, on queries of every band', () => {
    const index = new WorkspaceIndex();
    const titles = ['Low-Rank Adapters', 'Adapters for Vision', 'Vision Language Models', 'Sparse Mixture of Experts', 'Mixture Density Networks', 'A Survey of LoRA', 'Agents That Plan', 'Reinforcement Learning for Reasoning'];
    for (let f = 0; f < 12; f++) {
      const papers = titles.map((title, i) => ({ id: `2501.${String(100 * f + i).padStart(5, '0')}`, title: `${title} ${f}`, authors: `Author ${i} Smith, Jane ${f} Doe` }));
      if (f % 3 === 0) papers.push({ id: '2501.09999', title: 'The Shared Paper', authors: 'Ada Lovelace' });
      index.setDisk(`file:///ws/${f}.md`, digestText(`2025-01-${String(10 + f).padStart(2, '0')}`, papers));
    }
    const all = index.allListings();
    const key = (ms: { listing: { uri: string; line: number }; score: number }[]) => ms.map((m) => `${m.listing.uri}:${m.listing.line}:${m.score}`);
    for (const q of ['', '2501.09999', '2501.09999v2', '2501.000', 'adapters', 'vision lang', 'language vision', 'jane 3', 'smith author', 'ada', 'lora', 'mde', 'zzz', 'rl', 'the shared paper', 'mixture xp']) {
      for (const limit of [3, 200]) {
        assert.deepEqual(key(index.searchSymbols(q, limit)), key(searchListings(all, q, limit)), `query "${q}" limit ${limit}`);
      }
    }
    assert.ok(index.searchSymbols('vision lang').length > 0);
    assert.ok(index.searchSymbols('mde').length > 0, 'a fuzzy-only query still finds papers');
  });
});

test('searchSymbols: open documents replace their disk copies in the results', () => {
  const index = new WorkspaceIndex();
  const service = createLanguageService();
  index.setDisk(A, dayA);
  index.setDisk(B, dayB);
  assert.equal(index.searchSymbols('only on a').length, 1);
  const renamed = dayA.replace('Only On A', 'Renamed In Editor');
  index.setOpen(A, service.getModel(doc(renamed, A)));
  assert.deepEqual(index.searchSymbols('only on a'), []);
  assert.deepEqual(index.searchSymbols('renamed in editor').map((m) => [m.listing.uri, m.listing.title]), [[A, 'Renamed In Editor']]);
  // Exact id across open and disk: both listings, once each, newest day first.
  assert.deepEqual(index.searchSymbols(SHARED).map((m) => m.listing.uri), [B, A]);
  index.closeOpen(A);
  assert.equal(index.searchSymbols('only on a').length, 1);
  assert.deepEqual(index.searchSymbols('renamed in editor'), []);
});

test('removeDiskUnder drops every disk copy in a folder, also under an open document', () => {
  const index = new WorkspaceIndex();
  const service = createLanguageService();
  index.setDisk('file:///ws/old/a.md', dayA);
  index.setDisk('file:///ws/old/deep/b.md', dayB);
  index.setDisk('file:///ws/older.md', dayC);
  index.setOpen('file:///ws/old/a.md', service.getModel(doc(dayA, 'file:///ws/old/a.md')));
  assert.equal(index.removeDiskUnder('file:///ws/old/'), true);
  index.closeOpen('file:///ws/old/a.md');
  assert.deepEqual(index.files().map((f) => f.uri), ['file:///ws/older.md']);
  assert.equal(index.removeDiskUnder('file:///ws/old/'), false);
});

describe('WorkspaceIndex: days of one file', () => {
  // Two days in one file, each with its own papers, as an archive in one file has.
  const twoDays = `${digestText('2025-02-01', [{ id: '2502.00001', title: 'First Day One' }, { id: '2502.00002', title: 'First Day Two' }])}\n${digestText('2025-02-02', [{ id: '2502.00003', title: 'Second Day One' }])}`;
  const grouped = (uri: string, index: WorkspaceIndex) => index.file(uri)!.days.map((d) => [d.date, d.papers.map((p) => p.id)]);
  const expected = [
    ['2025-02-01', ['2502.00001', '2502.00002']],
    ['2025-02-02', ['2502.00003']],
  ];

  test('a digest by digest.files without a day heading: its paper is listed, under no day', () => {
    const index = new WorkspaceIndex();
    index.setDisk(A, '### [No Day](https://arxiv.org/abs/2502.00009)\n\nVote: 3\n', 'setting');
    assert.deepEqual(index.file(A)!.papers.map((p) => [p.id, p.date, p.day]), [['2502.00009', undefined, '']]);
    assert.deepEqual(index.file(A)!.days, []);
  });

  test('the papers tree lists papers above any day heading under the file name, undated, after the days', () => {
    const index = new WorkspaceIndex();
    index.setDisk('file:///ws/notes/reading%20list.md', '### [No Day](https://arxiv.org/abs/2502.00009)\n\nVote: 3\n\n### [Also No Day](https://arxiv.org/abs/2502.00010)\n', 'setting');
    index.setDisk(B, digestText('2025-02-01', [{ id: '2502.00001', title: 'Dated Paper' }]));
    const tree = papersTree(index.files());
    assert.deepEqual(tree.days.map((d) => [d.date, d.label, d.line, d.papers.map((p) => p.id)]), [
      ['2025-02-01', 'Daily Papers (2025-02-01)', 0, ['2502.00001']],
      [null, 'reading list.md', 0, ['2502.00009', '2502.00010']],
    ]);
    assert.deepEqual(papersTree(index.files(), { query: 'also no' }).days.map((d) => [d.label, d.papers.map((p) => p.id)]), [['reading list.md', ['2502.00010']]]);
    assert.deepEqual(papersTree(index.files(), { query: 'dated' }).days.map((d) => d.label), ['Daily Papers (2025-02-01)']);
  });

  test('each day holds exactly its own papers, read from disk', () => {
    const index = new WorkspaceIndex();
    index.setDisk(A, twoDays);
    assert.deepEqual(grouped(A, index), expected);
  });

  test('each day holds exactly its own papers, read from an open model', () => {
    const index = new WorkspaceIndex();
    index.setOpen(A, createLanguageService().getModel(doc(twoDays, A)));
    assert.deepEqual(grouped(A, index), expected);
  });
});

test('setDiskModel: a digest checked once (the CLI) counts as its disk copy, so the index keeps no model for it', () => {
  const index = new WorkspaceIndex();
  const text = digestText('2025-03-01', [{ id: '2503.00001', title: 'Checked Once' }]);
  const model = createLanguageService().getModel(doc(text, A));
  index.setDiskModel(A, model);
  assert.equal(index.file(A)?.source, 'disk');
  assert.deepEqual(index.listings('2503.00001').map((l) => [l.uri, l.title]), [[A, 'Checked Once']]);
  // An open document still wins, and closing it brings the checked copy back.
  index.setOpen(A, undefined);
  assert.deepEqual(index.listings('2503.00001'), []);
  index.closeOpen(A);
  assert.equal(index.listings('2503.00001').length, 1);
  index.setDiskModel(A, undefined);
  assert.equal(index.file(A), undefined);
});
