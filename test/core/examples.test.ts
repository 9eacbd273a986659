// The example digests say what they show (examples/README.md): clean ones are
// clean, the Korean one with problems has exactly its documented defects.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/core';
import { doc } from '../helpers/digest';
import { REPO_ROOT } from '../helpers/paths';

const DIR = join(REPO_ROOT, 'examples');
const HANGUL = /[\uAC00-\uD7A3]/;

function rules(name: string): string[] {
  const text = readFileSync(join(DIR, name), 'utf8');
  return (createLanguageService().computeDiagnostics(doc(text, `file:///examples/${name}`)) ?? []).map((i) => i.rule).sort();
}

describe('example digests', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');

  test('every example without "with-problems" in its name is clean', () => {
    const clean = files.filter((f) => !f.includes('with-problems'));
    assert.ok(clean.length >= 3);
    for (const f of clean) assert.deepEqual(rules(f), [], f);
  });

  test('the Korean examples are in Korean, and the one with problems has its five documented defects', () => {
    const korean = files.filter((f) => f.includes('-ko'));
    assert.equal(korean.length, 2);
    for (const f of korean) assert.match(readFileSync(join(DIR, f), 'utf8'), HANGUL, f);
    assert.deepEqual(rules('2025-02-11-ko-with-problems.md'), ['duplicate-paper', 'invalid-vote', 'malformed-arxiv-link', 'mislabelled-section', 'missing-section']);
  });
});
