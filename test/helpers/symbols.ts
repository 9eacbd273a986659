import type { DigestSymbol, Range } from '../../server/src/core';

export function within(inner: Range, outer: Range): boolean {
  return (
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character))
  );
}

export interface SymbolProblem {
  readonly message: string;
}

/** What VS Code expects of a DocumentSymbol tree, checked recursively. `_text` is unused; callers keep passing it. */
export function symbolProblems(list: readonly DigestSymbol[], _text: string, where: string, parent?: DigestSymbol): SymbolProblem[] {
  const out: SymbolProblem[] = [];
  for (const s of list) {
    if (s.name.trim() === '') out.push({ message: `${where}: a symbol needs a non-empty name` });
    if (!within(s.selectionRange, s.range)) out.push({ message: `${where}: the selectionRange of "${s.name}" lies outside its range` });
    // No exemption for trailing whitespace: that bug is fixed, and an exemption would hide its return.
    if (parent && !within(s.range, parent.range)) {
      out.push({ message: `${where}: "${s.name}" (${JSON.stringify(s.range)}) lies outside "${parent.name}" (${JSON.stringify(parent.range)})` });
    }
    out.push(...symbolProblems(s.children, _text, where, s));
  }
  return out;
}
