// Keeps each paper once in the Outline. VS Code merges the symbols of every
// provider, and the built-in Markdown server lists every heading, so a digest
// would show each paper twice: once from it, once from us. Its server builds
// its headings from the tokens of the shared markdown-it engine, to which
// extensions may add plugins (`markdown.markdownItPlugins`). In digests only,
// this plugin renames the headings our server outlines (day headings, and the
// papers below them) so the built-in server skips them; while the engine
// renders (the preview), the names are put back, so the HTML is unchanged.
// Non-digest Markdown is never touched, nor documents our server does not
// serve (a `git:` diff side, a virtual file system).

import { DAY_LIKE, hasDayHeading, type DigestReason } from '../../server/src/core/detect';
import { SERVED_SCHEMES } from './constants';

/** The part of a markdown-it token this plugin reads or writes. */
export interface MdToken {
  type: string;
  readonly markup: string;
  readonly level: number;
  readonly content: string;
}

/** The part of a markdown-it instance this plugin wraps. */
export interface MarkdownIt {
  parse(src: string, env: unknown): MdToken[];
  renderer: { render(tokens: MdToken[], options: unknown, env: unknown): string };
}

const HIDDEN_PREFIX = 'digest_';
const HEADING_OPEN = 'heading_open';
const HEADING_CLOSE = 'heading_close';

/** Why the server treats `src` as a digest, or undefined when it does not. */
export function digestReason(src: string, matchesFiles: (src: string) => boolean): DigestReason | undefined {
  if (hasDayHeading(src)) return 'heading';
  return matchesFiles(src) ? 'setting' : undefined;
}

/**
 * Renames the heading tokens of the headings our outline shows: top-level ATX
 * headings of level 1-2 starting "Daily Papers", and level-3 headings while
 * such a day is open (or, for `setting` digests, before any day). Mirrors the
 * server's block model. Returns how many headings it hid.
 */
export function hideOutlinedHeadings(tokens: MdToken[], reason: DigestReason): number {
  let dayOpen = false;
  let daySeen = false;
  let hidden = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== HEADING_OPEN || token.level !== 0 || !token.markup.startsWith('#')) continue;
    const level = token.markup.length;
    if (level > 3) continue;
    const inline = tokens[i + 1];
    const text = inline?.type === 'inline' ? inline.content : '';
    let hide = false;
    if (level <= 2) {
      dayOpen = DAY_LIKE.test(text);
      daySeen ||= dayOpen;
      hide = dayOpen;
    } else {
      hide = dayOpen || (reason === 'setting' && !daySeen);
    }
    if (!hide) continue;
    token.type = HIDDEN_PREFIX + HEADING_OPEN;
    let close = i + 1;
    while (close < tokens.length && tokens[close]!.type !== HEADING_CLOSE) close++;
    if (close < tokens.length) tokens[close]!.type = HIDDEN_PREFIX + HEADING_CLOSE;
    hidden++;
  }
  return hidden;
}

/** Gives hidden heading tokens their names back; returns the tokens it changed. */
function restoreHidden(tokens: MdToken[]): MdToken[] {
  const changed: MdToken[] = [];
  for (const t of tokens) {
    if (t.type === HIDDEN_PREFIX + HEADING_OPEN || t.type === HIDDEN_PREFIX + HEADING_CLOSE) {
      t.type = t.type.slice(HIDDEN_PREFIX.length);
      changed.push(t);
    }
  }
  return changed;
}

/**
 * The built-in engine passes the document's URI as `env.currentDocument`.
 * Without one (another caller of the engine) the text is all there is to go by.
 */
function servedByUs(env: unknown): boolean {
  const doc = typeof env === 'object' && env !== null ? (env as { currentDocument?: { scheme?: unknown } }).currentDocument : undefined;
  return typeof doc?.scheme !== 'string' || SERVED_SCHEMES.includes(doc.scheme);
}

/** The `extendMarkdownIt` hook: installs the rename on parse and the restore on render. */
export function extendMarkdownIt<T extends MarkdownIt>(md: T, matchesFiles: (src: string) => boolean): T {
  const parse = md.parse.bind(md);
  md.parse = (src, env) => {
    const tokens = parse(src, env);
    if (!servedByUs(env)) return tokens;
    const reason = digestReason(src, matchesFiles);
    if (reason) hideOutlinedHeadings(tokens, reason);
    return tokens;
  };
  const renderer = md.renderer;
  const render = renderer.render.bind(renderer);
  renderer.render = (tokens, options, env) => {
    // Rendering is synchronous, so the built-in server never sees the restored names.
    const restored = restoreHidden(tokens);
    try {
      return render(tokens, options, env);
    } finally {
      for (const t of restored) t.type = HIDDEN_PREFIX + t.type;
    }
  };
  return md;
}
