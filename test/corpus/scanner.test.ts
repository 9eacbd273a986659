// The line scanner against the full parser on every real digest in
// ../shared/corpus (read-only, never copied into the repository): same days,
// paper headings, ids, titles, authors and votes. And the index over the whole
// corpus finds the real cross-day duplicate.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../../server/src/core';
import { scanDigest, scanModel, type ScannedPaper } from '../../server/src/core/workspace/scanner';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { doc } from '../helpers/digest';
import { CORPUS_MAIN, corpusAvailable } from '../helpers/paths';

const skip = corpusAvailable() ? false : 'the corpus in ../shared/corpus is not present';

function corpusFiles(): { uri: string; text: string }[] {
  return readdirSync(CORPUS_MAIN)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => ({ uri: pathToFileURL(join(CORPUS_MAIN, n)).href, text: readFileSync(join(CORPUS_MAIN, n), 'utf8') }));
}

test('the scanner agrees with the full parser on all real digests', { skip }, () => {
  const files = corpusFiles();
  assert.equal(files.length, 357);
  const service = createLanguageService();
  let papers = 0;
  let withAuthors = 0;
  let withVotes = 0;
  const mismatches: string[] = [];
  for (const f of files) {
    const model = service.getModel(doc(f.text, f.uri));
    assert.ok(model, `${f.uri} is a digest`);
    const expected = scanModel(model);
    const scanned = scanDigest(f.text);
    assert.ok(scanned, `${f.uri} is a digest to the scanner`);
    assert.deepEqual(scanned.days, expected.days, `days of ${f.uri}`);
    if (scanned.papers.length !== expected.papers.length) mismatches.push(`${f.uri}: ${scanned.papers.length} vs ${expected.papers.length} papers`);
    for (let i = 0; i < Math.min(scanned.papers.length, expected.papers.length); i++) {
      const a: ScannedPaper = scanned.papers[i]!;
      const b = expected.papers[i]!;
      try {
        assert.deepEqual(a, b);
      } catch {
        mismatches.push(`${f.uri}:${b.line + 1}: scanner ${JSON.stringify(a)} parser ${JSON.stringify(b)}`);
      }
    }
    papers += expected.papers.length;
    withAuthors += expected.papers.filter((p) => p.authors.length > 0).length;
    withVotes += expected.papers.filter((p) => p.votes !== undefined).length;
    service.forget(f.uri);
  }
  assert.deepEqual(mismatches.slice(0, 10), []);
  // The comparison covers real data, not empty fields.
  assert.equal(papers, 5488);
  assert.ok(withAuthors > 1000, `${withAuthors} papers with authors`);
  assert.ok(withVotes > 1000, `${withVotes} papers with votes`);
});

test('the index of the real corpus finds 2410.09342 on two days, earliest first', { skip }, () => {
  const index = new WorkspaceIndex();
  for (const f of corpusFiles()) index.setDisk(f.uri, f.text);
  const listings = index.listings('2410.09342');
  assert.deepEqual(
    listings.map((l) => l.date),
    ['2024-10-16', '2024-10-18'],
  );
  // Every other id listed in two files, counted across the corpus.
  const crossDay = index.crossFileIds();
  assert.ok(crossDay.includes('2410.09342'));
});
