// Compares actual diagnostics with expected ones as multisets of (code, range)
// and renders a readable diff with the source line and carets.

import type { Issue, Range } from '../../server/src/core';
import type { ExpectedDiagnostic } from './expectations';
import { fmtRange } from './digest';

export interface ActualDiagnostic {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
}

export function toActual(issues: readonly Issue[]): ActualDiagnostic[] {
  return issues.map((i) => ({ code: i.rule, range: i.range, message: i.message }));
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export interface Mismatch {
  readonly missing: readonly ExpectedDiagnostic[];
  readonly unexpected: readonly ActualDiagnostic[];
}

/** Pairs every expectation with one actual diagnostic; what is left over is the diff. */
export function matchDiagnostics(expected: readonly ExpectedDiagnostic[], actual: readonly ActualDiagnostic[]): Mismatch {
  const left = [...actual];
  const missing: ExpectedDiagnostic[] = [];
  // Expectations with message fragments first, so a looser one cannot steal their match.
  const ordered = [...expected].sort((a, b) => b.messageIncludes.length - a.messageIncludes.length);
  for (const e of ordered) {
    const i = left.findIndex((a) => a.code === e.code && sameRange(a.range, e.range) && e.messageIncludes.every((f) => a.message.includes(f)));
    if (i === -1) missing.push(e);
    else left.splice(i, 1);
  }
  missing.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { missing, unexpected: left };
}

/** Shows a range under its source line, e.g. `  12 | text` / `     |   ^^^^`. */
export function showRange(lines: readonly string[], r: Range, label?: (line: number) => string): string {
  const src = lines[r.start.line];
  if (src === undefined) return `      (line ${r.start.line} is past the end of the text)`;
  const gutter = label ? label(r.start.line) : String(r.start.line);
  const end = r.end.line === r.start.line ? r.end.character : src.length;
  const visible = (s: string): string => s.replace(/[\u0000-\u001F\u007F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const before = visible(src.slice(0, r.start.character));
  const marked = visible(src.slice(r.start.character, end));
  return `      ${gutter.padStart(5)} | ${visible(src)}\n      ${' '.repeat(5)} | ${' '.repeat([...before].length)}${end === r.start.character ? '|' : '^'.repeat(Math.max(1, [...marked].length))}`;
}

export function formatMismatch(m: Mismatch, text: string, label?: (line: number) => string): string {
  const lines = text.split('\n');
  const out: string[] = [`${m.missing.length} missing, ${m.unexpected.length} unexpected`];
  for (const e of m.missing) {
    const msg = e.messageIncludes.length ? ` with message containing ${e.messageIncludes.map((f) => JSON.stringify(f)).join(', ')}` : '';
    out.push(`  MISSING    ${e.code} at ${fmtRange(e.range)}${msg} (marker on fixture line ${e.markerLine})`, showRange(lines, e.range, label));
  }
  for (const a of m.unexpected) {
    out.push(`  UNEXPECTED ${a.code} at ${fmtRange(a.range)}: ${a.message}`, showRange(lines, a.range, label));
  }
  return out.join('\n');
}
