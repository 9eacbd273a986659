// Reads Stryker's JSON report (or every batch, scripts/mutation-batches.mjs)
// and prints the mutation score per folder, with
// the equivalent mutants documented in test/mutation/equivalent.md left out.
// Killed and timed-out mutants count as killed; survived and no-coverage ones
// as not killed; compile errors and ignored ones are not counted.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { combineBatches, coverageOfFolders, readBatches, score, tally } from './mutation-batches.mjs';

const root = new URL('..', import.meta.url).pathname;
const EQUIVALENTS_MD = join(root, 'test', 'mutation', 'equivalent.md');
export const BATCH_DIR = join(root, 'reports', 'mutation', 'batches');
const MUTATED_FOLDERS = ['server/src/core', 'server/src/lsp'];
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
  // Whitespace runs compare as one space: a table cell is one line, so a mutant spanning lines is written on one.
  const original = oneLine(sourceAt(source, mutant.location));
  const lines = oneLine(source.split('\n').slice(mutant.location.start.line - 1, mutant.location.end.line).join('\n'));
  return equivalents.some((e) => {
    const fragment = oneLine(e.original);
    return e.file === file && e.mutator === mutant.mutatorName && original !== '' && fragment.includes(original) && lines.includes(fragment) && (mutant.replacement ?? '').includes(e.replacement);
  });
}

function oneLine(code) {
  return code.replace(/\s+/g, ' ').trim();
}

function formatSurvivor({ file, mutant: m, source }) {
  return `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${m.status}: ${JSON.stringify(sourceAt(source, m.location))} -> ${JSON.stringify(m.replacement ?? '')}`;
}

function pct(value) {
  return Number.isNaN(value) ? '-' : `${value.toFixed(1)}%`;
}

/**
 * Prints the score table for `entries` ({ file, source, mutants }). With
 * `completeness` (folder -> files measured, stale, unmeasured) a folder with
 * any file not measured is marked partial, and its target is not judged.
 */
function printTable(entries, completeness) {
  const equivalents = readEquivalents();
  const { folders, survivors } = tally(entries, (file, m, source) => isEquivalent(equivalents, file, m, source));
  const names = [...new Set([...folders.keys(), ...(completeness?.keys() ?? [])])].sort();
  console.log('\nMutation score per folder (killed + timeout) / (killed + timeout + survived + no coverage), equivalents left out:');
  console.log(`${'folder'.padEnd(32)} ${'score'.padStart(7)} ${'killed'.padStart(7)} ${'survived'.padStart(9)} ${'equiv.'.padStart(7)} ${'other'.padStart(6)}${completeness ? `  ${'files'.padStart(9)}` : ''}  target`);
  for (const folder of names) {
    const r = folders.get(folder) ?? { killed: 0, survived: 0, equivalent: 0, other: 0 };
    const c = completeness?.get(folder);
    const partial = c !== undefined && c.measured < c.measured + c.stale + c.unmeasured;
    const value = score(r);
    const target = TARGETS[folder];
    let verdict = '';
    if (partial) verdict = `PARTIAL: ${c.stale + c.unmeasured} file(s) not measured in their current version`;
    else if (target !== undefined) verdict = `${target}% ${value >= target ? 'met' : 'NOT met'}`;
    const files = c ? `  ${`${c.measured}/${c.measured + c.stale + c.unmeasured}`.padStart(9)}` : '';
    console.log(`${folder.padEnd(32)} ${pct(value).padStart(7)} ${String(r.killed).padStart(7)} ${String(r.survived).padStart(9)} ${String(r.equivalent).padStart(7)} ${String(r.other).padStart(6)}${files}  ${verdict}`);
  }
  if (survivors.length) {
    console.log(`\nSurviving mutants (${survivors.length}):`);
    for (const s of survivors) console.log(`  ${formatSurvivor(s)}`);
  }
}

/** Prints the table of one report (the last run); returns false when the report is missing. */
export function printScores(reportPath, onlyFiles) {
  if (!existsSync(reportPath)) {
    console.error(`No mutation report at ${relative(root, reportPath)}; run \`npm run mutation\` first.`);
    return false;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const entries = Object.entries(report.files)
    .map(([file, { source, mutants }]) => ({ file: relative(root, join(root, file)), source, mutants }))
    .filter((e) => !onlyFiles || onlyFiles.includes(e.file));
  // One run rarely covers a whole folder: mark every folder with a file this run did not measure partial.
  const inRun = new Set(entries.map((e) => e.file));
  const states = new Map(mutatedFiles().map((file) => [file, { file, state: inRun.has(file) ? 'measured' : 'unmeasured' }]));
  printTable(entries, coverageOfFolders(states));
  console.log('\nScores of this run only; `npm run mutation -- --score-only` combines every batch.');
  return true;
}

/** Every TypeScript file Stryker mutates (stryker.config.mjs: server/src/core and server/src/lsp). */
export function mutatedFiles() {
  const walk = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
      const rel = `${dir}/${d.name}`;
      if (d.isDirectory()) return walk(rel);
      return d.name.endsWith('.ts') ? [rel] : [];
    });
  return MUTATED_FOLDERS.flatMap(walk).sort();
}

/**
 * Prints the whole-folder scores combined from every batch: per file the
 * newest batch that measured its current source. Lists the files not measured
 * and the stale ones. Returns false when there is no batch.
 */
export function printCombinedScores(batchDir = BATCH_DIR) {
  const batches = readBatches(batchDir);
  if (batches.length === 0) {
    console.error(`No batches in ${relative(root, batchDir)}; run \`npm run mutation -- --folder <folder>\` first.`);
    return false;
  }
  const current = new Map(mutatedFiles().map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const combined = combineBatches(batches, current, root);
  const measured = [...combined.values()].filter((c) => c.state === 'measured');
  console.log(`${batches.length} batch(es) in ${relative(root, batchDir)}, ${batches[0].finishedAt || batches[0].name} to ${batches.at(-1).finishedAt || batches.at(-1).name}.`);
  console.log(`${measured.length} of ${combined.size} file(s) measured in their current version.`);
  printTable(measured, coverageOfFolders(combined));
  const stale = [...combined.values()].filter((c) => c.state === 'stale');
  const unmeasured = [...combined.values()].filter((c) => c.state === 'unmeasured');
  if (stale.length) {
    console.log(`\nStale: changed since their newest batch (${stale.length}):`);
    for (const c of stale) console.log(`  ${c.file} (batch ${c.batch})`);
  }
  if (unmeasured.length) {
    console.log(`\nNot measured by any batch (${unmeasured.length}):`);
    for (const c of unmeasured) console.log(`  ${c.file}`);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit((process.argv[2] ? printScores(process.argv[2]) : printCombinedScores()) ? 0 : 1);
}
