import assert from 'node:assert/strict';
import type { DigestSymbol, Range } from '../../server/src/core';

export function within(inner: Range, outer: Range): boolean {
  return (
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character))
  );
}

/** What VS Code requires of a DocumentSymbol tree, checked recursively. */
export function assertWellFormed(list: readonly DigestSymbol[], where: string, parent?: DigestSymbol): void {
  for (const s of list) {
    assert.ok(s.name.trim() !== '', `${where}: a symbol needs a non-empty name`);
    assert.ok(within(s.selectionRange, s.range), `${where}: selectionRange of "${s.name}" lies inside its range`);
    if (parent) assert.ok(within(s.range, parent.range), `${where}: "${s.name}" lies inside "${parent.name}"`);
    assertWellFormed(s.children, where, s);
  }
}
