// Suppression comments, read per block when the block is parsed, so an edit
// re-reads only the comments of the block it touched.
//
//   <!-- digest-disable rule-a rule-b -->  …  <!-- digest-enable -->
//   <!-- digest-disable-next-line rule -->
//   <!-- digest-disable-line rule -->
//   <!-- digest-disable-file rule -->
// No rule ids means every rule.

import type { LineIndex } from '../parse/lineIndex';
import type { Range } from '../types';

export const DIRECTIVE_PREFIX = 'digest-';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface RuleName {
  readonly name: string;
  /** Relative to the block, like the directive. */
  readonly range: Range;
}

export interface Directive {
  readonly kind: DirectiveKind;
  /** Empty means every rule. */
  readonly rules: readonly RuleName[];
  /** The whole `<!-- … -->` comment, relative to the block's first line. */
  readonly range: Range;
}

// One comment on one line; the rule list is words separated by spaces or commas.
const COMMENT = /<!--[ \t]*digest-(disable-next-line|disable-line|disable-file|disable|enable)((?:[ \t,]+[^\s,>-][^\s,>]*)*)[ \t]*-->/g;
const NAME = /[^\s,]+/g;

/** Reads the directives of one block of text. Cheap when the block has none. */
export function findDirectives(text: string, index: LineIndex): readonly Directive[] {
  if (!text.includes(DIRECTIVE_PREFIX)) return NO_DIRECTIVES;
  const found: Directive[] = [];
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const kind = m[1] as DirectiveKind;
    const list = m[2] ?? '';
    const listStart = m.index + m[0].indexOf(list, 4 + DIRECTIVE_PREFIX.length + kind.length);
    const rules: RuleName[] = [];
    NAME.lastIndex = 0;
    for (let n = NAME.exec(list); n; n = NAME.exec(list)) {
      rules.push({ name: n[0], range: index.rangeAt(listStart + n.index, listStart + n.index + n[0].length) });
    }
    found.push({ kind, rules, range: index.rangeAt(m.index, m.index + m[0].length) });
  }
  return found.length ? found : NO_DIRECTIVES;
}

const NO_DIRECTIVES: readonly Directive[] = Object.freeze([]);
