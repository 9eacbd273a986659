import { omittedMessage } from '../limits';
import { shiftRange } from '../types';
import { RuleId, type DocumentRule } from './rule';

const NAMES: Record<number, string> = { 0: 'NUL', 8: 'BACKSPACE', 9: 'TAB', 11: 'VERTICAL TAB', 12: 'FORM FEED', 27: 'ESCAPE', 127: 'DELETE' };

/** Mangled LaTeX leaves \b and \f behind as real control characters. */
export const controlCharacter: DocumentRule = {
  id: RuleId.controlCharacter,
  scope: 'document',
  severity: 'warning',
  description: 'The text contains an invisible control character (often left by mangled LaTeX such as \\beta or \\frac).',
  check(model, _ctx, report) {
    for (const { line, block } of model.blocks) {
      for (const c of block.controlChars) {
        const hex = `U+${c.code.toString(16).toUpperCase().padStart(4, '0')}`;
        const name = NAMES[c.code] ? ` ${NAMES[c.code]}` : '';
        const hint = c.code === 8 || c.code === 12 ? ` (a "\\${c.code === 8 ? 'b' : 'f'}" in LaTeX such as "\\${c.code === 8 ? 'beta' : 'frac'}" may have been read as an escape)` : '';
        const r = shiftRange(c.range, line);
        report({
          message: `Invisible control character ${hex}${name}${hint}; expected printable text.`,
          range: r,
          fix: { title: `Delete the ${hex} character`, edits: [{ range: r, newText: '' }] },
        });
      }
      if (block.omittedControlChars) {
        report({ message: omittedMessage(block.omittedControlChars.count, 'control characters'), range: shiftRange(block.omittedControlChars.first, line) });
      }
    }
  },
};
