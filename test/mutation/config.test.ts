// stryker.config.mjs lists its test files as literal paths (to fix their
// order); a literal path that does not exist is dropped without a word, and
// a new test file is left out unless someone adds it. This catches both.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

function strykerTestFiles(): string[] {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', "import c from './stryker.config.mjs'; console.log(JSON.stringify(c.tap.testFiles))"], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

const listed = strykerTestFiles();

test('every listed test file exists, once', () => {
  for (const f of listed) assert.ok(existsSync(join(REPO_ROOT, f)), `${f} exists`);
  assert.equal(new Set(listed).size, listed.length);
});

test('every test file of test/core, test/lsp and test/cli runs under Stryker', () => {
  for (const dir of ['test/core', 'test/lsp', 'test/cli']) {
    for (const name of readdirSync(join(REPO_ROOT, dir)).filter((n) => n.endsWith('.test.ts'))) {
      assert.ok(listed.includes(`${dir}/${name}`), `${dir}/${name} is in tap.testFiles`);
    }
  }
});
