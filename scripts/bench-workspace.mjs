// The workspace index figures of `npm run bench`: cold index of the real
// corpus beside one remark-parse of the same files (same run), re-index after
// one file changes on disk, the index's memory, and a synthetic workspace of
// 10,000 digests (built in a temp folder from the corpus with fresh ids, and
// deleted afterwards). Reads ../shared/corpus; never writes into the repository.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const CORPUS = new URL('../../shared/corpus/real/daily_papers_ko', import.meta.url).pathname;
const SERVER = new URL('../server/out/server.js', import.meta.url).pathname;
const SYNTHETIC_FILES = Number(process.env.BENCH_WORKSPACE_FILES ?? 10_000);
const REINDEX_RUNS = 20;
const QUERIES = ['2410.09342', 'large language model', 'diffusion', 'Yann LeCun', 'lora adapter', 'rl reasoning', 'agent', 'zq'];

const ms = (x) => `${x.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const uriOf = (path) => pathToFileURL(path).href;

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The server over stdio with `folder` as its workspace; settings answer workspace/configuration. */
async function startServer(folder, settings = {}) {
  const child = spawn(process.execPath, ['--expose-gc', SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, DIGEST_BENCH: '1' } });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = [];
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    diagnostics.push(p);
    for (const w of [...waiters]) if (w.accept(p)) waiters.splice(waiters.indexOf(w), 1) && w.resolve(p);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('$/progress', () => undefined);
  conn.onNotification('digest/papersChanged', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(folder),
    workspaceFolders: [{ uri: uriOf(folder), name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  const initializedAt = performance.now();
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    initializedAt,
    waitDiagnostics: (accept) => new Promise((resolve) => waiters.push({ accept, resolve })),
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      child.kill();
    },
  };
}

/** Polls digest/indexStatus until the first crawl is over; returns the papers count and when it ended. */
async function untilIndexed(server, pollMs = 2) {
  for (;;) {
    const r = await server.conn.sendRequest('digest/indexStatus');
    if (r.enabled && !r.indexing && r.files > 0) return { at: performance.now(), papers: r.papers, files: r.files };
    await sleep(pollMs);
  }
}

function corpusFiles() {
  return readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort().map((name) => ({ name, text: readFileSync(join(CORPUS, name), 'utf8') }));
}

async function coldCorpus(files) {
  // Baseline: one remark-parse of every file, same run (after a warm-up parse of a few).
  const processor = unified().use(remarkParse);
  for (const f of files.slice(0, 20)) processor.parse(f.text);
  let t0 = performance.now();
  for (const f of files) processor.parse(f.text);
  const remarkMs = performance.now() - t0;

  const server = await startServer(CORPUS);
  const done = await untilIndexed(server);
  const coldMs = done.at - server.initializedAt;
  // Every paper is findable: the tree holds them all, and an id query finds the real cross-day pair.
  const tree = await server.conn.sendRequest('digest/papers', {});
  const inTree = tree.days.reduce((n, d) => n + d.papers.length, 0);
  const found = await server.conn.sendRequest('workspace/symbol', { query: '2410.09342' });
  const queryTimes = [];
  for (const q of QUERIES) {
    const s = performance.now();
    await server.conn.sendRequest('workspace/symbol', { query: q });
    queryTimes.push(performance.now() - s);
  }
  await sleep(300);
  const withIndex = rssMb(server.child.pid);
  // After the RSS reading: digest/benchMemory forces a GC.
  const heapWith = await server.conn.sendRequest('digest/benchMemory');
  await server.stop();

  const off = await startServer(CORPUS, { workspace: { index: false } });
  await off.conn.sendRequest('digest/indexStatus');
  await sleep(300);
  const withoutIndex = rssMb(off.child.pid);
  const heapWithout = await off.conn.sendRequest('digest/benchMemory');
  await off.stop();
  return { remarkMs, coldMs, papers: done.papers, inTree, days: tree.days.length, dupListings: found.length, queryMax: Math.max(...queryTimes), queryMedian: median(queryTimes), withIndex, withoutIndex, heapWith, heapWithout };
}

/** Re-index after one file changes on disk: didChangeWatchedFiles → the open digest's diagnostics change. */
async function reindexOne(dir, names) {
  const server = await startServer(dir);
  await untilIndexed(server);
  const openName = names[names.length - 1];
  const openText = readFileSync(join(dir, openName), 'utf8');
  const id = /arxiv\.org\/abs\/(\d{4}\.\d{4,5})/.exec(openText)[1];
  const openUri = uriOf(join(dir, openName));
  let pending = server.waitDiagnostics((p) => p.uri === openUri);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'markdown', version: 1, text: openText } });
  await pending;
  const changed = join(dir, names[0]);
  const original = readFileSync(changed, 'utf8');
  const cross = (p) => p.diagnostics.filter((d) => d.code === 'listed-on-another-day').length;
  const times = [];
  for (let i = 0; i < REINDEX_RUNS; i++) {
    const add = i % 2 === 0;
    writeFileSync(changed, add ? `${original}\n### [Bench Copy](https://arxiv.org/abs/${id})\n\nVote: 1\n` : original);
    const t0 = performance.now();
    pending = server.waitDiagnostics((p) => p.uri === openUri && (add ? cross(p) > 0 : cross(p) === 0));
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(changed), type: 2 }] });
    await pending;
    times.push(performance.now() - t0);
  }
  writeFileSync(changed, original);
  await server.stop();
  return { median: median(times), p95: percentile(times, 95) };
}

/** Copies of the corpus with fresh ids, `count` files in `dir`. */
function buildSynthetic(dir, files, count) {
  let next = 0;
  const fresh = () => {
    const n = next++;
    return `${String(2001 + Math.floor(n / 90000) % 100).padStart(4, '0').slice(-4)}.${String(10000 + (n % 90000)).padStart(5, '0')}`;
  };
  for (let i = 0; i < count; i++) {
    const src = files[i % files.length];
    const ids = new Map();
    const text = src.text.replace(/\b\d{4}\.\d{4,5}\b/g, (old) => {
      if (!ids.has(old)) ids.set(old, fresh());
      return ids.get(old);
    });
    const sub = join(dir, `batch-${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}-${src.name}`), text);
  }
}

/** Indexing 10,000 digests while typing in an open one; then queries. */
async function synthetic(files) {
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-ws-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    let t0 = performance.now();
    buildSynthetic(dir, files, SYNTHETIC_FILES);
    const buildMs = performance.now() - t0;
    const server = await startServer(dir);
    // Type into an open digest (the largest corpus file) while the crawl runs.
    const big = [...files].sort((a, b) => b.text.length - a.text.length)[0];
    const uri = uriOf(join(dir, 'open-digest.md'));
    const pending = server.waitDiagnostics((p) => p.uri === uri && p.version === 1);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: big.text } });
    await pending;
    const lines = big.text.split('\n');
    const target = lines.findIndex((l) => /^- /.test(l));
    const keystrokes = [];
    let version = 1;
    let indexed;
    const indexing = untilIndexed(server, 10).then((r) => (indexed = r));
    /** One character typed at the end of the target line; resolves with the time until its diagnostics. */
    const type = async () => {
      version++;
      const v = version;
      const character = lines[target].length + v;
      const published = server.waitDiagnostics((p) => p.uri === uri && p.version === v);
      const s = performance.now();
      await server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: target, character }, end: { line: target, character } }, text: 'x' }],
      });
      await published;
      const elapsed = performance.now() - s;
      await sleep(30);
      return elapsed;
    };
    while (!indexed) keystrokes.push(await type());
    await indexing;
    const indexMs = indexed.at - server.initializedAt;
    // Baseline from the same run: as many keystrokes once the index is idle.
    const idleKeystrokes = [];
    for (let k = 0; k < keystrokes.length; k++) idleKeystrokes.push(await type());
    const queryTimes = [];
    for (const q of QUERIES) {
      t0 = performance.now();
      await server.conn.sendRequest('workspace/symbol', { query: q });
      queryTimes.push(performance.now() - t0);
    }
    const rss = rssMb(server.child.pid);
    await server.stop();
    return { buildMs, indexMs, papers: indexed.papers, keystrokes, idleKeystrokes, queryMax: Math.max(...queryTimes), queryMedian: median(queryTimes), rss };
  } finally {
    cleanup();
  }
}

export async function runWorkspaceBench() {
  if (!existsSync(CORPUS)) {
    console.log('\nworkspace index: ../shared/corpus not found; skipped.');
    return;
  }
  const files = corpusFiles();
  console.log(`\nworkspace index: ${files.length} real digests (${(files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6).toFixed(1)} MB)`);
  const cold = await coldCorpus(files);
  const reindexDir = mkdtempSync(join(tmpdir(), 'digest-bench-reindex-'));
  let reindex;
  try {
    for (const f of files) writeFileSync(join(reindexDir, f.name), f.text);
    reindex = await reindexOne(reindexDir, files.map((f) => f.name));
  } finally {
    rmSync(reindexDir, { recursive: true, force: true });
  }
  const syn = await synthetic(files);
  const rows = [
    ['remark-parse of all files (baseline)', ms(cold.remarkMs), '1.00×'],
    ['cold index: initialized → all papers', ms(cold.coldMs), `${(cold.coldMs / cold.remarkMs).toFixed(2)}×`],
    ['workspace/symbol, median of 8 queries', ms(cold.queryMedian), ''],
    ['workspace/symbol, slowest of 8', ms(cold.queryMax), ''],
    ['re-index 1 file → diagnostics, p50', ms(reindex.median), ''],
    ['re-index 1 file → diagnostics, p95', ms(reindex.p95), ''],
    ['server RSS, index off', `${cold.withoutIndex.toFixed(1)} MB`, ''],
    ['server RSS, corpus indexed', `${cold.withIndex.toFixed(1)} MB`, `+${(cold.withIndex - cold.withoutIndex).toFixed(1)} MB`],
    [
      'heap used after a forced GC, indexed',
      `${(cold.heapWith.heapUsed / 1e6).toFixed(1)} MB`,
      `+${((cold.heapWith.heapUsed - cold.heapWithout.heapUsed) / 1e6).toFixed(1)} MB; young generation ${(cold.heapWith.newSpace / 1e6).toFixed(1)} MB (index off: ${(cold.heapWithout.newSpace / 1e6).toFixed(1)} MB)`,
    ],
    [`synthetic: ${SYNTHETIC_FILES} files, index`, ms(syn.indexMs), `${syn.papers} papers`],
    [`synthetic: keystroke p95 while indexing`, ms(percentile(syn.keystrokes, 95)), `${syn.keystrokes.length} keystrokes`],
    [`synthetic: keystroke p95 once indexed`, ms(percentile(syn.idleKeystrokes, 95)), 'baseline, same document and run'],
    ['synthetic: workspace/symbol, slowest', ms(syn.queryMax), `median ${ms(syn.queryMedian)}`],
    ['synthetic: server RSS', `${syn.rss.toFixed(1)} MB`, ''],
  ];
  console.log(`indexed ${cold.papers} papers (${cold.inTree} in digest/papers) on ${cold.days} days; 2410.09342 listed ${cold.dupListings} times; synthetic workspace written in ${ms(syn.buildMs)} and deleted`);
  console.log('');
  for (const [name, value, note] of rows) console.log(`${name.padEnd(40)} ${value.padStart(12)}   ${note}`);
  console.log('');
  const met = (ok) => (ok ? 'met' : 'MISSED');
  console.log(
    `targets: cold ≤ 1 s and ≤ 0.25× remark -> ${met(cold.coldMs <= 1000 && cold.coldMs <= 0.25 * cold.remarkMs)}; ` +
      `re-index ≤ 20 ms -> ${met(reindex.p95 <= 20)}; memory ≤ 50 MB -> ${met(cold.withIndex - cold.withoutIndex <= 50)}; ` +
      `query ≤ 50 ms -> ${met(cold.queryMax <= 50)}; synthetic index ≤ 30 s -> ${met(syn.indexMs <= 30_000)}; ` +
      `keystroke p95 ≤ 20 ms while indexing -> ${met(percentile(syn.keystrokes, 95) <= 20)}; synthetic query ≤ 200 ms -> ${met(syn.queryMax <= 200)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runWorkspaceBench();
