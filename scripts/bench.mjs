// npm run bench: open-to-diagnostics and keystroke-to-diagnostics over stdio,
// printed beside one full remark-parse of the same text from the same run;
// then keystroke cost in a 200- and a 20,000-paper digest, memory after
// 10,000 edits, and the adversarial shapes (bench-adversarial.mjs).

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { buildDigest } from './bench-digest.mjs';
import { runWorkspaceBench } from './bench-workspace.mjs';
import { startServer } from './bench-server.mjs';

const PAPERS = Number(process.env.BENCH_PAPERS ?? 2000);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const SMALL_PAPERS = 200;
const LARGE_PAPERS = Number(process.env.BENCH_LARGE_PAPERS ?? 20_000);
const MEMORY_EDITS = Number(process.env.BENCH_MEMORY_EDITS ?? 10_000);
const BASELINE_RUNS = 5;
const URI = 'file:///bench/digest.md';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(0)} MB`;

/** Lines of the What's New bullets, where the keystrokes go. */
const whatsNewLines = (lines) => lines.flatMap((l, i) => (/^- \*{2,3}What's New\*{2,3}:/.test(l) ? [i] : []));

/** Types `count` characters at the end of the middle paper's What's New; returns each keystroke's time. */
async function typeInMiddle(server, uri, text, count, firstVersion) {
  const lines = text.split('\n');
  const targets = whatsNewLines(lines);
  const target = targets[Math.floor(targets.length / 2)];
  const times = [];
  for (let k = 0; k < count; k++) {
    const character = lines[target].length + k;
    const t0 = performance.now();
    times.last = await server.change(uri, firstVersion + k, [{ range: { start: { line: target, character }, end: { line: target, character } }, text: 'x' }]);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Median time to serialise and to parse one publishDiagnostics message, in this process: the part of a keystroke no cache removes. */
function payloadCost(params) {
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
  const json = JSON.stringify(message);
  const stringify = [];
  const parse = [];
  for (let i = 0; i < 21; i++) {
    let t0 = performance.now();
    Buffer.from(JSON.stringify(message), 'utf8');
    stringify.push(performance.now() - t0);
    t0 = performance.now();
    JSON.parse(json);
    parse.push(performance.now() - t0);
  }
  return { diagnostics: params.diagnostics.length, bytes: Buffer.byteLength(json), stringify: median(stringify), parse: median(parse) };
}

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

const server = await startServer();
let t0 = performance.now();
const opened = await server.open(URI, text);
const openMs = performance.now() - t0;
const keystroke = await typeInMiddle(server, URI, text, KEYSTROKES, 2);

// Completion on the blank line after the middle paper (its parts, a new paper).
const COMPLETIONS = 50;
const headings = text.split('\n').flatMap((l, i) => (l.startsWith('### ') ? [i] : []));
const blankLine = headings[Math.floor(headings.length / 2) + 1] - 1;
const completion = [];
let completionItems = 0;
for (let k = 0; k < COMPLETIONS; k++) {
  t0 = performance.now();
  const items = await server.conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: blankLine, character: 0 } });
  completion.push(performance.now() - t0);
  completionItems = items.length;
}
await server.close(URI);

// Keystroke cost against document size, in the same server and run.
const sizes = [];
for (const papers of [SMALL_PAPERS, LARGE_PAPERS]) {
  const uri = `file:///bench/size-${papers}.md`;
  const digest = buildDigest(papers).text;
  await server.open(uri, digest);
  const times = await typeInMiddle(server, uri, digest, KEYSTROKES, 2);
  await server.close(uri);
  sizes.push({ papers, mb: Buffer.byteLength(digest) / 1e6, p50: percentile(times, 50), p95: percentile(times, 95), payload: payloadCost(times.last) });
}
await server.stop();

// Memory: edits spread over every paper (the pattern that pinned old chunks), GC forced before each reading.
const memServer = await startServer(['--expose-gc'], { DIGEST_BENCH: '1' });
/**
 * A reading: a forced GC, then a second forced GC and the reading 1 s later.
 * V8 unmaps the pages a GC frees from a background thread, so RSS read in the
 * same turn as the GC still counts part of them. Both readings of the target
 * are taken the same way; the immediate ones are printed beside them.
 */
async function memoryReading(server) {
  const immediate = await server.memory();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { immediate, ...(await server.memory()) };
}
await memServer.open(URI, text);
const before = await memoryReading(memServer);
{
  const lines = text.split('\n');
  const targets = whatsNewLines(lines);
  const typed = new Map();
  for (let k = 0; k < MEMORY_EDITS; k++) {
    const line = targets[(k * 7919) % targets.length];
    const character = lines[line].length + (typed.get(line) ?? 0);
    typed.set(line, (typed.get(line) ?? 0) + 1);
    await memServer.change(URI, k + 2, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
  }
}
const afterEdits = await memoryReading(memServer);
await memServer.stop();

const rows = [
  ['full remark-parse (baseline)', ms(baselineMs), '1.00×'],
  ['open → diagnostics (stdio)', ms(openMs), `${(openMs / baselineMs).toFixed(2)}×`],
  ['keystroke → diagnostics p50', ms(percentile(keystroke, 50)), `${(percentile(keystroke, 50) / baselineMs).toFixed(3)}×`],
  ['keystroke → diagnostics p95', ms(percentile(keystroke, 95)), `${(percentile(keystroke, 95) / baselineMs).toFixed(3)}×`],
  ['completion request p50', ms(percentile(completion, 50)), `${(percentile(completion, 50) / baselineMs).toFixed(3)}×`],
  ['completion request p95', ms(percentile(completion, 95)), `${(percentile(completion, 95) / baselineMs).toFixed(3)}×`],
];
console.log(`diagnostics on open: ${opened.diagnostics.length}; keystrokes: ${KEYSTROKES} in the middle paper; completions: ${COMPLETIONS} on line ${blankLine + 1} (${completionItems} items)`);
console.log('');
for (const [name, value, ratio] of rows) console.log(`${name.padEnd(32)} ${value.padStart(10)}   ${ratio}`);
console.log('');
console.log(`targets: keystroke p95 < 20 ms -> ${percentile(keystroke, 95) < 20 ? 'met' : 'MISSED'}; open <= 1.2x baseline -> ${openMs <= 1.2 * baselineMs ? 'met' : 'MISSED'}`);

console.log('');
console.log(`keystroke → diagnostics by document size (${KEYSTROKES} keystrokes each, same run):`);
for (const s of sizes) {
  const { diagnostics, bytes, stringify, parse } = s.payload;
  console.log(`  ${String(s.papers).padStart(6)} papers (${s.mb.toFixed(1)} MB): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}; each publish: ${diagnostics} diagnostics, ${(bytes / 1e3).toFixed(0)} KB, JSON.stringify+encode ${ms(stringify)} + JSON.parse ${ms(parse)} (${(((stringify + parse) / s.p50) * 100).toFixed(0)}% of the p50)`);
}
const [small, large] = sizes;
console.log(`target: ${LARGE_PAPERS}-paper p50 <= 2x ${SMALL_PAPERS}-paper p50 -> ${(large.p50 / small.p50).toFixed(2)}x, ${large.p50 <= 2 * small.p50 ? 'met' : 'MISSED'}`);

console.log('');
console.log(`memory of the server, ${PAPERS}-paper digest, read 1 s after a forced GC, after a second forced GC (gc exposed: ${before.gcExposed}):`);
console.log(`  after open:               heap ${mb(before.heapUsed)}, RSS ${mb(before.rss)} (V8 heap committed ${mb(before.heapTotal)}; in the GC's own turn: RSS ${mb(before.immediate.rss)})`);
console.log(`  after ${MEMORY_EDITS} edits:       heap ${mb(afterEdits.heapUsed)}, RSS ${mb(afterEdits.rss)} (V8 heap committed ${mb(afterEdits.heapTotal)}; in the GC's own turn: RSS ${mb(afterEdits.immediate.rss)}, ${(afterEdits.immediate.rss / before.immediate.rss).toFixed(2)}x)`);
const heapRatio = afterEdits.heapUsed / before.heapUsed;
const rssRatio = afterEdits.rss / before.rss;
console.log(`target: heap <= 1.3x -> ${heapRatio.toFixed(2)}x, ${heapRatio <= 1.3 ? 'met' : 'MISSED'}; RSS <= 1.5x -> ${rssRatio.toFixed(2)}x, ${rssRatio <= 1.5 ? 'met' : 'MISSED'}`);

console.log('');
const adversarial = spawnSync(process.execPath, [new URL('./bench-adversarial.mjs', import.meta.url).pathname], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(adversarial.stdout);

// The workspace index figures (scripts/bench-workspace.mjs).
if (process.env.BENCH_WORKSPACE !== '0') await runWorkspaceBench();
