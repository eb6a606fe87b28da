import type { TLRichText } from '@tldraw/tlschema';

/** Rich text (TipTap JSON) holding plain text, one paragraph per line (as tldraw's `toRichText`). */
export function richTextFromPlain(text: string): TLRichText {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
      ),
  };
}

/** Deeper than lists in lists in quotes ever go in a note. */
const MAX_RICH_TEXT_DEPTH = 20;

type RichNode = { type?: unknown; text?: unknown; content?: unknown };

/**
 * Plain text of rich text without an editor: paragraphs joined by line breaks, hard breaks as line
 * breaks, marks dropped. Unknown node types contribute their text children.
 */
export function plainFromRichText(richText: unknown): string {
  const lines: string[] = [];
  // Rich text comes from peers: a document nested deeper than any editor writes is cut off, not followed.
  const walk = (node: RichNode, line: string[], depth = 0): void => {
    if (depth > MAX_RICH_TEXT_DEPTH) return;
    if (typeof node.text === 'string') line.push(node.text);
    if (node.type === 'hardBreak') line.push('\n');
    if (Array.isArray(node.content)) {
      for (const child of node.content as RichNode[]) {
        if (child && typeof child === 'object' && (child.type === 'paragraph' || child.type === 'heading')) {
          const inner: string[] = [];
          walk(child, inner, depth + 1);
          lines.push(inner.join(''));
        } else if (child && typeof child === 'object') {
          walk(child, line, depth + 1);
        }
      }
    }
  };
  if (!richText || typeof richText !== 'object') return '';
  const rest: string[] = [];
  walk(richText as RichNode, rest);
  if (rest.length > 0) lines.push(rest.join(''));
  return lines.join('\n');
}
