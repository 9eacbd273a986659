// The manifest's user-facing strings come in English (package.nls.json) and
// Korean (package.nls.ko.json); the client's vscode.l10n strings have a
// Korean bundle. Same keys, same placeholders, nothing left untranslated.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

type Strings = Record<string, string>;

const read = (file: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8'));
const EN = read('package.nls.json') as Strings;
const KO = read('package.nls.ko.json') as Strings;
const MANIFEST = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
const HANGUL = /[\uAC00-\uD7A3]/;

/** `{0}` placeholders and `code spans`, which must survive translation unchanged. */
function invariants(text: string): string[] {
  return [...(text.match(/\{\d+\}/g) ?? []), ...(text.match(/`[^`]+`/g) ?? [])].sort();
}

/** Every vscode.l10n.t('…') string literal in the client sources. */
function l10nCalls(): string[] {
  const dir = join(REPO_ROOT, 'client', 'src');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
}

describe('package.nls', () => {
  test('every %key% in package.json has an English string, and every string is used', () => {
    const used = [...MANIFEST.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length >= 10, `${used.length} keys`);
    for (const key of used) assert.ok(key in EN, `package.nls.json has ${key}`);
    assert.deepEqual(Object.keys(EN).sort(), [...new Set(used)].sort());
  });

  test('Korean has the same keys, the same placeholders and code spans, and is Korean', () => {
    assert.deepEqual(Object.keys(KO).sort(), Object.keys(EN).sort());
    for (const [key, en] of Object.entries(EN)) {
      const ko = KO[key]!;
      assert.deepEqual(invariants(ko), invariants(en), key);
      // Names stay as they are; everything else is translated.
      if (key !== 'configuration.title') assert.match(ko, HANGUL, `${key} is translated`);
    }
  });

  test('the client\'s vscode.l10n strings all have a Korean translation with the same placeholders', () => {
    const bundle = read('l10n/bundle.l10n.ko.json') as Strings;
    const calls = l10nCalls();
    assert.ok(calls.length >= 3, calls.join('\n'));
    assert.deepEqual([...new Set(calls)].sort(), Object.keys(bundle).sort());
    for (const [en, ko] of Object.entries(bundle)) {
      assert.deepEqual(invariants(ko), invariants(en), en);
      assert.match(ko, HANGUL, en);
    }
    assert.match(MANIFEST, /"l10n": "\.\/l10n"/);
  });
});
