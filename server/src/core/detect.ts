// Which Markdown files are digests. Kept free of heavy imports: the VS Code
// client bundles it too, so its markdown-it plugin and the server agree.

import picomatch from 'picomatch';

/** A `## Daily Papers` heading line anywhere in the text. */
export const DAY_HEADING_LINE = /^ {0,3}##[ \t]+Daily Papers\b/m;

/** Heading text (level 1-2) that the parser treats as a day heading, valid or not. */
export const DAY_LIKE = /^daily\s*papers\b/i;

export type DigestReason = 'heading' | 'setting';

export function hasDayHeading(text: string): boolean {
  return text.includes('Daily Papers') && DAY_HEADING_LINE.test(text);
}

/** Compiled glob sets, by their patterns; settings change rarely, documents often. */
const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let isMatch = matchers.get(key);
  if (!isMatch) {
    isMatch = picomatch([...globs], { dot: true });
    if (matchers.size > 16) matchers.clear();
    matchers.set(key, isMatch);
  }
  return isMatch;
}

/** Matches a path against `digest.files` globs, absolute or relative to a workspace folder. */
export function matchesFilesPath(path: string, globs: readonly string[], folders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const candidates = [path, ...folders.filter((f) => path.startsWith(`${f}/`)).map((f) => path.slice(f.length + 1))];
  const isMatch = matcherFor(globs);
  return candidates.some((c) => isMatch(c));
}

/** Same, for a document URI. */
export function matchesFiles(uri: string, globs: readonly string[], folders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    return false;
  }
  return matchesFilesPath(path, globs, folders.map((f) => f.replace(/\/$/, '')));
}
