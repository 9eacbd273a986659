// Runs the core over the real digests in ../shared/corpus (read-only, never
// copied into the repository) and checks every error and warning it reports
// against an independent, deliberately simple re-check of the raw text. A
// report that the re-check cannot confirm fails the test.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService, DEFAULT_REQUIRED_SECTIONS, type Issue } from '../../server/src/core';
import { doc } from '../helpers/digest';
import { CORPUS_MAIN, CORPUS_ROOT, CORPUS_VARIANTS, corpusAvailable, REPO_ROOT } from '../helpers/paths';
import { symbolProblems } from '../helpers/symbols';

/** Files from this date on use the current labeled format. */
const CURRENT_FROM = '2024-10-18';

interface CorpusFile {
  readonly name: string;
  readonly set: 'main' | 'variant';
  readonly date: string;
  readonly text: string;
  readonly lines: readonly string[];
}

interface Linted {
  readonly file: CorpusFile;
  readonly issues: readonly Issue[];
  readonly papers: number;
}

function load(): CorpusFile[] {
  const read = (dir: string, set: CorpusFile['set']): CorpusFile[] =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort()
      .map((name) => {
        const text = readFileSync(join(dir, name), 'utf8');
        return { name, set, date: name.slice(0, 10), text, lines: text.split('\n').map((l) => l.replace(/\r$/, '')) };
      });
  return [...read(CORPUS_MAIN, 'main'), ...read(CORPUS_VARIANTS, 'variant')];
}

// ---------------------------------------------------------------------------
// The independent re-check. It only uses line regexes on the raw file, never
// the core's model, so a parsing bug in the core cannot confirm itself.

const LABELS = DEFAULT_REQUIRED_SECTIONS;
const BULLET = /^[-*+][ \t]+/;
const NEW_ID = /^(\d{2})(\d{2})\.(\d+)(?:v\d+)?$/;
const OLD_ID = /^[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?$/;

/** The lines of the paper that contains `line`: from its `### ` heading to the next heading. */
function paperLines(f: CorpusFile, line: number): { start: number; lines: string[] } {
  let start = line;
  while (start > 0 && !/^### /.test(f.lines[start] ?? '')) start--;
  let end = start + 1;
  while (end < f.lines.length && !/^#{1,3} /.test(f.lines[end] ?? '')) end++;
  return { start, lines: f.lines.slice(start, end) };
}

function sliceRange(f: CorpusFile, i: Issue): string {
  const line = f.lines[i.range.start.line] ?? '';
  return i.range.end.line === i.range.start.line ? line.slice(i.range.start.character, i.range.end.character) : line.slice(i.range.start.character);
}

function headingUrl(heading: string): string | undefined {
  return /\]\(([^)\s]*)/.exec(heading)?.[1];
}

/** The digest date above a line, from the nearest `## Daily Papers (…)` heading. */
function dateAbove(f: CorpusFile, line: number): string | undefined {
  for (let i = line; i >= 0; i--) {
    const m = /^## Daily Papers \((\d{4}-\d{2}-\d{2})\)$/.exec(f.lines[i] ?? '');
    if (m) return m[1];
  }
  return undefined;
}

function validId(id: string, date: string | undefined): boolean {
  if (OLD_ID.test(id)) return true;
  const m = NEW_ID.exec(id);
  if (!m) return false;
  const yymm = Number(m[1]) * 100 + Number(m[2]);
  const month = Number(m[2]);
  const digits = (m[3] ?? '').length;
  if (month < 1 || month > 12 || yymm < 704) return false;
  if (digits !== (yymm >= 1501 ? 5 : 4)) return false;
  if (date && yymm > Number(date.slice(2, 4)) * 100 + Number(date.slice(5, 7))) return false;
  return true;
}

function idOf(url: string | undefined): string | undefined {
  return url ? /arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/.exec(url)?.[1] : undefined;
}

function looseTitle(heading: string): string {
  const title = /^### \[(.*)\]\(/.exec(heading)?.[1] ?? heading.slice(4);
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}

const squash = (s: string): string => s.replace(/[\u2018\u2019`´]/g, "'").replace(/[*_:\s]/g, '').toLowerCase();

function authorNames(line: string): string[] {
  const value = line.replace(/^Authors:\s*/, '');
  const quoted = [...value.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const names = value.startsWith('[') ? quoted : value.split(',');
  return names.map((n) => n.trim().toLowerCase().replace(/\s+/g, ' ')).filter((n) => n !== '');
}

/** Why the report is deserved, or undefined when the raw text does not back it up. */
function confirm(f: CorpusFile, i: Issue): string | undefined {
  const line = f.lines[i.range.start.line] ?? '';
  const paper = paperLines(f, i.range.start.line);
  const heading = paper.lines[0] ?? '';
  switch (i.rule) {
    case 'missing-section': {
      const label = /"([^"]+)"/.exec(i.message)?.[1] ?? '';
      if (i.message.includes('is empty')) {
        const rest = line.slice(i.range.end.character);
        return BULLET.test(line) && line.includes(label) && rest.trim() === '' ? 'the labelled bullet has no text' : undefined;
      }
      const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const present = new RegExp(`^\\s*[-*+]\\s+(\\*\\*\\*|\\*\\*)${esc}\\1:`);
      const anyMention = new RegExp(`^\\s*[-*+]\\s+[*_]*${esc}`, 'i');
      return !paper.lines.some((l) => present.test(l) || anyMention.test(l)) ? `no bullet labelled ${label}` : undefined;
    }
    case 'mislabelled-section': {
      const written = sliceRange(f, i);
      const canonical = LABELS.some((l) => written === `***${l}***:` || written === `**${l}**:`);
      const close = LABELS.some((l) => levenshtein(squash(written), squash(l)) <= 2);
      return BULLET.test(line) && !canonical && close ? `"${written}" is close to a label but not canonical` : undefined;
    }
    case 'malformed-arxiv-link': {
      if (!/^### /.test(line)) return undefined;
      const url = headingUrl(line);
      if (url === undefined) return 'the heading has no link';
      const m = /^https:\/\/arxiv\.org\/abs\/(.+)$/.exec(url);
      return !m || !validId(m[1] ?? '', dateAbove(f, i.range.start.line)) ? `"${url}" is not https://arxiv.org/abs/<valid id>` : undefined;
    }
    case 'non-canonical-arxiv-link': {
      const url = headingUrl(line) ?? '';
      return /^https?:\/\/(www\.)?arxiv\.org\//i.test(url) && !/^https:\/\/arxiv\.org\/abs\/[^/?#]+$/.test(url) ? `"${url}" is arXiv, not the abs page` : undefined;
    }
    case 'duplicate-paper': {
      const id = idOf(headingUrl(heading));
      const title = looseTitle(heading);
      const earlier = f.lines.slice(0, paper.start).filter((l) => /^### /.test(l));
      return earlier.some((l) => (id && idOf(headingUrl(l)) === id) || (title !== '' && looseTitle(l) === title)) ? 'an earlier heading has the same id or title' : undefined;
    }
    case 'missing-thumbnail':
      return !paper.lines.some((l) => /!\[|<video|<iframe|<source|\.mp4/i.test(l)) ? 'no image or video in the paper' : undefined;
    case 'thumbnail-mismatch': {
      const shown = /social-thumbnails\/papers\/([^/]+?)(?:v\d+)?\.png/.exec(line)?.[1];
      const id = idOf(headingUrl(heading));
      return shown && id && shown !== id ? `thumbnail ${shown} vs ${id}` : undefined;
    }
    case 'missing-vote':
      return !paper.lines.some((l) => /^Vote:/.test(l)) ? 'no Vote: line' : undefined;
    case 'invalid-vote': {
      const value = /^Vote:(.*)$/.exec(line)?.[1]?.trim();
      return value !== undefined && !/^\d+$/.test(value) ? `vote "${value}"` : undefined;
    }
    case 'missing-authors': {
      const authors = paper.lines.find((l) => /^Authors:/.test(l));
      return authors === undefined || authorNames(authors).length === 0 ? 'no author names' : undefined;
    }
    case 'author-placeholder':
      return /^Authors:/.test(line) && /^\+/.test(sliceRange(f, i)) ? 'a "+" in the author list' : undefined;
    case 'duplicate-author': {
      const name = sliceRange(f, i).trim().toLowerCase().replace(/\s+/g, ' ');
      return /^Authors:/.test(line) && authorNames(line).filter((n) => n === name).length >= 2 ? `"${name}" twice` : undefined;
    }
    case 'invalid-digest-heading': {
      const m = /^## Daily Papers \((\d{4})-(\d{2})-(\d{2})\)$/.exec(line);
      if (!m) return 'not exactly "## Daily Papers (YYYY-MM-DD)"';
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCDate() !== Number(m[3]) ? 'the date does not exist' : undefined;
    }
    case 'duplicate-day-heading':
      return f.lines.slice(0, i.range.start.line).includes(line) ? 'the same heading appears earlier' : undefined;
    case 'control-character': {
      const c = sliceRange(f, i);
      return c.length === 1 && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(c) ? `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}` : undefined;
    }
    case 'legacy-format':
      return !f.lines.some((l) => /^[-*+]\s+\*\*/.test(l)) ? 'no labelled bullet in the file' : undefined;
    case 'missing-digest-heading':
      return undefined;
    case 'invalid-suppression':
    case 'unused-suppression':
      return line.includes('<!-- digest-') ? 'a suppression comment on the line' : undefined;
    // Needs a workspace index, which this per-file check does not pass; test/corpus/scanner.test.ts covers it.
    case 'listed-on-another-day':
      return undefined;
  }
}

/**
 * What the core reports on the real corpus, per code: counts in the current,
 * labeled-before-current, legacy and variant files, the total, and how many
 * files. Codes not listed report nothing anywhere in the corpus.
 */
const CORPUS_COUNTS: Record<string, readonly number[]> = {
  'author-placeholder': [0, 45, 70, 2, 117, 90],
  'control-character': [0, 6, 0, 0, 6, 3],
  'duplicate-author': [0, 0, 946, 0, 946, 21],
  'duplicate-day-heading': [5, 0, 0, 0, 5, 5],
  'invalid-vote': [0, 25, 7, 10, 42, 23],
  'legacy-format': [0, 0, 126, 20, 146, 146],
  'malformed-arxiv-link': [0, 0, 0, 20, 20, 3],
  'mislabelled-section': [1, 1, 0, 0, 2, 2],
  'missing-section': [7, 50, 0, 2, 59, 16],
};

const isLegacyPeriod = (f: CorpusFile): boolean => f.date >= '2023-11' && f.date < '2024-07';
const hasLabels = (f: CorpusFile): boolean => f.lines.some((l) => /^[-*+]\s+\*\*/.test(l));

// ---------------------------------------------------------------------------

if (!corpusAvailable()) {
  test.skip(`real corpus: not found at ${CORPUS_ROOT}; skipping the corpus checks`);
} else {
  describe('real corpus', () => {
    const files = load();
    const linted: Linted[] = [];
    const crashes: string[] = [];
    const service = createLanguageService();
    for (const f of files) {
      try {
        const d = doc(f.text, `file:///corpus/${f.set}/${f.name}`);
        const issues = service.computeDiagnostics(d) ?? [];
        service.getDocumentSymbols(d);
        service.getHover(d, { line: 2, character: 5 });
        linted.push({ file: f, issues, papers: service.getModel(d)?.papers.length ?? 0 });
      } catch (err) {
        crashes.push(`${f.set}/${f.name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }

    test('the corpus is all there: 357 digests and 31 variants', () => {
      assert.equal(files.filter((f) => f.set === 'main').length, 357);
      assert.equal(files.filter((f) => f.set === 'variant').length, 31);
    });

    test('every digest is linted without an exception', () => {
      assert.deepEqual(crashes, []);
    });

    test('every "### " heading becomes a paper', () => {
      const wrong = linted.filter((l) => l.papers !== l.file.lines.filter((x) => /^### /.test(x)).length).map((l) => `${l.file.name}: ${l.papers} papers`);
      assert.deepEqual(wrong, []);
      assert.equal(linted.filter((l) => l.file.set === 'main').reduce((n, l) => n + l.papers, 0), 5488, 'SOURCES.md counts 5,488 entries');
    });

    test(`no paper in the current format (files from ${CURRENT_FROM}) gets an error or warning the raw text does not back up`, () => {
      const unconfirmed: string[] = [];
      for (const { file, issues } of linted) {
        if (file.set !== 'main' || file.date < CURRENT_FROM) continue;
        for (const i of issues) {
          if (i.severity !== 'error' && i.severity !== 'warning') continue;
          if (!confirm(file, i)) unconfirmed.push(`${file.name}:${i.range.start.line + 1}:${i.range.start.character + 1} ${i.rule}: ${i.message}\n    ${JSON.stringify((file.lines[i.range.start.line] ?? '').slice(0, 160))}`);
        }
      }
      assert.deepEqual(unconfirmed, []);
    });

    test('older files and variants: every report is backed up by the raw text too', () => {
      const unconfirmed: string[] = [];
      for (const { file, issues } of linted) {
        if (file.set === 'main' && file.date >= CURRENT_FROM) continue;
        for (const i of issues) {
          if (!confirm(file, i)) unconfirmed.push(`${file.set}/${file.name}:${i.range.start.line + 1} ${i.rule}: ${i.message}`);
        }
      }
      assert.deepEqual(unconfirmed, []);
    });

    test('legacy files (2023-11 .. 2024-06, unlabeled bullets) get at most one legacy-format note and no missing-section', () => {
      const legacy = linted.filter((l) => isLegacyPeriod(l.file) && !hasLabels(l.file));
      assert.ok(legacy.length > 100, `${legacy.length} legacy files`);
      const wrong: string[] = [];
      for (const { file, issues, papers } of legacy) {
        const notes = issues.filter((i) => i.rule === 'legacy-format').length;
        if (notes > 1) wrong.push(`${file.name}: ${notes} legacy-format notes`);
        if (papers > 0 && notes !== 1) wrong.push(`${file.name}: ${notes} legacy-format notes for ${papers} papers`);
        const layout = issues.filter((i) => ['missing-section', 'mislabelled-section', 'missing-thumbnail', 'missing-vote'].includes(i.rule) || (i.rule === 'missing-authors' && i.message.includes('no "Authors:" line')));
        if (layout.length) wrong.push(`${file.name}: ${layout.map((i) => i.rule).join(', ')}`);
      }
      assert.deepEqual(wrong, []);
    });

    test('labeled files never get the legacy note', () => {
      assert.deepEqual(linted.filter((l) => hasLabels(l.file) && l.issues.some((i) => i.rule === 'legacy-format')).map((l) => l.file.name), []);
    });

    test('symbol trees are well formed', () => {
      const problems = linted.flatMap(({ file }) => symbolProblems(service.getDocumentSymbols(doc(file.text, `file:///corpus/${file.set}/${file.name}`)), file.text, file.name));
      assert.deepEqual(problems.map((p) => p.message), []);
    });

    test('the re-check is not a rubber stamp: it rejects made-up reports on a clean paper', () => {
      const f = files.find((x) => x.set === 'main' && x.date >= CURRENT_FROM && x.name.startsWith('2024-11'));
      assert.ok(f, 'a current-format file');
      const h = f.lines.findIndex((l) => /^### \[/.test(l));
      const vote = f.lines.findIndex((l, n) => n > h && /^Vote: \d+$/.test(l));
      const authors = f.lines.findIndex((l, n) => n > h && /^Authors: /.test(l));
      const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
      const fake = (rule: Issue['rule'], message: string, range: Issue['range']): Issue => ({ rule, severity: 'warning', message, range });
      assert.ok(h >= 0 && vote > h && authors > h, 'the first paper has a heading, a vote and authors');
      const firstAuthor = authorNames(f.lines[authors] ?? '')[0] ?? '';
      const authorAt = (f.lines[authors] ?? '').toLowerCase().indexOf(firstAuthor);
      const bogus = [
        fake('missing-section', 'Missing section "What\'s New"; …', at(h, 5, 10)),
        fake('missing-section', 'Section "What\'s New" is empty; …', at(h + 10, 2, 19)),
        fake('malformed-arxiv-link', '…', at(h, 5, 10)),
        fake('non-canonical-arxiv-link', '…', at(h, 5, 10)),
        fake('duplicate-paper', '…', at(h, 5, 10)),
        fake('missing-thumbnail', '…', at(h, 5, 10)),
        fake('thumbnail-mismatch', '…', at(h + 2, 4, 20)),
        fake('missing-vote', '…', at(h, 5, 10)),
        fake('invalid-vote', '…', at(vote, 6, 8)),
        fake('missing-authors', '…', at(h, 5, 10)),
        fake('author-placeholder', '…', at(authors, 9, 10)),
        fake('duplicate-author', '…', at(authors, authorAt, authorAt + firstAuthor.length)),
        fake('mislabelled-section', '…', at(h, 0, 3)),
        fake('control-character', '…', at(h, 0, 1)),
        fake('invalid-digest-heading', '…', at(0, 0, 10)),
        fake('duplicate-day-heading', '…', at(0, 0, 10)),
        fake('missing-digest-heading', '…', at(0, 0, 0)),
        fake('legacy-format', '…', at(0, 0, 10)),
      ];
      const accepted = bogus.filter((i) => confirm(f, i)).map((i) => `${i.rule} ${JSON.stringify(i.range)}: ${confirm(f, i)}`);
      assert.deepEqual(accepted, []);
    });

    test('recall: every defect the re-check sees in a current-format paper is reported', () => {
      const missed: string[] = [];
      let found = 0;
      for (const { file, issues } of linted) {
        if (file.set !== 'main' || file.date < CURRENT_FROM) continue;
        file.lines.forEach((line, n) => {
          if (!/^### /.test(line)) return;
          const paper = paperLines(file, n);
          const end = paper.start + paper.lines.length;
          const reported = (rule: string): boolean => issues.some((i) => i.rule === rule && i.range.start.line >= paper.start && i.range.start.line < end);
          const expect = (rule: string, why: string): void => {
            found++;
            if (!reported(rule)) missed.push(`${file.name}:${n + 1} ${rule} (${why})`);
          };
          const vote = paper.lines.find((l) => /^Vote:/.test(l));
          if (vote === undefined) expect('missing-vote', 'no Vote: line');
          else if (!/^Vote:\s*\d+\s*$/.test(vote)) expect('invalid-vote', vote);
          if (!paper.lines.some((l) => /^Authors:/.test(l))) expect('missing-authors', 'no Authors: line');
          if (!paper.lines.some((l) => /!\[|<video|<iframe|\.mp4/i.test(l))) expect('missing-thumbnail', 'no image');
          const url = headingUrl(line);
          const m = url === undefined ? null : /^https:\/\/arxiv\.org\/abs\/(.+)$/.exec(url);
          if (!m || !validId(m[1] ?? '', dateAbove(file, n))) {
            if (!reported('malformed-arxiv-link') && !reported('non-canonical-arxiv-link')) missed.push(`${file.name}:${n + 1} link ${url}`);
          }
          for (const label of LABELS) {
            const near = paper.lines.some((l) => BULLET.test(l) && levenshtein(squash(l.replace(BULLET, '').split(':')[0] ?? ''), squash(label)) <= 2);
            if (!near) expect('missing-section', `no bullet like ${label}`);
          }
          if (paper.lines.some((l) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(l))) expect('control-character', 'a control character');
        });
      }
      assert.deepEqual(missed, []);
      assert.ok(found >= 7, `the re-check found ${found} defects in current-format papers`);
    });

    test('the docs table of corpus findings shows the pinned counts', () => {
      const readme = readFileSync(join(REPO_ROOT, 'docs', 'development.md'), 'utf8');
      const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/gm)].map((m) => [m[1] ?? '', m.slice(2, 7).map(Number)] as const);
      assert.deepEqual(Object.fromEntries(rows), Object.fromEntries(Object.entries(CORPUS_COUNTS).map(([code, n]) => [code, n.slice(0, 5)])));
    });

    test('report: real defects found, per code', () => {
      const groups = ['current', 'labeled before current', 'legacy', 'variants'] as const;
      const groupOf = (f: CorpusFile): (typeof groups)[number] =>
        f.set === 'variant' ? 'variants' : f.date >= CURRENT_FROM ? 'current' : hasLabels(f) ? 'labeled before current' : 'legacy';
      const table = new Map<string, Record<string, number>>();
      const filesWith = new Map<string, Set<string>>();
      for (const { file, issues } of linted) {
        for (const i of issues) {
          const row = table.get(i.rule) ?? Object.fromEntries(groups.map((g) => [g, 0]));
          row[groupOf(file)] = (row[groupOf(file)] ?? 0) + 1;
          table.set(i.rule, row);
          filesWith.set(i.rule, (filesWith.get(i.rule) ?? new Set()).add(`${file.set}/${file.name}`));
        }
      }
      const counts = Object.fromEntries(groups.map((g) => [g, linted.filter((l) => groupOf(l.file) === g).length]));
      const header = ['code', ...groups.map((g) => `${g} (${counts[g]} files)`), 'total', 'files'];
      const rows = [...table.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([code, row]) => {
        const total = groups.reduce((n, g) => n + (row[g] ?? 0), 0);
        return [code, ...groups.map((g) => String(row[g] ?? 0)), String(total), String(filesWith.get(code)?.size ?? 0)];
      });
      const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
      const fmt = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ');
      console.log(['', 'Defects in the real corpus:', fmt(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(fmt), ''].join('\n'));
      // Pinned: any change in what the corpus reports, per rule and era, must be a deliberate edit here (and in the README table).
      assert.deepEqual(counts, { current: 143, 'labeled before current': 88, legacy: 126, variants: 31 });
      const pinned = Object.fromEntries(rows.map((r) => [r[0], r.slice(1).map(Number)]));
      assert.deepEqual(pinned, CORPUS_COUNTS);
    });
  });
}
