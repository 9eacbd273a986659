// The core's path helpers (core/paths.ts) against node's own path.posix and
// path.win32, which the core may not import but a test may.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import { dirnameOf, isAbsolutePath, isWindowsPath, joinPath, normalizePath, resolvePath } from '../../server/src/core/paths';

const POSIX = ['/', '/a', '/a/', '/a/b/c.md', '//a//b/', '/a/./b/../c', '/a/../../b', '/a/b\\c', 'a/b', 'a/../../b', './a', '.', ''];
const WINDOWS = ['C:\\', 'C:/', 'C:\\a', 'C:\\a\\', 'c:\\a\\b\\c.md', 'C:/a/b', 'C:\\a/b\\..\\c', 'C:\\a\\..\\..\\b', 'D:\\a\\\\b'];

describe('core path helpers agree with node:path', () => {
  test('POSIX paths: path.posix', () => {
    for (const p of POSIX) {
      if (p !== '') assert.equal(normalizePath(p), posix.normalize(p).replace(/(.)\/$/, '$1'), `normalize ${JSON.stringify(p)}`);
      if (p.startsWith('/')) assert.equal(dirnameOf(p), posix.dirname(posix.resolve(p)), `dirname ${p}`);
      assert.equal(isAbsolutePath(p), posix.isAbsolute(p), `isAbsolute ${p}`);
      assert.equal(isWindowsPath(p), false);
    }
    assert.equal(normalizePath(''), '.');
  });

  test('Windows paths with a drive letter: path.win32', () => {
    for (const p of WINDOWS) {
      assert.equal(normalizePath(p), win32.resolve(p), `normalize ${p}`);
      assert.equal(dirnameOf(p), win32.dirname(win32.resolve(p)), `dirname ${p}`);
      assert.equal(isAbsolutePath(p), true, p);
      assert.equal(isWindowsPath(p), true, p);
    }
  });

  test('join and resolve', () => {
    const cases: [string, string][] = [
      ['/a/b', 'c.json'],
      ['/a/b', '../c.json'],
      ['/a/b', '../../../c.json'],
      ['/a/b', '/abs/c.json'],
      ['/a/b', './x/./y/'],
      ['/a/b', 'daily/**/*.md'],
    ];
    for (const [a, b] of cases) {
      assert.equal(resolvePath(a, b), posix.resolve(a, b), `resolve ${a} ${b}`);
      assert.equal(joinPath(a, b), posix.join(a, b).replace(/(.)\/$/, '$1'), `join ${a} ${b}`);
    }
    for (const [a, b] of [['C:\\a\\b', 'c.json'], ['C:\\a\\b', '..\\c.json'], ['C:\\a\\b', '../x/y.json'], ['C:\\a', 'D:\\z\\c.json'], ['C:\\a', 'C:/z']] as const) {
      assert.equal(resolvePath(a, b), win32.resolve(a, b), `resolve ${a} ${b}`);
    }
    assert.equal(joinPath('C:\\a', 'b/c'), win32.join('C:\\a', 'b/c'));
    assert.equal(joinPath('/a', '/b'), '/a/b', 'join keeps b under a, as path.join does');
    assert.equal(resolvePath('a/b', '../c'), 'a/c', 'relative stays relative: no current folder in the core');
  });

  test('a root is its own folder, so an upward search ends', () => {
    assert.equal(dirnameOf('/'), '/');
    assert.equal(dirnameOf('C:\\'), 'C:\\');
    assert.equal(dirnameOf('a'), '.');
  });
});

describe('config resolution with Windows paths, through the pure helpers', () => {
  test('the nearest config file up to the root, and extends, with backslashes', async () => {
    const { ConfigResolver } = await import('../../server/src/core/config/resolve');
    const files = new Map([
      ['C:\\repo\\.digest-lint.jsonc', '{ "extends": "..\\\\shared\\\\base.json" }'],
      ['C:\\shared\\base.json', '{ "rules": { "invalid-vote": "off" } }'],
      ['C:\\.digest-lint.jsonc', '{}'],
    ]);
    const r = new ConfigResolver({ readFile: (p) => files.get(p) });
    const c = r.configFor('C:\\repo\\a\\b\\d.md', 'C:\\repo');
    assert.equal(c.file, 'C:\\repo\\.digest-lint.jsonc');
    assert.deepEqual(c.chain, ['C:\\repo\\.digest-lint.jsonc', 'C:\\shared\\base.json']);
    assert.deepEqual(c.problems, []);
    // The root bounds the search: C:\.digest-lint.jsonc is above it.
    assert.equal(new ConfigResolver({ readFile: (p) => (p === 'C:\\.digest-lint.jsonc' ? '{}' : undefined) }).configFor('C:\\repo\\d.md', 'C:\\repo').file, undefined);
  });
});
