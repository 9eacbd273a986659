// digest-lint finds files with the editor's crawler: with no arguments it
// checks exactly the digests the workspace index would list, .gitignore
// honoured; a glob still names its files itself.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { JsonReport } from '../../server/src/cli/formats';
import { crawlMarkdown } from '../../server/src/lsp/workspace/crawler';
import { ensureCliBuilt, runCli, tempTree } from '../helpers/cli';

const digest = (id: string): string =>
  `## Daily Papers (2025-01-23)\n\n### [Paper ${id}](https://arxiv.org/abs/${id})\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png)\n\nVote: 1\n\nAuthors: A B\n\n- ***What's New***: a\n- ***Technical Details***: b\n- ***Performance Highlights***: c\n`;

const paths = (stdout: string): string[] => (JSON.parse(stdout) as JsonReport).files.map((f) => f.path);

describe('digest-lint file discovery', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    ensureCliBuilt();
    tree = tempTree({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'days/2025-01-23.md': digest('2501.00001'),
      'days/old.markdown': digest('2501.00002'),
      'days/scratch.tmp.md': digest('2501.00003'),
      'drafts/wip.md': digest('2501.00004'),
      'node_modules/pkg/README.md': digest('2501.00005'),
      'archive/.gitignore': '/private\n',
      'archive/private/p.md': digest('2501.00006'),
      'archive/public.md': digest('2501.00007'),
      'out/copy.md': digest('2501.00008'),
      'notes.md': '# Notes, not a digest\n',
    });
  });
  after(() => tree.dispose());

  test('with no arguments: .gitignore (here and below), node_modules skipped; .md and .markdown found', () => {
    const r = runCli(['--format', 'json'], tree.root);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['archive/public.md', 'days/2025-01-23.md', 'days/old.markdown', 'out/copy.md']);
  });

  test('with no arguments it checks the digests the editor index lists, no more, no fewer', async () => {
    const crawled = await crawlMarkdown([tree.root], { log: () => {} });
    // The index lists every Markdown file; digest-lint reports the digests among them.
    const digests = crawled.map((p) => relative(tree.root, p)).filter((p) => p !== 'notes.md');
    assert.deepEqual(paths(runCli(['--format', 'json'], tree.root).stdout), digests);
  });

  test('a folder argument is searched the same way', () => {
    const r = runCli(['archive', 'days', '--format', 'json'], tree.root);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['archive/public.md', 'days/2025-01-23.md', 'days/old.markdown']);
  });

  test('a folder below the current one: the .gitignore files above it apply, up to the repository root', () => {
    const r = runCli(['--format', 'json'], join(tree.root, 'days'));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['2025-01-23.md', 'old.markdown']);
  });

  test('a glob, a file or a folder named on the command line is checked even when .gitignore names it', () => {
    assert.deepEqual(paths(runCli(['drafts/**/*.md', '--format', 'json'], tree.root).stdout), ['drafts/wip.md']);
    assert.deepEqual(paths(runCli(['drafts', '--format', 'json'], tree.root).stdout), ['drafts/wip.md']);
    assert.deepEqual(paths(runCli(['days/scratch.tmp.md', '--format', 'json'], tree.root).stdout), ['days/scratch.tmp.md']);
  });

  test('a symlink loop is cut and reported on stderr; the run still succeeds', () => {
    const t = tempTree({ 'a/d.md': digest('2501.00009') });
    try {
      symlinkSync(join(t.root, 'a'), join(t.root, 'a', 'loop'));
      const r = runCli(['--format', 'json'], t.root);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(paths(r.stdout), ['a/d.md']);
      assert.match(r.stderr, /digest-lint: The symlink .*loop leads to a folder already indexed/);
    } finally {
      t.dispose();
    }
  });
});
