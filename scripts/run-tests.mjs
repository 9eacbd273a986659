// Runs every test/**/*.test.ts with node's test runner (through tsx) and
// prints a plain "N passed, N failed" line after node's own summary.

import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const skip = new Set(['node_modules', 'out', 'vscode', 'fixtures', 'workspace']);

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.has(name) ? [] : findTests(path);
    return name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const filter = process.argv.slice(2);
const files = findTests(join(root, 'test')).filter((f) => filter.length === 0 || filter.some((s) => f.includes(s))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', ...files], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});

let output = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.on('close', (code) => {
  const count = (label) => Number(new RegExp(`^\\S*\\s*${label} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const passed = count('pass');
  const failed = count('fail');
  if (Number.isNaN(passed) || Number.isNaN(failed)) {
    console.error('Could not read the test summary.');
    process.exit(code || 1);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code !== 0 ? code : failed > 0 || passed === 0 ? 1 : 0);
});
