import { fixTitle, msg, ref } from '../l10n';
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
    // Only the blocks that have any (the parser lists them), not every block per keystroke.
    for (const { line, block } of model.marks?.controlChars ?? model.blocks) {
      for (const c of block.controlChars) {
        const hex = `U+${c.code.toString(16).toUpperCase().padStart(4, '0')}`;
        const name = NAMES[c.code] ? ` ${NAMES[c.code]}` : '';
        const hint = c.code === 8 || c.code === 12 ? ref('controlCharacterHint', { letter: c.code === 8 ? 'b' : 'f', example: c.code === 8 ? 'beta' : 'frac' }) : '';
        const r = shiftRange(c.range, line);
        report({
          ...msg('controlCharacter', { hex, name, hint }),
          range: r,
          fix: { ...fixTitle('deleteCharacter', { hex }), edits: [{ range: r, newText: '' }] },
        });
      }
      if (block.omittedControlChars) {
        report({ ...omittedMessage(block.omittedControlChars.count, ref('omittedControlCharacters')), range: shiftRange(block.omittedControlChars.first, line) });
      }
    }
  },
};
