// The crawler's and the file reader's notices carry message ids, so the server
// logs them in its language; the English text handed over is the id rendered.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, type MessageRef } from '../../server/src/core';
import { crawlMarkdown } from '../../server/src/lsp/workspace/crawler';
import { readMarkdownFile } from '../../server/src/lsp/workspace/fileReader';

describe('crawler and reader notices in Korean', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-crawl-l10n-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'a.md'), '# a\n');
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function crawl(folders: string[]): Promise<{ english: string; l10n: MessageRef }[]> {
    const logs: { english: string; l10n: MessageRef }[] = [];
    await crawlMarkdown(folders, {
      log: (english, l10n) => {
        assert.ok(l10n, `"${english}" has no message id`);
        logs.push({ english, l10n });
      },
    });
    return logs;
  }

  test('every crawl notice has an id whose English is the logged text and whose Korean is native', async () => {
    const logs = [...(await crawl([join(dir, 'nope')])), ...(await crawl([dir, join(dir, 'sub')]))];
    for (const l of logs) assert.equal(render('en', l.l10n), l.english);
    const korean = logs.map((l) => render('ko', l.l10n));
    assert.ok(korean.includes(`작업 영역 폴더 ${join(dir, 'nope')}를 읽을 수 없어(ENOENT) 건너뜁니다.`), korean.join('\n'));
    assert.ok(korean.includes(`작업 영역 폴더 ${join(dir, 'sub')}는 다른 작업 영역 폴더 안에 있습니다. 그 안의 파일은 한 번만 색인합니다.`), korean.join('\n'));
    assert.ok(korean.includes(`심볼릭 링크 ${join(dir, 'sub', 'loop')}는 이미 색인한 폴더로 이어지므로(순환이나 같은 폴더의 다른 경로) 건너뜁니다.`), korean.join('\n'));
  });

  test('the reasons a file is not indexed, in Korean', async () => {
    const reason = async (path: string, max?: number): Promise<string> => {
      const r = await readMarkdownFile(path, max);
      assert.ok(!r.ok, path);
      return render('ko', r.reason);
    };
    mkdirSync(join(dir, 'folder.md'));
    writeFileSync(join(dir, 'nul.md'), Buffer.from('## a\u0000b'));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(3 * 1024 * 1024));
    assert.equal(await reason(join(dir, 'folder.md')), '일반 파일이 아님');
    assert.equal(await reason(join(dir, 'gone.md')), '파일이 더 이상 없음');
    assert.equal(await reason(join(dir, 'nul.md')), '이진 파일임');
    assert.equal(await reason(join(dir, 'latin1.md')), '올바른 UTF-8이 아님');
    assert.equal(await reason(join(dir, 'big.md'), 2 * 1024 * 1024), '3.0MB로 한도 2MB를 넘음');
  });
});
