// Loaded with `--require` into a server or CLI bundle that a test spawns
// while StrykerJS runs the suite (see test/helpers/stryker.ts). The mutated
// sources record which mutants they reach in `globalThis.__stryker__`; this
// writes that record to the file the parent test named, so the parent can add
// it to its own before Stryker's tap hook reports it. Without this, the
// mutants only a spawned server reaches would count as "no coverage".
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.DIGEST_STRYKER_COVERAGE_FILE;
const ns = process.env.STRYKER_NAMESPACE || '__stryker__';
globalThis[ns] = globalThis[ns] || {};
// The same guard against endless loops as Stryker's own hook: a mutant reached too often throws.
const hitLimit = Number(process.env.STRYKER_HIT_LIMIT);
if (hitLimit > 0) {
  globalThis[ns].hitLimit = hitLimit;
  globalThis[ns].hitCount = 0;
}

process.on('exit', () => {
  const coverage = globalThis[ns].mutantCoverage;
  if (file && coverage) writeFileSync(file, JSON.stringify(coverage));
});
// A test ends its server with SIGTERM under Stryker; exit through the handler above.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => process.exit(143));
