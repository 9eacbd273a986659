// Suppression must not cost incrementality: times an edit far from any
// comment in a digest with suppression comments, beside the same edit in the
// same digest without them, in one process and one run.
// Run by scripts/bench-cli.mjs (node --import tsx).

import { performance } from 'node:perf_hooks';
import { createLanguageService, type TextDocumentLike } from '../server/src/core';
// @ts-expect-error: a plain .mjs helper without types
import { buildDigest } from './bench-digest.mjs';

const PAPERS = Number(process.env['BENCH_PAPERS'] ?? 2000);
const EDITS = 200;
const COMMENT_EVERY = 20;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function run(text: string, label: string): { p50: number; blocks: number; issues: number } {
  const service = createLanguageService();
  const uri = `file:///bench/${label}.md`;
  let version = 1;
  const at = (t: string): TextDocumentLike => ({ uri, version, getText: () => t });
  service.computeDiagnostics(at(text));
  // Type into the middle paper's What's New text, far from the comments at the top of papers.
  const anchor = text.indexOf("***What's New***:", Math.floor(text.length / 2)) + 18;
  const times: number[] = [];
  let current = text;
  let blocks = 0;
  let issues = 0;
  for (let i = 0; i < EDITS; i++) {
    current = current.slice(0, anchor + i) + 'x' + current.slice(anchor + i);
    version++;
    const t0 = performance.now();
    issues = service.computeDiagnostics(at(current))?.length ?? 0;
    times.push(performance.now() - t0);
    blocks = Math.max(blocks, service.lastParsedBlocks(uri));
  }
  return { p50: median(times), blocks, issues };
}

const { text } = buildDigest(PAPERS) as { text: string };
// A comment above every 20th paper that really suppresses something (its invalid vote).
let n = 0;
const withComments = text.replace(/^(### .*\n(?:.*\n)*?)Vote: .*$/gm, (_m: string, head: string) =>
  n++ % COMMENT_EVERY === 0 ? `${head}<!-- digest-disable-next-line invalid-vote -->\nVote: -` : _m,
);
const plain = withComments.replace(/<!-- digest-disable-next-line invalid-vote -->\n/g, '');
const without = run(plain, 'plain');
const withC = run(withComments, 'comments');
const comments = (withComments.match(/digest-disable-next-line/g) ?? []).length;
console.log(`\nsuppression and incrementality (${PAPERS} papers, ${EDITS} one-character edits in the middle paper, in process):`);
console.log('| measure | no comments (baseline) | with comments | ratio |');
console.log('| --- | --- | --- | --- |');
console.log(`| edit → diagnostics, p50 | ${without.p50.toFixed(2)} ms | ${withC.p50.toFixed(2)} ms | ${(withC.p50 / without.p50).toFixed(2)}× |`);
console.log(`| blocks re-parsed per edit (max) | ${without.blocks} | ${withC.blocks} | |`);
console.log(`| issues reported | ${without.issues} | ${withC.issues} (${comments} comments suppress ${comments} invalid votes) | |`);
