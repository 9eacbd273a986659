// npm run bench, part 2: digest-lint over the whole real corpus beside
// markdownlint-cli2 on the same files in the same run, then the suppression
// incrementality figure (scripts/bench-suppress.ts).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real', 'daily_papers_ko');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const TARGET_MS = 1500;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(cmd, args, cwd) {
  const walls = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    walls.push(performance.now() - t0);
    if (last.error || (last.status !== 0 && last.status !== 1)) throw new Error(`${cmd} ${args.join(' ')} failed: ${last.error ?? last.stderr}`);
  }
  return { ms: median(walls), all: walls, result: last };
}

if (!existsSync(CORPUS)) {
  console.log('\ndigest-lint vs markdownlint-cli2: skipped, ../shared/corpus is not present.');
} else {
  // An empty folder as cwd: neither tool finds a config file of this repository.
  const cwd = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const ours = time(process.execPath, [join(ROOT, 'cli', 'digest-lint.js'), '--format', 'json', CORPUS], cwd);
    const report = JSON.parse(ours.result.stdout);
    const theirs = time(process.execPath, [join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), `${CORPUS}/*.md`], cwd);
    const files = report.files.length;
    console.log(`\ndigest-lint vs markdownlint-cli2 on the real corpus (${files} files), wall time, median of ${RUNS} runs each, same run:`);
    console.log('| tool | wall (median) | runs | vs. markdownlint-cli2 |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| markdownlint-cli2 (baseline) | ${theirs.ms.toFixed(0)} ms | ${theirs.all.map((x) => x.toFixed(0)).join(', ')} | 1.00× |`);
    console.log(`| digest-lint | ${ours.ms.toFixed(0)} ms | ${ours.all.map((x) => x.toFixed(0)).join(', ')} | ${(ours.ms / theirs.ms).toFixed(2)}× |`);
    console.log(`target: digest-lint ≤ ${TARGET_MS} ms: ${ours.ms <= TARGET_MS ? 'met' : 'NOT met'}; faster than markdownlint-cli2: ${ours.ms < theirs.ms ? 'yes' : 'NO'}`);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const sup = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench-suppress.ts')], { cwd: ROOT, stdio: 'inherit' });
process.exitCode = sup.status ?? 1;
