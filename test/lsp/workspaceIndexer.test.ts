// WorkspaceIndexer in-process, with a host of our own: what the crawl puts in
// the index, the settings and config that decide it, disk changes one file at
// a time, open documents, and the host calls (changed, progress, logs) the
// server turns into LSP traffic. test/lsp/workspace.test.ts drives it through
// a running server.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService, defaultSettings, fileUri, type DigestSettings } from '../../server/src/core';
import { WorkspaceIndexer, type FileChange, type FileConfig, type IndexerHost } from '../../server/src/lsp/workspace/workspaceIndexer';
import { digestText } from '../helpers/digest';

interface Recorded {
  readonly logs: string[];
  readonly progress: string[];
  changed: number;
}

class Host implements IndexerHost {
  readonly seen: Recorded = { logs: [], progress: [], changed: 0 };
  settingsNow: DigestSettings = defaultSettings;
  configs = new Map<string, FileConfig>();
  constructor(readonly roots: string[]) {}
  folders(): readonly string[] {
    return this.roots;
  }
  async settings(): Promise<DigestSettings> {
    return this.settingsNow;
  }
  fileConfig(path: string): FileConfig {
    return this.configs.get(path) ?? { files: [], ignored: false };
  }
  log(message: string): void {
    this.seen.logs.push(message);
  }
  changed(): void {
    this.seen.changed++;
  }
  async progress() {
    const p = this.seen.progress;
    return {
      begin: (total: number) => p.push(`begin ${total}`),
      report: (done: number, total: number) => p.push(`report ${done}/${total}`),
      done: () => p.push('done'),
    };
  }
}

const day = (date: string, ids: string[]): string => digestText(date, ids.map((id) => ({ id, title: `Paper ${id}` })));
const idsIn = (indexer: WorkspaceIndexer, path: string): string[] => indexer.index.file(fileUri(path))?.papers.map((p) => p.id ?? '-') ?? [];
const uris = (indexer: WorkspaceIndexer): string[] => indexer.index.files().map((f) => f.uri).sort();

describe('WorkspaceIndexer', () => {
  let dir: string;
  let ws: string;
  const at = (...parts: string[]): string => join(ws, ...parts);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'digest-indexer-'));
    ws = join(dir, 'ws');
    mkdirSync(join(ws, 'days', 'old'), { recursive: true });
    mkdirSync(join(ws, 'notes'));
    writeFileSync(join(ws, 'days', '2025-02-01.md'), day('2025-02-01', ['2502.00001', '2502.00002']));
    writeFileSync(join(ws, 'days', 'old', '2025-01-01.md'), day('2025-01-01', ['2501.00001']));
    writeFileSync(join(ws, 'notes', 'reading.md'), '### [Headingless](https://arxiv.org/abs/2502.00009)\n');
    writeFileSync(join(ws, 'notes', 'plain.md'), '# Just notes\n');
    writeFileSync(join(ws, 'notes', 'data.txt'), day('2025-02-05', ['2502.00005']));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('off until refresh; then the crawl indexes each digest, logs once, reports progress and calls changed once', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host);
    assert.equal(indexer.view(), undefined);
    assert.equal(indexer.isEnabled, false);
    await indexer.refresh();
    await indexer.whenIndexed();
    assert.equal(indexer.isEnabled, true);
    assert.equal(indexer.view(), indexer.index);
    assert.equal(indexer.indexing, false);
    // Only files with a day heading: the headingless note and plain Markdown list nothing; .txt is not read.
    assert.deepEqual(uris(indexer), [fileUri(at('days', '2025-02-01.md')), fileUri(at('days', 'old', '2025-01-01.md'))]);
    assert.deepEqual(idsIn(indexer, at('days', '2025-02-01.md')), ['2502.00001', '2502.00002']);
    assert.equal(host.seen.logs.length, 1);
    assert.match(host.seen.logs[0]!, /^Indexed 2 digests \(4 Markdown files\) in \d+ ms\.$/);
    assert.equal(host.seen.progress[0], 'begin 4');
    assert.equal(host.seen.progress.at(-1), 'done');
    assert.equal(host.seen.changed, 1);
    assert.ok(indexer.lastCrawlMs > 0);
  });

  test('a second refresh with the same settings does not crawl again; new digest.files does, and takes files in', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    await indexer.refresh();
    assert.equal(host.seen.logs.length, 1, 'one crawl');
    host.settingsNow = { ...defaultSettings, files: ['notes/*.md'] };
    await indexer.refresh();
    assert.equal(host.seen.logs.length, 2, 'a changed digest.files crawls again');
    assert.deepEqual(idsIn(indexer, at('notes', 'reading.md')), ['2502.00009']);
    assert.equal(indexer.index.file(fileUri(at('notes', 'reading.md')))?.papers.length, 1);
  });

  test('a config file\'s `files` takes a file in, `ignores` keeps one out', async () => {
    const host = new Host([ws]);
    host.configs.set(at('notes', 'reading.md'), { files: [at('notes', '*.md')], ignored: false });
    host.configs.set(at('days', 'old', '2025-01-01.md'), { files: [], ignored: true });
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    assert.deepEqual(idsIn(indexer, at('notes', 'reading.md')), ['2502.00009']);
    assert.equal(indexer.index.file(fileUri(at('days', 'old', '2025-01-01.md'))), undefined);
    // configChanged crawls again with what the config says now.
    host.configs.clear();
    await indexer.configChanged();
    assert.deepEqual(idsIn(indexer, at('notes', 'reading.md')), []);
    assert.deepEqual(idsIn(indexer, at('days', 'old', '2025-01-01.md')), ['2501.00001']);
  });

  test('turning the index off empties the view, calls changed, and a config change then does nothing', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    const before = host.seen.changed;
    host.settingsNow = { ...defaultSettings, workspaceIndex: false };
    await indexer.refresh();
    assert.equal(indexer.view(), undefined);
    assert.equal(host.seen.changed, before + 1);
    await indexer.refresh();
    assert.equal(host.seen.changed, before + 1, 'already off: no change to announce');
    await indexer.configChanged();
    await indexer.filesChanged([{ kind: 'deleted', uri: fileUri(at('days', '2025-02-01.md')) }]);
    assert.equal(host.seen.logs.length, 1, 'no crawl while off');
    assert.equal(host.seen.changed, before + 1);
    // Never enabled: off from the start announces nothing.
    const quiet = new Host([ws]);
    quiet.settingsNow = host.settingsNow;
    await new WorkspaceIndexer(quiet).refresh();
    assert.equal(quiet.seen.changed, 0);
  });

  test('a file over the size limit is logged and left out', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host, { maxFileBytes: 100 });
    await indexer.refresh();
    assert.deepEqual(uris(indexer), []);
    assert.ok(host.seen.logs.some((l) => l.startsWith(`Not indexing ${at('days', '2025-02-01.md')}: `) && l.includes('over the')), host.seen.logs.join('\n'));
  });

  test('disk changes: created and changed files are re-read, deleted files and folders leave, others are skipped', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    const changedBefore = host.seen.changed;
    const fresh = at('days', '2025-02-03.md');
    writeFileSync(fresh, day('2025-02-03', ['2502.00003']));
    try {
      await indexer.filesChanged([{ kind: 'created', uri: fileUri(fresh) }]);
      assert.deepEqual(idsIn(indexer, fresh), ['2502.00003']);
      assert.equal(host.seen.changed, changedBefore + 1);
      writeFileSync(fresh, day('2025-02-03', ['2502.00004']));
      await indexer.filesChanged([{ kind: 'changed', uri: fileUri(fresh) }]);
      assert.deepEqual(idsIn(indexer, fresh), ['2502.00004']);
      assert.equal(host.seen.changed, changedBefore + 2);
      // The same text again changes no listing: nothing to announce.
      await indexer.filesChanged([{ kind: 'changed', uri: fileUri(fresh) }]);
      assert.equal(host.seen.changed, changedBefore + 2);
      // Not Markdown, not a file: URI, or gone before it was read.
      const skipped: FileChange[] = [
        { kind: 'created', uri: fileUri(at('notes', 'data.txt')) },
        { kind: 'changed', uri: 'untitled:Untitled-1' },
      ];
      await indexer.filesChanged(skipped);
      assert.equal(host.seen.changed, changedBefore + 2);
      await indexer.filesChanged([{ kind: 'deleted', uri: fileUri(fresh) }]);
      assert.equal(indexer.index.file(fileUri(fresh)), undefined);
      assert.equal(host.seen.changed, changedBefore + 3);
      // A deleted folder takes its digests with it, and only its own.
      await indexer.filesChanged([{ kind: 'deleted', uri: fileUri(at('days', 'old')) }]);
      assert.deepEqual(uris(indexer), [fileUri(at('days', '2025-02-01.md'))]);
      assert.equal(host.seen.changed, changedBefore + 4);
    } finally {
      rmSync(fresh, { force: true });
    }
  });

  test('a deleted folder whose name only starts like another keeps the other\'s digests', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    await indexer.filesChanged([{ kind: 'deleted', uri: fileUri(at('da')) }]);
    assert.equal(uris(indexer).length, 2);
  });

  test('open documents: inside a workspace folder they join the index; untitled ones and outside files do not', async () => {
    const host = new Host([`${ws}/`]);
    const indexer = new WorkspaceIndexer(host);
    const service = createLanguageService();
    const modelOf = (uri: string, text: string) => service.getModel({ uri, version: 1, getText: () => text }, defaultSettings);
    // Off: nothing joins.
    const inside = fileUri(at('days', 'open.md'));
    assert.equal(indexer.openChanged(inside, modelOf(inside, day('2025-02-09', ['2502.00099']))), false);
    await indexer.refresh();
    assert.equal(indexer.openChanged(inside, modelOf(inside, day('2025-02-09', ['2502.00099']))), true);
    assert.equal(indexer.index.file(inside)?.source, 'open');
    for (const uri of ['untitled:Untitled-1', fileUri(join(dir, 'elsewhere.md')), fileUri(`${ws}2/x.md`)]) {
      assert.equal(indexer.openChanged(uri, modelOf(uri, day('2025-02-09', ['2502.00098']))), false, uri);
      assert.equal(indexer.index.file(uri), undefined, uri);
    }
    assert.equal(indexer.closed(inside), true);
    assert.equal(indexer.index.file(inside), undefined);
  });

  test('digest.files globs that join to the same text are still a change; the flag and the timing follow the crawl', async () => {
    const host = new Host([ws]);
    host.settingsNow = { ...defaultSettings, files: ['notes/*.m', 'd'] };
    const indexer = new WorkspaceIndexer(host);
    const t0 = performance.now();
    await indexer.refresh();
    assert.ok(indexer.lastCrawlMs > 0 && indexer.lastCrawlMs <= performance.now() - t0, String(indexer.lastCrawlMs));
    host.settingsNow = { ...defaultSettings, files: ['notes/*.', 'md'] };
    await indexer.refresh();
    assert.equal(host.seen.logs.filter((l) => l.startsWith('Indexed ')).length, 2, 'a second crawl');
    const crawl = indexer.configChanged();
    assert.equal(indexer.indexing, true, 'indexing while the crawl runs');
    await crawl;
    assert.equal(indexer.indexing, false);
  });

  test('a restart abandons the crawl under way: one log, and the index holds the second crawl\'s view', async () => {
    const host = new Host([ws]);
    const indexer = new WorkspaceIndexer(host);
    await indexer.refresh();
    host.seen.logs.length = 0;
    const changedBefore = host.seen.changed;
    const first = indexer.configChanged();
    host.configs.set(at('days', '2025-02-01.md'), { files: [], ignored: true });
    const second = indexer.configChanged();
    await Promise.all([first, second]);
    assert.equal(host.seen.logs.filter((l) => l.startsWith('Indexed ')).length, 1, host.seen.logs.join('\n'));
    assert.equal(indexer.index.file(fileUri(at('days', '2025-02-01.md'))), undefined);
    assert.equal(indexer.indexing, false);
    assert.equal(host.seen.changed, changedBefore + 1, 'only the crawl that finished announces a change');
  });
});
