// `npm run mutation:survivors`: re-applies, one at a time, every hand-made
// mutation that once survived the whole suite (issue 10) and checks that the
// tests now fail on it. Each mutant runs in a scratch copy of the repository,
// so the working tree is never touched, even when the run is interrupted.
//
//   node scripts/mutation-survivors.mjs            every listed mutant
//   node scripts/mutation-survivors.mjs hover      only mutants whose name contains "hover"
//
// A mutant is killed when the tests it names fail; the list says which tests
// a user-level check lives in. Exits non-zero when any mutant survives.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;

/** name, file, exact text, its replacement, test-file filters for run-tests.mjs. */
export const SURVIVORS = [
  // Rules
  ['legacy-format: the note moves to the last day heading', 'server/src/core/rules/legacyFormat.ts', 'const first = model.days[0];', 'const first = model.days[model.days.length - 1];', ['core/']],
  ['malformed-arxiv-link: an abs-link fix offered for an invalid id', 'server/src/core/rules/malformedArxivLink.ts', '!id || !parseArxivId(id).ok ||', '!id ||', ['core/']],
  ['missing-digest-heading: reported for a digest.files file with a "# Daily Papers" heading', 'server/src/core/rules/missingDigestHeading.ts', "model.reason !== 'setting' || model.days.length > 0", "model.reason !== 'setting'", ['core/']],
  ['labels: the near-miss limit for 8-letter labels drops to 1', 'server/src/core/labels.ts', 'expected.length >= 8 ? 2 : 1', 'expected.length > 8 ? 2 : 1', ['core/']],
  // Parser
  ['parser: whitespace-only trailing lines stay in a paper', 'server/src/core/parse/block.ts', 'const TRAILING_BLANK = /(?:\\r?\\n[ \\t]*)+$/;', 'const TRAILING_BLANK = /(?:\\r?\\n)+$/;', ['core/']],
  ['parser: a URL ends at its first ")"', 'server/src/core/parse/block.ts', "if (c === '(') depth++;", '', ['core/']],
  ['parser: a second Vote: line wins', 'server/src/core/parse/block.ts', "vote ??= readLabeled('Vote', line, index);", "vote = readLabeled('Vote', line, index) ?? vote;", ['core/']],
  ['parser: the incremental split takes a block start that is not a line start', 'server/src/core/parse/document.ts', 'if (at === 0 || text.charCodeAt(at - 1) === 10) break;', 'break;', ['core/']],
  // Features
  ['outline: colon-only labels ("What\'s New:") vanish', 'server/src/core/features/symbols.ts', "(e.markup.open !== '' || e.markup.colon)", "e.markup.open !== ''", ['core/']],
  ['hover: none on a heading-only paper', 'server/src/core/features/hover.ts', 'p.line + p.paper.extent.end.line < line', 'p.line + p.paper.extent.end.line <= line', ['core/']],
  ['hover: the summary is cut at 60 characters', 'server/src/core/features/hover.ts', 'const MAX_SUMMARY = 600;', 'const MAX_SUMMARY = 60;', ['core/']],
  ['folding: a one-line fold for an empty day', 'server/src/core/features/folding.ts', 'if (last > day.line)', 'if (last >= day.line)', ['core/']],
  ['folding: a one-line fold for a one-line paper', 'server/src/core/features/folding.ts', 'if (end > line)', 'if (end >= line)', ['core/']],
  ['folding: ranges unsorted', 'server/src/core/features/folding.ts', 'return ranges.sort((a, b) => a.startLine - b.startLine);', 'return ranges;', ['core/']],
  // Speed, visible only through counts
  ['speed: the change hints are never used', 'server/src/core/languageService.ts', 'const change = previous ? doc.changedSince?.(previous.version) : undefined;', 'const change = undefined;', ['lsp/keystroke']],
  ['speed: the tracked document is never chunked', 'server/src/lsp/trackedDocument.ts', 'if (text.length <= 2 * CHUNK_SIZE) return [text];', 'return [text];', ['lsp/keystroke']],
  // Tracked document
  ['tracked document: CRLF offsets differ from TextDocument', 'server/src/lsp/trackedDocument.ts', '(this.charCodeAt(o - 1) === 10 || this.charCodeAt(o - 1) === 13)', '(this.charCodeAt(o - 1) === 10)', ['lsp/trackedDocument']],
  ['tracked document: charCodeAt becomes codePointAt', 'server/src/lsp/trackedDocument.ts', 'return this.chunks[i]!.charCodeAt(index - this.starts[i]!);', 'return this.chunks[i]!.codePointAt(index - this.starts[i]!)!;', ['lsp/trackedDocument']],
  // On the wire
  ['wire: Information becomes Hint', 'server/src/lsp/convert.ts', 'return DiagnosticSeverity.Information;', 'return DiagnosticSeverity.Hint;', ['lsp/']],
  ['wire: the rule-docs link points at a missing file', 'server/src/lsp/convert.ts', "join(__dirname, '..', '..', RULES_DOC_PATH)", "join(__dirname, '..', RULES_DOC_PATH)", ['lsp/server']],
  ['wire: quick fixes are no longer preferred', 'server/src/lsp/convert.ts', 'isPreferred: true,', '', ['lsp/']],
  ['wire: foldingRange returns one-line folds', 'server/src/server.ts', '({ startLine: r.startLine, endLine: r.endLine })', '({ startLine: r.startLine, endLine: r.startLine })', ['lsp/server']],
];

/** A scratch copy at <tmp>/repo with <tmp>/shared pointing at the corpus, so paths resolve as in the real tree. */
function scratchCopy() {
  const parent = mkdtempSync(join(tmpdir(), 'digest-mutant-'));
  const dir = join(parent, 'repo');
  for (const entry of ['server/src', 'client/src', 'test', 'scripts', 'docs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes('/out/') });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (existsSync(join(root, '..', 'shared'))) symlinkSync(join(root, '..', 'shared'), join(parent, 'shared'), 'dir');
  return { parent, dir };
}

function run(dir, args) {
  return spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

const filter = process.argv.slice(2);
const chosen = SURVIVORS.filter(([name]) => filter.length === 0 || filter.some((f) => name.includes(f)));
if (chosen.length === 0) {
  console.error(`No listed mutant matches ${filter.join(', ')}.`);
  process.exit(1);
}

let survived = 0;
const started = performance.now();
for (const [name, file, from, to, tests] of chosen) {
  const { parent, dir } = scratchCopy();
  try {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    const count = source.split(from).length - 1;
    if (count !== 1) {
      console.log(`STALE     ${name}: the text to mutate occurs ${count} times in ${file}; update the list`);
      survived++;
      continue;
    }
    writeFileSync(path, source.replace(from, to));
    if (tests.some((t) => t.includes('server'))) {
      const build = run(dir, ['scripts/build.mjs']);
      if (build.status !== 0) {
        console.log(`KILLED    ${name} (the build fails)`);
        continue;
      }
    }
    const t0 = performance.now();
    const result = run(dir, ['scripts/run-tests.mjs', ...tests]);
    const summary = /(\d+) passed, (\d+) failed/.exec(result.stdout ?? '');
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    if (result.status !== 0) {
      const failing = [...new Set((result.stdout ?? '').split('\n').filter((l) => /^\s*✖ /.test(l)).map((l) => l.trim().replace(/ \(\d.*$/, '')))].slice(0, 3);
      console.log(`KILLED    ${name} (${summary ? `${summary[2]} failed` : `exit ${result.status}`}, ${seconds} s): ${failing.join(' | ')}`);
    } else {
      survived++;
      console.log(`SURVIVED  ${name} (${summary?.[0] ?? 'no summary'}, ${seconds} s)`);
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
console.log(`\n${chosen.length - survived} of ${chosen.length} listed mutants killed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(survived > 0 ? 1 : 0);
