// Finds the Markdown files of the workspace folders on disk. Skips
// node_modules, version-control folders and what .gitignore excludes; follows
// symlinks once (a loop is logged and cut); reads each folder once even when
// workspace folders overlap. The one file discovery of the project: the
// server's workspace index and digest-lint (cli/files.ts) both use it, so the
// CLI with no arguments checks the files the editor indexes.

import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isIgnored, parseGitignore, type IgnoreFile } from './gitignore';
import { logArgs, ref, type MessageRef } from '../../core';

/** Folders never searched: dependencies and version-control data. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

export interface CrawlOptions {
  /** `message` is English; `l10n` renders it in the server's language. */
  readonly log: (message: string, l10n?: MessageRef) => void;
  /** Checked between folders; true stops the crawl. */
  readonly stopped?: () => boolean;
  /** Which files to list, by name; Markdown files (`.md`, `.markdown`) when absent. */
  readonly accept?: (name: string) => boolean;
  /** Whether .gitignore files are honoured; true when absent. digest-lint's globs name their files themselves. */
  readonly gitignore?: boolean;
  /**
   * A folder at or above the crawled ones (digest-lint's repository root):
   * the .gitignore files from it down to each crawled folder apply too, as
   * git applies them.
   */
  readonly gitignoreRoot?: string;
}

function describe(err: unknown): string {
  return err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);
}

interface Pending {
  readonly dir: string;
  readonly ignores: readonly IgnoreFile[];
}

async function readIgnore(dir: string): Promise<IgnoreFile | undefined> {
  try {
    return parseGitignore(dir, await readFile(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The .gitignore files of `root` and the folders below it down to `dir`'s parent, shallowest first. */
async function ancestorIgnores(root: string | undefined, dir: string): Promise<IgnoreFile[]> {
  const rel = root === undefined ? '' : relative(root, dir);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`)) return [];
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (d === root || dirname(d) === d) break;
  }
  const files: IgnoreFile[] = [];
  for (const d of chain) {
    const own = await readIgnore(d);
    if (own) files.push(own);
  }
  return files;
}

/** Absolute paths of the Markdown files under `folders`, each file once. */
export async function crawlMarkdown(folders: readonly string[], options: CrawlOptions): Promise<string[]> {
  const accept = options.accept ?? ((name: string) => MARKDOWN_FILE.test(name));
  const gitignore = options.gitignore ?? true;
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const found: string[] = [];
  for (const folder of folders) {
    let real: string;
    try {
      real = await realpath(folder);
    } catch (err) {
      options.log(...logArgs(ref('logFolderUnreadable', { folder, error: describe(err) })));
      continue;
    }
    if (seenDirs.has(real)) {
      options.log(...logArgs(ref('logFolderNested', { folder })));
      continue;
    }
    seenDirs.add(real);
    const stack: Pending[] = [{ dir: folder, ignores: gitignore ? await ancestorIgnores(options.gitignoreRoot, folder) : [] }];
    while (stack.length > 0) {
      if (options.stopped?.()) return found;
      const { dir, ignores: inherited } = stack.pop()!;
      const own = gitignore ? await readIgnore(dir) : undefined;
      const ignores = own ? [...inherited, own] : inherited;
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        options.log(...logArgs(ref('logCannotList', { dir, error: describe(err) })));
        continue;
      }
      // Real folders before symlinks, so a file is listed under its own path rather than a link's.
      entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const path = join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = await stat(path);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch (err) {
            options.log(...logArgs(ref('logCannotFollowLink', { path, error: describe(err) })));
            continue;
          }
        }
        if (isDir) {
          if (SKIPPED_DIRS.has(entry.name) || isIgnored(ignores, path, true)) continue;
          let realDir: string;
          try {
            realDir = await realpath(path);
          } catch (err) {
            options.log(...logArgs(ref('logCannotResolve', { path, error: describe(err) })));
            continue;
          }
          if (seenDirs.has(realDir)) {
            if (entry.isSymbolicLink()) options.log(...logArgs(ref('logLinkLoop', { path })));
            continue;
          }
          seenDirs.add(realDir);
          stack.push({ dir: path, ignores });
        } else if (isFile && accept(entry.name) && !isIgnored(ignores, path, false)) {
          let realFile = path;
          if (entry.isSymbolicLink()) {
            try {
              realFile = await realpath(path);
            } catch {
              continue;
            }
          }
          if (seenFiles.has(realFile)) continue;
          seenFiles.add(realFile);
          found.push(path);
        }
      }
    }
  }
  return found.sort();
}
