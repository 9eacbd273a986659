// Reads Stryker's JSON report and prints the mutation score per folder, with
// the equivalent mutants documented in test/mutation/equivalent.md left out.
// Killed and timed-out mutants count as killed; survived and no-coverage ones
// as not killed; compile errors and ignored ones are not counted.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const EQUIVALENTS_MD = join(root, 'test', 'mutation', 'equivalent.md');
/** The targets from issue 10. */
const TARGETS = { 'server/src/core': 90, 'server/src/lsp': 85 };

/** Rows of the table in equivalent.md: file, mutator, original fragment, replacement fragment. */
export function readEquivalents(path = EQUIVALENTS_MD) {
  if (!existsSync(path)) return [];
  const cell = (c) => c.trim().replace(/^`|`$/g, '').replace(/\\\|/g, '|');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => /^\| `server\//.test(l))
    .map((l) => l.split(/(?<!\\)\|/).slice(1, -1).map(cell))
    .map(([file, mutator, original, replacement]) => ({ file, mutator, original, replacement }));
}

function sourceAt(source, loc) {
  const lines = source.split('\n');
  const { start, end } = loc;
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  return [lines[start.line - 1]?.slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1]?.slice(0, end.column - 1)].join('\n');
}

/**
 * A documented equivalent matches a mutant when the file and mutator agree, the
 * documented fragment contains the mutated code and stands on the mutant's own
 * line(s), and the replacement contains the documented one.
 */
export function isEquivalent(equivalents, file, mutant, source) {
  const original = sourceAt(source, mutant.location);
  const lines = source.split('\n').slice(mutant.location.start.line - 1, mutant.location.end.line).join('\n');
  return equivalents.some(
    (e) => e.file === file && e.mutator === mutant.mutatorName && original !== '' && e.original.includes(original) && lines.includes(e.original) && (mutant.replacement ?? '').includes(e.replacement),
  );
}

/** Prints the table; returns false when the report is missing. */
export function printScores(reportPath, onlyFiles) {
  if (!existsSync(reportPath)) {
    console.error(`No mutation report at ${relative(root, reportPath)}; run \`npm run mutation\` first.`);
    return false;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const equivalents = readEquivalents();
  const folders = new Map();
  const add = (folder, key) => {
    const row = folders.get(folder) ?? { killed: 0, survived: 0, equivalent: 0, other: 0 };
    row[key]++;
    folders.set(folder, row);
  };
  const survivors = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const rel = relative(root, join(root, file));
    if (onlyFiles && !onlyFiles.includes(rel)) continue;
    for (const m of mutants) {
      let key;
      if (m.status === 'Killed' || m.status === 'Timeout') key = 'killed';
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        key = isEquivalent(equivalents, rel, m, source) ? 'equivalent' : 'survived';
        if (key === 'survived') survivors.push(`${rel}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${m.status}: ${JSON.stringify(sourceAt(source, m.location))} -> ${JSON.stringify(m.replacement ?? '')}`);
      } else key = 'other';
      // Count the mutant in its own folder and in every folder above it, up to server/src.
      for (let dir = dirname(rel); dir.startsWith('server/src/'); dir = dirname(dir)) add(dir, key);
    }
  }
  const rows = [...folders.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  console.log('\nMutation score per folder (killed + timeout) / (killed + timeout + survived + no coverage), equivalents left out:');
  console.log(`${'folder'.padEnd(32)} ${'score'.padStart(7)} ${'killed'.padStart(7)} ${'survived'.padStart(9)} ${'equiv.'.padStart(7)} ${'other'.padStart(6)}  target`);
  for (const [folder, r] of rows) {
    const counted = r.killed + r.survived;
    const score = counted ? (100 * r.killed) / counted : NaN;
    const target = TARGETS[folder];
    const verdict = target === undefined ? '' : `${target}% ${score >= target ? 'met' : 'NOT met'}`;
    console.log(`${folder.padEnd(32)} ${(Number.isNaN(score) ? '-' : `${score.toFixed(1)}%`).padStart(7)} ${String(r.killed).padStart(7)} ${String(r.survived).padStart(9)} ${String(r.equivalent).padStart(7)} ${String(r.other).padStart(6)}  ${verdict}`);
  }
  if (survivors.length) {
    console.log(`\nSurviving mutants (${survivors.length}):`);
    for (const s of survivors) console.log(`  ${s}`);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(printScores(process.argv[2] ?? join(root, 'reports', 'mutation', 'mutation.json')) ? 0 : 1);
}
