// The plumbing that lets Stryker see what a spawned server reaches
// (test/helpers/stryker.ts and strykerChildHook.cjs): the child writes its
// coverage on the way out, the parent adds it up.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SERVER_JS } from '../helpers/paths';
import { childCommand, KILL_SIGNAL, mergeCoverage, UNDER_STRYKER, type MutantCoverage } from '../helpers/stryker';

const HOOK = join(REPO_ROOT, 'test', 'helpers', 'strykerChildHook.cjs');

describe('merging a child\'s coverage', () => {
  test('static and per-test counts of the child add to the parent\'s static counts', () => {
    const into: MutantCoverage = { static: { '1': 2, '5': 1 }, perTest: { t: { '9': 1 } } };
    mergeCoverage(into, { static: { '1': 3, '2': 1 }, perTest: { a: { '2': 4 }, b: { '7': 1 } } });
    assert.deepEqual(into, { static: { '1': 5, '2': 5, '5': 1, '7': 1 }, perTest: { t: { '9': 1 } } });
    mergeCoverage(into, {});
    assert.deepEqual(into.static, { '1': 5, '2': 5, '5': 1, '7': 1 });
  });
});

describe('outside Stryker', () => {
  test('a test starts the bundle as is, and ends it with SIGKILL', { skip: UNDER_STRYKER && 'running under Stryker' }, () => {
    const command = childCommand(SERVER_JS);
    assert.deepEqual(command.args, [SERVER_JS]);
    assert.deepEqual(command.env, {});
    assert.equal(KILL_SIGNAL, 'SIGKILL');
  });
});

describe('the child hook', () => {
  /** Runs `script` with the hook until it idles, ends it with SIGTERM, and returns its exit code and what it wrote. */
  async function runChild(script: string, env: Record<string, string>): Promise<{ code: number | null; written: unknown }> {
    const dir = mkdtempSync(join(tmpdir(), 'digest-hook-'));
    const file = join(dir, 'coverage.json');
    try {
      const child = spawn(process.execPath, ['--require', HOOK, '-e', `${script}; console.log('ready'); setInterval(() => {}, 1000);`], {
        env: { ...process.env, STRYKER_NAMESPACE: '__stryker__', DIGEST_STRYKER_COVERAGE_FILE: file, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      return { code, written: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('on SIGTERM the child exits through the hook and writes what the mutated code recorded', async () => {
    const coverage = { static: { '3': 1 }, perTest: {} };
    const r = await runChild(`globalThis.__stryker__.mutantCoverage = ${JSON.stringify(coverage)}`, {});
    assert.equal(r.code, 143);
    assert.deepEqual(r.written, coverage);
  });

  test('a child that reached no mutant writes nothing', async () => {
    const r = await runChild('', {});
    assert.equal(r.code, 143);
    assert.equal(r.written, undefined);
  });

  test('the hit limit is passed on, so an endless loop in a mutant throws in the child too', async () => {
    const r = await runChild(`globalThis.__stryker__.mutantCoverage = { static: { limit: globalThis.__stryker__.hitLimit, count: globalThis.__stryker__.hitCount }, perTest: {} }`, { STRYKER_HIT_LIMIT: '700' });
    assert.deepEqual(r.written, { static: { limit: 700, count: 0 }, perTest: {} });
  });
});
