// Part of `npm run bench`: how long the core takes on the pathological inputs
// that test/core/robustness.test.ts pins, printed beside one plain remark-parse
// of the same text from the same run (the baseline).

import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createLanguageService } from '../server/src/core';
import { PATHOLOGICAL } from '../test/helpers/pathological';

const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function time(fn: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const processor = unified().use(remarkParse);
console.log('');
console.log(`pathological inputs (median of ${RUNS}):`);
for (const [name, text] of Object.entries(PATHOLOGICAL)) {
  const baseline = time(() => processor.parse(text));
  const core = time(() => {
    const service = createLanguageService();
    const doc = { uri: 'file:///bench/pathological.md', version: 1, getText: () => text };
    service.computeDiagnostics(doc);
    service.getDocumentSymbols(doc);
    service.getHover(doc, { line: 2, character: 5 });
  });
  console.log(`  ${name.padEnd(10)} ${(text.length / 1024).toFixed(0).padStart(4)} KB   remark-parse ${baseline.toFixed(1).padStart(8)} ms   core (diagnostics + symbols + hover) ${core.toFixed(1).padStart(8)} ms   ${(core / baseline).toFixed(2)}×`);
}
