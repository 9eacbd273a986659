import { fixTitle, msg } from '../l10n';
import { canonicalLabel, matchLabel } from '../labels';
import type { ListEntry } from '../model';
import type { Position } from '../types';
import { RuleId, type PaperRule, type TextEdit } from './rule';

/** Every required section is present and has text. */
export const missingSection: PaperRule = {
  id: RuleId.missingSection,
  scope: 'paper',
  severity: 'error',
  description: 'A paper lacks one of the required sections (digest.requiredSections), or a section is empty.',
  check(paper, ctx, report) {
    if (ctx.legacy) return;
    const required = ctx.settings.requiredSections;
    const found = new Map<string, { entry: ListEntry; exact: boolean }>();
    for (const entry of paper.entries) {
      if (!entry.markup) continue;
      const match = matchLabel(entry.markup, required);
      if (match.kind === 'none' || found.get(match.expected)?.exact) continue;
      found.set(match.expected, { entry, exact: match.kind === 'exact' });
    }
    const last = paper.entries[paper.entries.length - 1];
    const afterLast = last ? last.range.end : paper.extent.end;
    required.forEach((label, k) => {
      const hit = found.get(label);
      if (!hit) {
        const bullet = `- ${canonicalLabel(label, undefined)} `;
        report({
          ...msg('missingSection', { label, bullet: canonicalLabel(label, undefined) }),
          range: paper.heading.titleRange,
          // Not certain: it adds an empty section for the writer to fill in, so it stays out of fix-all.
          fix: { ...fixTitle('addSection', { label }), edits: [insertInOrder(required, k, found, afterLast, bullet)] },
        });
      } else if (hit.entry.text.text === '' && hit.entry.labelRange) {
        report({ ...msg('emptySection', { label }), range: hit.entry.labelRange });
      }
    });
  },
};

type Found = ReadonlyMap<string, { readonly entry: ListEntry }>;

/**
 * Inserts the bullet where `requiredSections` orders it: before the next
 * required section present, else after the previous one, else after the last
 * bullet. The snippet puts the cursor after the label.
 */
function insertInOrder(required: readonly string[], k: number, found: Found, afterLast: Position, bullet: string): TextEdit {
  const next = required.slice(k + 1).map((l) => found.get(l)).find((f) => f !== undefined);
  if (next) {
    const at = { line: next.entry.range.start.line, character: 0 };
    const indent = ' '.repeat(next.entry.range.start.character);
    return { range: { start: at, end: at }, newText: `${indent}${bullet}\n`, snippet: `${escapeSnippet(indent + bullet)}$0\n` };
  }
  const prev = required.slice(0, k).reverse().map((l) => found.get(l)).find((f) => f !== undefined);
  const at = prev ? prev.entry.range.end : afterLast;
  const indent = prev ? ' '.repeat(prev.entry.range.start.character) : '';
  return { range: { start: at, end: at }, newText: `\n${indent}${bullet}`, snippet: `\n${escapeSnippet(indent + bullet)}$0` };
}

/** Snippet syntax gives `$`, `}` and `\\` meaning; a label is plain text. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
