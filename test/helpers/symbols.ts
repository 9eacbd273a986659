import type { DigestSymbol, Range } from '../../server/src/core';

export function within(inner: Range, outer: Range): boolean {
  return (
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character))
  );
}

export interface SymbolProblem {
  readonly message: string;
  /**
   * Known core bug: a paper's extent is cut with trimEnd(), so whitespace at the
   * end of its last line (a space, U+3000, a form feed) falls outside the paper
   * while the section symbol still covers it.
   */
  readonly trailingWhitespace: boolean;
}

/** What VS Code expects of a DocumentSymbol tree, checked recursively. */
export function symbolProblems(list: readonly DigestSymbol[], text: string, where: string, parent?: DigestSymbol): SymbolProblem[] {
  const lines = text.split('\n');
  const out: SymbolProblem[] = [];
  for (const s of list) {
    if (s.name.trim() === '') out.push({ message: `${where}: a symbol needs a non-empty name`, trailingWhitespace: false });
    if (!within(s.selectionRange, s.range)) out.push({ message: `${where}: the selectionRange of "${s.name}" lies outside its range`, trailingWhitespace: false });
    if (parent && !within(s.range, parent.range)) {
      const end = parent.range.end;
      const overflow = s.range.end.line === end.line && s.range.start.line >= parent.range.start.line ? (lines[end.line] ?? '').slice(end.character, s.range.end.character) : 'x';
      out.push({
        message: `${where}: "${s.name}" (${JSON.stringify(s.range)}) lies outside "${parent.name}" (${JSON.stringify(parent.range)})`,
        trailingWhitespace: /^\s+$/.test(overflow.replace(/\r$/, '') || 'x'),
      });
    }
    out.push(...symbolProblems(s.children, text, where, s));
  }
  return out;
}
