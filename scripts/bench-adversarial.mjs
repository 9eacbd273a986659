// npm run bench:adversarial: hostile papers (issue 8) opened in the server over
// stdio; prints the worst time of open, a keystroke, outline, folding and
// hover for each shape. Target: every one at most 250 ms.

import { performance } from 'node:perf_hooks';
import { startServer } from './bench-server.mjs';

const TARGET_MS = 250;
const MB = 1024 * 1024;
const HEAD = '## Daily Papers (2025-01-23)\n\n';
const PAPER = `### [A Paper](https://arxiv.org/abs/2501.12948)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.12948.png)

Vote: 12

Authors: Ada Lovelace, Alan Turing

- ***What's New***: A method.
- ***Technical Details***: Details.
- ***Performance Highlights***: Results.
`;
/** `unit` repeated up to about `bytes` characters. */
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

const shapes = [
  ['nested `- ` × 10,000', () => `${'- '.repeat(10_000)}x\n`],
  ['nested `- ` up to 1 MB', () => `${fill('- ', MB)}x\n`],
  ['nested `>` × 10,000', () => `${'> '.repeat(10_000)}x\n`],
  ['`[` × 10,000', () => `${'['.repeat(10_000)}\n`],
  ['nested brackets × 10,000', () => `${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`],
  ['`[x](` × 10,000', () => `${'[x]('.repeat(10_000)}\n`],
  ['backtick runs, 1 MB', () => `${fill('`a``b```c', MB)}\n`],
  ['20,000 bullets', () => '- x\n'.repeat(20_000)],
  ['60 KB paragraph of links', () => `${fill('[x](https://a.b/c) ', 60 * 1024)}\n`],
  ['1 MB paragraph of links', () => `${fill('[x](https://a.b/c) ', MB)}\n`],
  ['setext underlines, 1 MB', () => fill('a\n=\n', MB)],
  ['`1. ` × 100,000', () => `${'1. '.repeat(100_000)}x\n`],
  ['What\'s New of one 1 MB line', () => `- ***What's New***: ${fill('word ', MB)}\n`],
  ['20,000 backspaces', () => `Note: ${'\b'.repeat(20_000)}\n`],
  ['1 MB of plain text lines', () => fill('Plain words on a line.\n', MB)],
  ['`*a_` × 100,000', () => `- ${'*a_'.repeat(100_000)}\n`],
  ['spaces and tabs, 1 MB', () => fill(' \t', MB)],
];

const server = await startServer();

/** Times of the outline, folding and hover requests on `uri`. */
async function timeRequests(uri) {
  const times = {};
  for (const [key, method, params] of [
    ['outline', 'textDocument/documentSymbol', { textDocument: { uri } }],
    ['folding', 'textDocument/foldingRange', { textDocument: { uri } }],
    ['hover', 'textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } }],
  ]) {
    const t0 = performance.now();
    await server.conn.sendRequest(method, params);
    times[key] = performance.now() - t0;
  }
  return times;
}
const rows = [];
let version = 1;
for (const [name, make] of shapes) {
  const uri = `file:///bench/adversarial/${rows.length}.md`;
  const hostile = make();
  const text = `${HEAD}${PAPER}\n${hostile}`;
  const hostileLine = (HEAD + PAPER).split('\n').length;
  const times = {};
  let t0 = performance.now();
  await server.open(uri, text, version);
  times.open = performance.now() - t0;
  // A keystroke at the start of the hostile content, and one in the clean paper above it.
  let keystroke = 0;
  for (const line of [hostileLine, 2]) {
    version++;
    t0 = performance.now();
    await server.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
    keystroke = Math.max(keystroke, performance.now() - t0);
  }
  times.keystroke = keystroke;
  Object.assign(times, await timeRequests(uri));
  await server.close(uri);
  version++;
  rows.push({ name, kb: Math.round(Buffer.byteLength(hostile) / 1024), ...times, worst: Math.max(...Object.values(times)) });
}

// Many days in one file: folding and outline must stay linear.
{
  const uri = 'file:///bench/adversarial/days.md';
  // Distinct real dates, one paper each, as in a long archive.
  const day = (i) => new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const text = Array.from({ length: 5_000 }, (_, i) => `## Daily Papers (${day(i)})\n\n${PAPER.replace(/2501\.12948/g, `2501.${10000 + i}`).replace('A Paper', `Paper ${i}`)}\n`).join('');
  const times = {};
  let t0 = performance.now();
  await server.open(uri, text, version);
  times.open = performance.now() - t0;
  version++;
  t0 = performance.now();
  await server.change(uri, version, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: 'x' }]);
  times.keystroke = performance.now() - t0;
  Object.assign(times, await timeRequests(uri));
  await server.close(uri);
  // Opening is a whole-document parse, compared with the full-parse baseline in `npm run bench`.
  rows.push({ name: '5,000 days (open not counted)', kb: Math.round(Buffer.byteLength(text) / 1024), ...times, worst: Math.max(times.keystroke, times.outline, times.folding, times.hover) });
}
await server.stop();

const f = (x) => `${x.toFixed(0)} ms`.padStart(8);
console.log('adversarial shapes, each in one paper after a clean one (open, worst of two keystrokes, outline, folding, hover):');
console.log(`${'shape'.padEnd(32)} ${'KB'.padStart(6)} ${'open'.padStart(8)} ${'keystr.'.padStart(8)} ${'outline'.padStart(8)} ${'folding'.padStart(8)} ${'hover'.padStart(8)} ${'worst'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(32)} ${String(r.kb).padStart(6)} ${f(r.open)} ${f(r.keystroke)} ${f(r.outline)} ${f(r.folding)} ${f(r.hover)} ${f(r.worst)}`);
const worst = Math.max(...rows.map((r) => r.worst));
console.log(`target: every request and validation <= ${TARGET_MS} ms -> worst ${worst.toFixed(0)} ms, ${worst <= TARGET_MS ? 'met' : 'MISSED'}`);
