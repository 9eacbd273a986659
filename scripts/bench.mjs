// npm run bench: open-to-diagnostics and keystroke-to-diagnostics over stdio,
// printed beside one full remark-parse of the same text from the same run.

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { buildDigest } from './bench-digest.mjs';
import { runWorkspaceBench } from './bench-workspace.mjs';

const PAPERS = Number(process.env.BENCH_PAPERS ?? 2000);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const BASELINE_RUNS = 5;
const URI = 'file:///bench/digest.md';
const SERVER = new URL('../server/out/server.js', import.meta.url).pathname;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

const { text, source } = buildDigest(PAPERS);
console.log(`digest: ${PAPERS} papers, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${source}`);

// Baseline: one full remark-parse of the same text.
const processor = unified().use(remarkParse);
processor.parse(text); // warm-up
const baseline = [];
for (let i = 0; i < BASELINE_RUNS; i++) {
  const t0 = performance.now();
  processor.parse(text);
  baseline.push(performance.now() - t0);
}
const baselineMs = median(baseline);

// The server over stdio, as an editor drives it.
const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiters = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiters.get(p.version);
  if (w) {
    waiters.delete(p.version);
    w(p);
  }
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
await conn.sendNotification('initialized', {});
const diagnosticsFor = (version) => new Promise((resolve) => waiters.set(version, resolve));

let t0 = performance.now();
let pending = diagnosticsFor(1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
const opened = await pending;
const openMs = performance.now() - t0;

// Keystrokes: type into the What's New text of the middle paper.
const lines = text.split('\n');
const headings = lines.flatMap((l, i) => (l.startsWith('### ') ? [i] : []));
const middle = headings[Math.floor(headings.length / 2)];
const target = lines.findIndex((l, i) => i > middle && /^- \*{2,3}What's New\*{2,3}:/.test(l));
const keystroke = [];
for (let k = 0; k < KEYSTROKES; k++) {
  const version = k + 2;
  const character = lines[target].length + k;
  pending = diagnosticsFor(version);
  t0 = performance.now();
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version },
    contentChanges: [{ range: { start: { line: target, character }, end: { line: target, character } }, text: 'x' }],
  });
  await pending;
  keystroke.push(performance.now() - t0);
}
// Completion on the blank line after the middle paper (its parts, a new paper).
const COMPLETIONS = 50;
const blankLine = headings[Math.floor(headings.length / 2) + 1] - 1;
const completion = [];
let completionItems = 0;
for (let k = 0; k < COMPLETIONS; k++) {
  t0 = performance.now();
  const items = await conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: blankLine, character: 0 } });
  completion.push(performance.now() - t0);
  completionItems = items.length;
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
child.kill();

const rows = [
  ['full remark-parse (baseline)', ms(baselineMs), '1.00×'],
  ['open → diagnostics (stdio)', ms(openMs), `${(openMs / baselineMs).toFixed(2)}×`],
  ['keystroke → diagnostics p50', ms(percentile(keystroke, 50)), `${(percentile(keystroke, 50) / baselineMs).toFixed(3)}×`],
  ['keystroke → diagnostics p95', ms(percentile(keystroke, 95)), `${(percentile(keystroke, 95) / baselineMs).toFixed(3)}×`],
  ['completion request p50', ms(percentile(completion, 50)), `${(percentile(completion, 50) / baselineMs).toFixed(3)}×`],
  ['completion request p95', ms(percentile(completion, 95)), `${(percentile(completion, 95) / baselineMs).toFixed(3)}×`],
];
console.log(`diagnostics on open: ${opened.diagnostics.length}; keystrokes: ${KEYSTROKES} in paper ${Math.floor(headings.length / 2) + 1}; completions: ${COMPLETIONS} on line ${blankLine + 1} (${completionItems} items)`);
console.log('');
for (const [name, value, ratio] of rows) console.log(`${name.padEnd(32)} ${value.padStart(10)}   ${ratio}`);
console.log('');
console.log(`targets: keystroke p95 < 20 ms -> ${percentile(keystroke, 95) < 20 ? 'met' : 'MISSED'}; open <= 1.2x baseline -> ${openMs <= 1.2 * baselineMs ? 'met' : 'MISSED'}`);

// The workspace index figures (scripts/bench-workspace.mjs).
if (process.env.BENCH_WORKSPACE !== '0') await runWorkspaceBench();
