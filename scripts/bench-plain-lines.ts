// What reading plain lines without remark (server/src/core/parse/plainLines.ts)
// saves: parses every paper block of the real corpus with it, and with remark on
// every whole block (the baseline), alternately in one process, and checks that
// both give the same models. Run by scripts/bench-cli.mjs (node --import tsx).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parseBlock } from '../server/src/core/parse/block';
import { setPlainLines } from '../server/src/core/parse/plainLines';
import { splitBlocks } from '../server/src/core/parse/split';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real', 'daily_papers_ko');
const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

if (!existsSync(CORPUS)) {
  console.log('\nplain lines vs remark: skipped, ../shared/corpus is not present.');
} else {
  const blocks = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => splitBlocks(readFileSync(join(CORPUS, f), 'utf8')))
    .map((b) => b.text)
    .filter((t) => t.startsWith('### '));
  const parseAll = (plain: boolean): { ms: number; models: unknown[] } => {
    setPlainLines(plain);
    const t0 = performance.now();
    const models = blocks.map((b) => parseBlock(b));
    return { ms: performance.now() - t0, models };
  };
  const on: number[] = [];
  const off: number[] = [];
  let same = true;
  for (let i = 0; i < RUNS; i++) {
    const whole = parseAll(false);
    const plain = parseAll(true);
    off.push(whole.ms);
    on.push(plain.ms);
    if (i === 0) same = isDeepStrictEqual(whole.models, plain.models);
  }
  setPlainLines(true);
  console.log(`\nParsing the ${blocks.length} paper blocks of the real corpus in one process, median of ${RUNS} alternating runs:`);
  console.log('| parser | median | runs | vs. baseline |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| remark on every whole block (baseline) | ${median(off).toFixed(0)} ms | ${off.map((x) => x.toFixed(0)).join(', ')} | 1.00× |`);
  console.log(`| plain lines read directly, remark for the rest | ${median(on).toFixed(0)} ms | ${on.map((x) => x.toFixed(0)).join(', ')} | ${(median(on) / median(off)).toFixed(2)}× |`);
  console.log(`same models from both: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}
