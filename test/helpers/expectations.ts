// Inline expectations for fixture files.
//
// A fixture is a Markdown file. Expectations are whole-line HTML comments that
// sit UNDER the line they talk about (the "target line": the nearest line above
// that is not itself a marker). Before linting, every marker line is removed,
// so the linted text is exactly the fixture without its markers; expected
// ranges are mapped onto that text.
//
//   <!-- ^^^^^^^ malformed-arxiv-link -->
//       Carets: the range starts at the column of the first caret and ends
//       after the last one, on the target line. Columns are UTF-16 code units
//       of the marker line itself (what LSP counts), so on a line with astral
//       characters (𝔸, emoji) carets do not line up visually: use `@` there.
//
//   <!-- @12-40 duplicate-paper -->      columns 12 to 40 (end exclusive) of the target line
//   <!-- @0 missing-digest-heading -->   an empty range at column 0
//   <!-- @+2:0-+2:5 some-code -->        explicit lines, relative to the target line
//                                        (counted in linted lines, i.e. without markers)
//
//   Several codes in one marker mean several diagnostics with the same range:
//   <!-- ^^^^^ missing-section missing-section missing-vote -->
//   A quoted string after a code must occur in that diagnostic's message:
//   <!-- ^^^^^^^^^^ malformed-arxiv-link "month 13" -->
//
//   <!-- fixture: {"settings": {"files": ["**/x.md"]}, "uri": "file:///…"} -->
//       Options for the whole file (JSON), on any line.
//   <!-- expect: clean -->
//       Documents that the file must produce no diagnostics; no other marker
//       may appear in the file.
//
// A marker must start at column 0 and be the only thing on its line. A line
// that looks like a marker but breaks these rules (indented, no space after
// `<!--`, an unknown directive, text after `-->`) is an error, not a comment:
// otherwise a typo would silently drop an expectation.

import type { Range } from '../../server/src/core';

export interface ExpectedDiagnostic {
  readonly code: string;
  readonly range: Range;
  /** Fragments the message must contain. */
  readonly messageIncludes: readonly string[];
  /** 1-based line of the marker in the fixture file, for error messages. */
  readonly markerLine: number;
}

export interface FixtureOptions {
  readonly settings?: unknown;
  readonly uri?: string;
}

/** Every option a fixture may set; there is deliberately no way to mark one as expected to fail. */
const OPTION_KEYS: ReadonlySet<string> = new Set(['settings', 'uri']);

export interface ParsedFixture {
  /** The text that is linted: the fixture without marker lines. */
  readonly text: string;
  readonly expected: readonly ExpectedDiagnostic[];
  readonly options: FixtureOptions;
  readonly clean: boolean;
  /** For each line of `text`, its 0-based line in the fixture file. */
  readonly fixtureLineOf: readonly number[];
  /** For each line of the fixture file, its line in `text`, or -1 for a marker line. */
  readonly textLineOf: readonly number[];
}

export class FixtureSyntaxError extends Error {}

const MARKER_LINE = /^<!--\s(.*)\s-->[ \t]*\r?$/;
const CARET_BODY = /^(\s*)(\^+)\s+(.+)$/;
const AT_BODY = /^@(\S+)\s+(.+)$/;
const FIXTURE_BODY = /^fixture:\s*(\{.*\})$/;
const CLEAN_BODY = /^expect:\s*clean$/;
/** A comment meant as a marker: it starts with a caret, `@`, or a directive word, wherever it sits. */
const MARKER_LIKE = /^\s*<!--\s*(?:[\^@]|fixture\b|expect\b)/;

/** True when a line is a marker or directive that is stripped before linting. */
export function isMarkerLine(line: string): boolean {
  const m = MARKER_LINE.exec(line);
  if (!m) return false;
  const body = (m[1] ?? '').trim();
  return body.startsWith('^') || body.startsWith('@') || FIXTURE_BODY.test(body) || CLEAN_BODY.test(body);
}

export function parseFixture(source: string, knownCodes?: ReadonlySet<string>): ParsedFixture {
  const lines = source.split('\n');
  const kept: string[] = [];
  const fixtureLineOf: number[] = [];
  const textLineOf: number[] = [];
  const expected: ExpectedDiagnostic[] = [];
  let options: FixtureOptions = {};
  let clean = false;
  let markerCount = 0;
  let target = -1; // last linted line, in `text` numbering
  let targetFixtureLine = -1;

  lines.forEach((line, i) => {
    if (!isMarkerLine(line) && MARKER_LIKE.test(line)) {
      throw new FixtureSyntaxError(
        `fixture line ${i + 1}: looks like a marker but is not one (markers start at column 0 as "<!-- ^^^ code -->", "<!-- @col code -->", "<!-- fixture: {…} -->" or "<!-- expect: clean -->"): ${JSON.stringify(line)}`,
      );
    }
    if (!isMarkerLine(line)) {
      target = kept.length;
      targetFixtureLine = i;
      textLineOf.push(kept.length);
      fixtureLineOf.push(i);
      kept.push(line);
      return;
    }
    textLineOf.push(-1);
    const where = `fixture line ${i + 1}`;
    const body = (MARKER_LINE.exec(line)?.[1] ?? '').trimEnd();
    const trimmed = body.trim();
    const fixture = FIXTURE_BODY.exec(trimmed);
    if (fixture) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fixture[1] ?? '{}');
      } catch (err) {
        throw new FixtureSyntaxError(`${where}: the fixture options are not JSON: ${String(err)}`);
      }
      const unknown = Object.keys(parsed as object).filter((k) => !OPTION_KEYS.has(k));
      if (unknown.length) throw new FixtureSyntaxError(`${where}: unknown fixture option ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${[...OPTION_KEYS].join(', ')})`);
      options = { ...options, ...(parsed as FixtureOptions) };
      return;
    }
    if (CLEAN_BODY.test(trimmed)) {
      clean = true;
      return;
    }
    markerCount++;
    if (target < 0) throw new FixtureSyntaxError(`${where}: a marker needs a line above it to point at`);
    let range: Range;
    let codesText: string;
    const caret = CARET_BODY.exec(body);
    if (caret) {
      // "<!-- " is 5 code units; the body starts right after it.
      const start = 5 + (caret[1] ?? '').length;
      const end = start + (caret[2] ?? '').length;
      const targetLength = (lines[targetFixtureLine] ?? '').replace(/\r$/, '').length;
      if (end > targetLength) {
        throw new FixtureSyntaxError(`${where}: the carets end at column ${end}, past the end of the target line (${targetLength} code units)`);
      }
      range = { start: { line: target, character: start }, end: { line: target, character: end } };
      codesText = caret[3] ?? '';
    } else {
      const at = AT_BODY.exec(trimmed);
      if (!at) throw new FixtureSyntaxError(`${where}: expected "<!-- ^^^ code -->" or "<!-- @col-col code -->", got ${JSON.stringify(line)}`);
      range = parseSpan(at[1] ?? '', target, where);
      codesText = at[2] ?? '';
    }
    for (const e of parseCodes(codesText, where, knownCodes)) {
      expected.push({ ...e, range, markerLine: i + 1 });
    }
  });

  if (clean && markerCount > 0) throw new FixtureSyntaxError('a fixture marked "expect: clean" must not carry expectation markers');
  return { text: kept.join('\n'), expected, options, clean, fixtureLineOf, textLineOf };
}

/** `12`, `12-40`, `+1:3-+2:0` (lines relative to the target line). */
function parseSpan(span: string, target: number, where: string): Range {
  const pos = String.raw`(?:([+-]?\d+):)?(\d+)`;
  const m = new RegExp(`^${pos}(?:-${pos})?$`).exec(span);
  if (!m) throw new FixtureSyntaxError(`${where}: cannot read the span "@${span}"; expected @col, @col-col or @line:col-line:col`);
  const startLine = target + Number(m[1] ?? 0);
  const startChar = Number(m[2]);
  const endLine = m[3] !== undefined ? target + Number(m[3]) : startLine;
  const endChar = m[4] !== undefined ? Number(m[4]) : startChar;
  if (startLine < 0 || endLine < startLine || (endLine === startLine && endChar < startChar)) {
    throw new FixtureSyntaxError(`${where}: the span "@${span}" is empty or reversed`);
  }
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

function parseCodes(text: string, where: string, knownCodes: ReadonlySet<string> | undefined): Omit<ExpectedDiagnostic, 'range' | 'markerLine'>[] {
  const out: { code: string; messageIncludes: string[] }[] = [];
  const token = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m[1] !== undefined) {
      const last = out[out.length - 1];
      if (!last) throw new FixtureSyntaxError(`${where}: a quoted message fragment must follow a code`);
      last.messageIncludes.push(m[1].replace(/\\(.)/g, '$1'));
      continue;
    }
    const code = m[2] ?? '';
    if (knownCodes && !knownCodes.has(code)) {
      throw new FixtureSyntaxError(`${where}: unknown diagnostic code "${code}" (known: ${[...knownCodes].join(', ')})`);
    }
    out.push({ code, messageIncludes: [] });
  }
  if (out.length === 0) throw new FixtureSyntaxError(`${where}: the marker names no diagnostic code`);
  return out;
}
