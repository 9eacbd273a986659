// The one remark processor the core uses.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Nodes } from 'mdast';

/**
 * Emphasis is read from the source text (section labels), never from the tree,
 * and micromark resolves long runs of `*`/`_` in super-linear time (12 KB of
 * `*a_` took 1.3 s here, against 29 ms without), so block bodies leave emphasis
 * as plain text.
 */
const blockProcessor = unified()
  .use(remarkParse)
  .data('micromarkExtensions', [{ disable: { null: ['attention'] } }]);

/** Titles are short lines; there, emphasis is parsed so `**bold**` reads as plain "bold". */
const titleProcessor = unified().use(remarkParse);
const MAX_TITLE_PARSE_CHARS = 2000;

export function parseMarkdown(text: string): Root {
  return blockProcessor.parse(text);
}

/** The plain text of a one-line Markdown fragment, emphasis resolved. */
export function plainTitle(fragment: string): string | undefined {
  if (fragment.length > MAX_TITLE_PARSE_CHARS || !/[*_]/.test(fragment)) return undefined;
  const first = titleProcessor.parse(fragment).children[0];
  // "1. Foo" or "- Foo" would parse as a list; keep such titles as written.
  return first?.type === 'paragraph' ? plainText(first).trim() : undefined;
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Plain text of a node, as a reader sees it. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
