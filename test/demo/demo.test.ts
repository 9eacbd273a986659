// `npm start` serves a temporary copy of examples/: runs the real demo script,
// applies a quick fix in the browser (web VS Code autosaves it), stops the
// demo with Ctrl+C and checks that the tracked examples did not change.
// Skipped, visibly, until scripts/vscode/install.sh has installed code-server.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '../helpers/paths';
import { ensureServerBuilt, withTimeout } from '../helpers/lspClient';

const CODE_SERVER_MAIN = join(
  process.env['DIGEST_VSCODE_HOME'] ?? join(homedir(), '.cache', 'daily-papers-digest'),
  'code-server-4.100.3/node_modules/code-server/lib/vscode/out/server-main.js',
);
const CHROMIUM = process.env['DIGEST_CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const EXAMPLES = join(REPO_ROOT, 'examples');
const DEMO_FILE = '2025-02-03-with-problems.md';
const START_MS = 90_000;
const FIX_MS = 60_000;
const missing = [CODE_SERVER_MAIN, CHROMIUM].filter((p) => !existsSync(p));
const skip = missing.length > 0 ? `needs scripts/vscode/install.sh (missing ${missing.join(', ')})` : false;

function gitStatus(): string {
  const r = spawnSync('git', ['status', '--porcelain', '--', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('npm start (demo)', { skip, timeout: 240_000 }, () => {
  let demo: ChildProcessWithoutNullStreams;
  let exited: Promise<number | null>;
  let output = '';
  let url: URL;
  let browser: Browser | undefined;
  const statusBefore = skip ? '' : gitStatus();

  before(async () => {
    ensureServerBuilt();
    demo = spawn(process.execPath, ['scripts/vscode/demo.mjs'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => demo.on('exit', (code) => resolve(code)));
    const printed = new Promise<string>((resolve) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const m = /^Open (\S+)$/m.exec(output);
        if (m) resolve(m[1]!);
      };
      demo.stdout.on('data', onData);
      demo.stderr.on('data', onData);
    });
    url = new URL(await withTimeout(printed, START_MS, 'the demo to print its URL'));
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (demo.exitCode === null) demo.kill('SIGKILL');
  });

  test('serves a copy of examples/ outside the repository', () => {
    const folder = url.searchParams.get('folder') ?? '';
    assert.ok(existsSync(folder), `the served folder exists: ${folder}`);
    assert.ok(relative(REPO_ROOT, folder).startsWith('..'), `${folder} is outside the repository`);
    assert.deepEqual(listFiles(folder), listFiles(EXAMPLES));
    for (const f of listFiles(EXAMPLES)) assert.equal(readFileSync(join(folder, f), 'utf8'), readFileSync(join(EXAMPLES, f), 'utf8'), f);
  });

  test('a quick fix applied in the browser is saved to the copy; stopping deletes it and git status stays clean', async () => {
    const folder = url.searchParams.get('folder')!;
    const copy = join(folder, DEMO_FILE);
    const original = readFileSync(copy, 'utf8');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const page = await browser.newPage();
    page.setDefaultTimeout(FIX_MS);
    await page.goto(url.href);
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
    await page.locator('.monaco-editor textarea').first().focus();
    // F8 goes to the next problem; Shift+Alt+. applies its preferred quick fix. Web VS Code autosaves.
    const deadline = Date.now() + FIX_MS;
    while (readFileSync(copy, 'utf8') === original) {
      assert.ok(Date.now() < deadline, 'a quick fix reached the copy on disk');
      await page.keyboard.press('Escape');
      await page.keyboard.press('F8');
      await page.keyboard.press('Shift+Alt+Period');
      await page.waitForTimeout(1_500);
    }
    assert.equal(readFileSync(join(EXAMPLES, DEMO_FILE), 'utf8'), original, 'the tracked example is unchanged');
    await browser.close();
    browser = undefined;

    demo.kill('SIGINT');
    assert.equal(await withTimeout(exited, 30_000, 'the demo to stop'), 0, output);
    assert.ok(!existsSync(folder), 'the copy is deleted when the demo stops');
    assert.equal(gitStatus(), statusBefore, 'git status of examples/ is unchanged');
  });
});
