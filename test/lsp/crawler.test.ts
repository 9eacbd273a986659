// The disk side of the index: what the crawler lists and skips, and how one
// file is read. Bad input must give a reason, never a throw.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crawlMarkdown } from '../../server/src/lsp/workspace/crawler';
import { readMarkdownFile } from '../../server/src/lsp/workspace/fileReader';
import { isIgnored, parseGitignore } from '../../server/src/lsp/workspace/gitignore';
import { render } from '../../server/src/core';

/** A read result with its reason rendered in English, as the server logs it by default. */
async function readEnglish(path: string, maxBytes?: number) {
  const r = await readMarkdownFile(path, maxBytes);
  return r.ok ? r : { ...r, reason: render('en', r.reason) };
}

describe('gitignore', () => {
  const file = parseGitignore('/ws', '# comment\n\nbuild/\n*.draft.md\n!keep.draft.md\n/top.md\ndocs/**/old.md\n\\#hash.md\n');
  const cases: [string, boolean, boolean][] = [
    ['/ws/build', true, true],
    ['/ws/a/build', true, true],
    ['/ws/build', false, false], // dir-only rule, a file named build
    ['/ws/x.draft.md', false, true],
    ['/ws/deep/x.draft.md', false, true],
    ['/ws/keep.draft.md', false, false], // negated
    ['/ws/top.md', false, true],
    ['/ws/sub/top.md', false, false], // anchored
    ['/ws/docs/a/b/old.md', false, true],
    ['/ws/#hash.md', false, true],
    ['/ws/plain.md', false, false],
    ['/other/x.draft.md', false, false], // outside the .gitignore's folder
  ];
  for (const [path, isDir, expected] of cases) {
    test(`${path}${isDir ? '/' : ''} → ${expected ? 'ignored' : 'kept'}`, () => assert.equal(isIgnored([file], path, isDir), expected));
  }
  test('a deeper .gitignore overrides a shallower one', () => {
    const deeper = parseGitignore('/ws/sub', '!*.draft.md\n');
    assert.equal(isIgnored([file, deeper], '/ws/sub/x.draft.md', false), false);
    assert.equal(isIgnored([file, deeper], '/ws/x.draft.md', false), true);
  });
});

describe('crawlMarkdown and readMarkdownFile', () => {
  let dir: string;
  const logs: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'digest-crawl-'));
    const w = (p: string, t: string | Buffer) => {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), t);
    };
    w('a.md', '## Daily Papers (2025-01-01)\n');
    w('A.MD', 'upper-case extension\n');
    w('notes.txt', 'not markdown\n');
    w('node_modules/x/b.md', 'skipped\n');
    w('.git/c.md', 'skipped\n');
    w('sub/.gitignore', 'private/\n');
    w('sub/private/d.md', 'ignored\n');
    w('sub/e.md', 'kept\n');
    mkdirSync(join(dir, 'dir.md'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub-link'));
    symlinkSync(join(dir, 'missing-target.md'), join(dir, 'dangling.md'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('lists Markdown files once, skipping node_modules, .git, .gitignore, second paths and dangling links', async () => {
    const found = await crawlMarkdown([dir, join(dir, 'sub')], { log: (m) => logs.push(m) });
    assert.deepEqual(found.map((p) => relative(dir, p)).sort(), ['A.MD', 'a.md', 'sub/e.md']);
    assert.ok(logs.some((m) => m.includes('dangling.md')), logs.join('\n'));
    assert.ok(logs.some((m) => m.includes('sub-link') && m.includes('already indexed')), logs.join('\n'));
    assert.ok(logs.some((m) => m.includes('lies inside another workspace folder')), logs.join('\n'));
  });

  test('a missing folder is logged, not thrown', async () => {
    const messages: string[] = [];
    assert.deepEqual(await crawlMarkdown([join(dir, 'nope')], { log: (m) => messages.push(m) }), []);
    assert.match(messages.join('\n'), /cannot be read/);
  });

  test('reading: text, BOM dropped; a folder, a deleted file, an oversized, binary or non-UTF-8 file give reasons', async () => {
    writeFileSync(join(dir, 'bom.md'), '\ufeff## Daily Papers (2025-01-01)\n');
    assert.deepEqual(await readEnglish(join(dir, 'bom.md')), { ok: true, text: '## Daily Papers (2025-01-01)\n' });
    assert.deepEqual(await readEnglish(join(dir, 'dir.md')), { ok: false, reason: 'not a regular file', missing: false });
    assert.deepEqual(await readEnglish(join(dir, 'gone.md')), { ok: false, reason: 'it no longer exists', missing: true });
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(2048));
    assert.equal((await readEnglish(join(dir, 'big.md'), 2048)).ok, true, 'at the limit');
    const over = await readEnglish(join(dir, 'big.md'), 2047);
    assert.ok(!over.ok && /over the/.test(over.reason));
    writeFileSync(join(dir, 'nul.md'), Buffer.from('## a\u0000b'));
    assert.deepEqual(await readEnglish(join(dir, 'nul.md')), { ok: false, reason: 'binary content', missing: false });
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    assert.deepEqual(await readEnglish(join(dir, 'latin1.md')), { ok: false, reason: 'not valid UTF-8', missing: false });
  });
});
