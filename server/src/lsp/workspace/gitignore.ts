// Enough of .gitignore to skip what a repository ignores, as Marksman does:
// comments, negation, directory-only and anchored patterns, `**`. The last
// matching rule wins; rules of deeper .gitignore files come after shallower ones.

import picomatch from 'picomatch';

interface IgnoreRule {
  readonly negate: boolean;
  readonly dirOnly: boolean;
  /** Anchored rules match the path relative to the .gitignore's folder; others match any final name. */
  readonly anchored: boolean;
  readonly match: (path: string) => boolean;
}

export interface IgnoreFile {
  /** Absolute folder of the .gitignore, without a trailing slash. */
  readonly dir: string;
  readonly rules: readonly IgnoreRule[];
}

export function parseGitignore(dir: string, text: string): IgnoreFile {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    line = line.replace(/^\\([#!])/, '$1');
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    rules.push({ negate, dirOnly, anchored, match: picomatch(line, { dot: true }) });
  }
  return { dir: dir.replace(/\/$/, ''), rules };
}

/** Whether `path` (absolute) is ignored by the .gitignore files that apply to it, shallowest first. */
export function isIgnored(files: readonly IgnoreFile[], path: string, isDir: boolean): boolean {
  let ignored = false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const file of files) {
    if (!path.startsWith(`${file.dir}/`)) continue;
    const rel = path.slice(file.dir.length + 1);
    for (const rule of file.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.anchored ? rule.match(rel) : rule.match(name)) ignored = !rule.negate;
    }
  }
  return ignored;
}
