// The one remark processor the core uses.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Nodes } from 'mdast';

const processor = unified().use(remarkParse);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
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
