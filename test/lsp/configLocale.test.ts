// The server renders the problems of a .digest-lint.jsonc file and its own
// workspace-index log lines in the language chosen at initialize, like every
// other message: Korean for `locale: "ko"`, English otherwise. So is the
// work-done progress shown while the workspace is indexed.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { digestText } from '../helpers/digest';
import { ensureServerBuilt, LspClient, withTimeout } from '../helpers/lspClient';

const SLOW = { timeout: 120_000 };
/** An unknown rule on line 2, a bad severity on line 3, an unknown setting on line 5. */
const BAD_CONFIG = '{\n  "rules": {\n    "no-such-rule": "off",\n    "invalid-vote": "loud"\n  },\n  "colour": true\n}\n';
const DIGEST = digestText('2025-02-03', [{ id: '2502.00001', title: 'One' }]);

interface Session {
  readonly config: readonly Diagnostic[];
  readonly logs: readonly string[];
  /** The title and message of the index's work-done progress `begin`. */
  readonly progress: string;
}

function workspace(): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'digest-config-locale-'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.digest-lint.jsonc'), BAD_CONFIG);
  writeFileSync(join(root, 'd.md'), DIGEST);
  // A binary file named .md: the index skips it with a logged reason.
  writeFileSync(join(root, 'bin.md'), Buffer.from('## a\u0000b\u0000c'));
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

async function session(root: string, init: Record<string, unknown>): Promise<Session> {
  ensureServerBuilt();
  const client = LspClient.start();
  const begins: string[] = [];
  client.connection.onNotification('$/progress', (p: { value?: { kind?: string; title?: string; message?: string } }) => {
    if (p.value?.kind === 'begin') begins.push(`${p.value.title} | ${p.value.message}`);
  });
  try {
    const folder = pathToFileURL(root).href;
    await client.request('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }], capabilities: { window: { workDoneProgress: true } }, ...init });
    const configUri = pathToFileURL(join(root, '.digest-lint.jsonc')).href;
    const config = client.diagnostics(configUri, () => true);
    await client.notify('initialized', {});
    await client.open(pathToFileURL(join(root, 'd.md')).href, DIGEST);
    const diagnostics = (await config).diagnostics;
    // The index logs its summary line last: every skipped file is logged before it.
    await withTimeout(
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (client.logs.some((l) => /Indexed|색인했습니다/.test(l.message))) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      }),
      20_000,
      'the index summary log line',
    );
    return { config: diagnostics, logs: client.logs.map((l) => l.message), progress: begins.join('\n') };
  } finally {
    await client.kill();
  }
}

describe('config problems and index logs in the client locale', SLOW, () => {
  const ws = workspace();
  after(() => ws.dispose());

  test('locale "ko": the config file diagnostics and the index log lines are Korean; quoted values and keys stay', async () => {
    const s = await session(ws.root, { locale: 'ko' });
    assert.deepEqual(
      s.config.map((d) => [d.range.start.line, d.message]),
      [
        [2, '알 수 없는 규칙 "no-such-rule"입니다. 규칙 id는 docs/rules.md를 참고하세요.'],
        [3, '"invalid-vote"의 심각도 "loud"는 쓸 수 없습니다. "off", "info", "warning", "error" 중 하나나 { "severity": … } 형식으로 쓰세요.'],
        [5, '알 수 없는 설정 "colour"입니다. "extends", "default", "rules", "requiredSections", "files", "ignores" 중 하나를 쓰세요.'],
      ],
    );
    assert.ok(s.config.every((d) => d.source === 'digest' && d.code === 'config'));
    const binary = s.logs.find((l) => l.includes('bin.md'));
    assert.equal(binary, `${join(ws.root, 'bin.md')}를 색인하지 않습니다(이진 파일임).`);
    assert.ok(s.logs.some((l) => /^Markdown 파일 2개에서 다이제스트 1개를 \d+ms 만에 색인했습니다\.$/.test(l)), s.logs.join('\n'));
    assert.ok(!s.logs.some((l) => /Not indexing|Indexed/.test(l)), s.logs.join('\n'));
    assert.equal(s.progress, '다이제스트 색인 중 | Markdown 파일 2개');
  });

  test('locale "en" and no locale: the same diagnostics and log lines in English', async () => {
    for (const init of [{ locale: 'en' }, {}]) {
      const s = await session(ws.root, init);
      assert.deepEqual(
        s.config.map((d) => d.message),
        [
          'unknown rule "no-such-rule"; see docs/rules.md for the rule ids.',
          'bad severity for "invalid-vote": "loud"; expected "off", "info", "warning", "error" or { "severity": … }.',
          'unknown setting "colour"; expected one of "extends", "default", "rules", "requiredSections", "files", "ignores".',
        ],
      );
      assert.equal(s.logs.find((l) => l.includes('bin.md')), `Not indexing ${join(ws.root, 'bin.md')}: binary content.`);
      assert.equal(s.progress, 'Indexing digests | 2 Markdown files');
    }
  });
});
