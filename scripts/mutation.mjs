// `npm run mutation`: StrykerJS over server/src/core and server/src/lsp
// (stryker.config.mjs), then the score per folder with documented equivalents
// (test/mutation/equivalent.md) left out. Timeouts count as killed.
//
//   npm run mutation                          every file (slow: hours on 2 cores)
//   npm run mutation -- --since main          only files changed since a git ref (committed or not)
//   npm run mutation -- --files a.ts,b.ts     only these files
//   npm run mutation -- --folder server/src/core/rules   one folder (or a glob), a batch of a whole-folder score
//   npm run mutation -- --score-only          whole-folder scores combined from every batch
//   npm run mutation -- --files a.ts -- --force   arguments after a second `--` go to Stryker
//
// The HTML report is written to reports/mutation/ (gitignored). Every run's
// JSON report is also kept in reports/mutation/batches/; `--score-only`
// combines them (scripts/mutation-batches.mjs), counting each file only from
// a batch that measured its current source, and lists the files still missing.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import picomatch from 'picomatch';
import { saveBatch } from './mutation-batches.mjs';
import { BATCH_DIR, mutatedFiles, printCombinedScores, printScores } from './mutation-score.mjs';

const root = new URL('..', import.meta.url).pathname;
const MUTATED = /^server\/src\/(core|lsp)\/.*\.ts$/;
const REPORT = join(root, 'reports', 'mutation', 'mutation.json');

// Anything after a second `--` goes to Stryker as is: `npm run mutation -- --folder x -- --fileLogLevel debug`.
const { values, positionals, tokens } = parseArgs({
  allowPositionals: true,
  tokens: true,
  options: {
    since: { type: 'string' },
    files: { type: 'string' },
    folder: { type: 'string' },
    'score-only': { type: 'boolean', default: false },
  },
});

const terminator = tokens.find((t) => t.kind === 'option-terminator');
const strykerArgs = terminator ? positionals.slice(tokens.filter((t) => t.kind === 'positional' && t.index < terminator.index).length) : [];
if (positionals.length > strykerArgs.length) {
  console.error(`Unexpected argument(s): ${positionals.slice(0, positionals.length - strykerArgs.length).join(' ')}. Stryker's own options go after a second \`--\`.`);
  process.exit(2);
}

function git(args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr.trim()}`);
  return r.stdout.split('\n').filter(Boolean);
}

/** Files under the mutated folders changed since `ref`: commits since the merge base, staged, unstaged and new. */
function changedSince(ref) {
  const base = git(['merge-base', ref, 'HEAD'])[0];
  const names = new Set([...git(['diff', '--name-only', base]), ...git(['ls-files', '--others', '--exclude-standard'])]);
  return [...names].filter((f) => MUTATED.test(f) && existsSync(join(root, f))).sort();
}

if (values['score-only']) {
  process.exit(printCombinedScores() ? 0 : 1);
}

let mutate;
if (values.since) {
  try {
    mutate = changedSince(values.since);
  } catch (err) {
    console.error(`Cannot list the files changed since "${values.since}": ${err.message}`);
    process.exit(2);
  }
  console.log(`Files under server/src/core and server/src/lsp changed since ${values.since}: ${mutate.length ? mutate.join(', ') : 'none'}`);
  if (mutate.length === 0) process.exit(0);
} else if (values.files) {
  mutate = values.files.split(',').map((f) => f.trim()).filter(Boolean);
  const outside = mutate.filter((f) => !MUTATED.test(f) || !existsSync(join(root, f)));
  if (outside.length) {
    console.error(`Not a TypeScript file under server/src/core or server/src/lsp: ${outside.join(', ')}`);
    process.exit(2);
  }
} else if (values.folder) {
  // A folder means every TypeScript file below it; anything with a glob character is a glob.
  const folder = values.folder.replace(/\/+$/, '');
  const glob = /[*?[{]/.test(folder) ? folder : `${folder}/**/*.ts`;
  const matches = picomatch(glob);
  mutate = mutatedFiles().filter((f) => matches(f));
  if (mutate.length === 0) {
    console.error(`No TypeScript file under server/src/core or server/src/lsp matches "${values.folder}" (as ${glob}).`);
    process.exit(2);
  }
  console.log(`Mutating ${mutate.length} file(s) matching ${glob}.`);
}

const stryker = join(root, 'node_modules', '.bin', 'stryker');
if (!existsSync(stryker)) {
  console.error('StrykerJS is not installed: run `npm ci` first.');
  process.exit(2);
}
const args = ['run', 'stryker.config.mjs', ...(mutate ? ['--mutate', mutate.join(',')] : []), ...strykerArgs];
const started = performance.now();
const run = spawnSync(stryker, args, { cwd: root, stdio: 'inherit' });
const seconds = (performance.now() - started) / 1000;
console.log(`\nStryker ran ${mutate ? `on ${mutate.length} file(s)` : 'on every file'} in ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min), exit ${run.status}.`);
if (run.status !== 0) process.exit(run.status ?? 1);
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  // Stryker's report leaves out the files it found nothing to mutate in.
  const reported = new Set(Object.keys(report.files));
  const noMutants = Object.fromEntries((mutate ?? mutatedFiles()).filter((f) => !reported.has(f)).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const batch = saveBatch(BATCH_DIR, report, { finishedAt: new Date(), seconds: Math.round(seconds), mutate: mutate ?? 'all', noMutants });
  console.log(`Kept this run's report as ${batch.slice(root.length)}; \`npm run mutation -- --score-only\` combines the batches.`);
}
process.exit(printScores(REPORT, mutate) ? 0 : 1);
