// npm run bench, part 2: digest-lint over the whole real corpus beside
// markdownlint-cli2 on the same files in the same run, then the parse of the
// corpus with and without plain lines (scripts/bench-plain-lines.ts) and the
// suppression incrementality figure (scripts/bench-suppress.ts).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real', 'daily_papers_ko');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const TARGET_MS = 1500;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One run: wall time, and CPU time (user + sys) from /usr/bin/time when present, which load on a shared machine distorts less. */
function once(cmd, args, cwd) {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '\u0001%U %S', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error ?? r.stderr}`);
  const m = /\u0001([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, stdout: r.stdout };
}

/** Runs the two commands alternately, so a change in machine load hits both alike. */
function race(a, b, cwd) {
  const runs = { a: [], b: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.a.push(once(a.cmd, a.args, cwd));
    runs.b.push(once(b.cmd, b.args, cwd));
  }
  const summary = (rs) => ({ ms: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), all: rs.map((r) => r.wall), stdout: rs[rs.length - 1].stdout });
  return { a: summary(runs.a), b: summary(runs.b) };
}

if (!existsSync(CORPUS)) {
  console.log('\ndigest-lint vs markdownlint-cli2: skipped, ../shared/corpus is not present.');
} else {
  // An empty folder as cwd: neither tool finds a config file of this repository.
  const cwd = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const { a: theirs, b: ours } = race(
      { cmd: process.execPath, args: [join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), `${CORPUS}/*.md`] },
      { cmd: process.execPath, args: [join(ROOT, 'cli', 'digest-lint.js'), '--format', 'json', CORPUS] },
      cwd,
    );
    const files = JSON.parse(ours.stdout).files.length;
    const cpu = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} ms`);
    console.log(`\ndigest-lint vs markdownlint-cli2 on the real corpus (${files} files), median of ${RUNS} alternating runs each, same run (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):`);
    console.log('| tool | wall (median) | CPU user+sys (median) | wall runs | wall vs. markdownlint-cli2 |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(`| markdownlint-cli2 (baseline) | ${theirs.ms.toFixed(0)} ms | ${cpu(theirs.cpu)} | ${theirs.all.map((x) => x.toFixed(0)).join(', ')} | 1.00× |`);
    console.log(`| digest-lint | ${ours.ms.toFixed(0)} ms | ${cpu(ours.cpu)} | ${ours.all.map((x) => x.toFixed(0)).join(', ')} | ${(ours.ms / theirs.ms).toFixed(2)}× |`);
    console.log(`target: digest-lint ≤ ${TARGET_MS} ms wall: ${ours.ms <= TARGET_MS ? 'met' : 'NOT met'}; faster than markdownlint-cli2: ${ours.ms < theirs.ms ? 'yes' : 'NO'} (wall), ${ours.cpu < theirs.cpu ? 'yes' : 'NO'} (CPU)`);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const plain = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench-plain-lines.ts')], { cwd: ROOT, stdio: 'inherit' });
const sup = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench-suppress.ts')], { cwd: ROOT, stdio: 'inherit' });
process.exitCode = (plain.status ?? 1) || (sup.status ?? 1);
