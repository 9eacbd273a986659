// Finds the Markdown files of the workspace folders on disk. Skips
// node_modules, .git and what .gitignore excludes; follows symlinks once
// (a loop is logged and cut); reads each folder once even when workspace
// folders overlap.

import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { isIgnored, parseGitignore, type IgnoreFile } from './gitignore';
import { logArgs, ref, type MessageRef } from '../../core';

export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);
const MARKDOWN = /\.md$/i;

export interface CrawlOptions {
  /** `message` is English; `l10n` renders it in the server's language. */
  readonly log: (message: string, l10n?: MessageRef) => void;
  /** Checked between folders; true stops the crawl. */
  readonly stopped?: () => boolean;
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

/** Absolute paths of the `.md` files under `folders`, each file once. */
export async function crawlMarkdown(folders: readonly string[], options: CrawlOptions): Promise<string[]> {
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
    const stack: Pending[] = [{ dir: folder, ignores: [] }];
    while (stack.length > 0) {
      if (options.stopped?.()) return found;
      const { dir, ignores: inherited } = stack.pop()!;
      const own = await readIgnore(dir);
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
        } else if (isFile && MARKDOWN.test(entry.name) && !isIgnored(ignores, path, false)) {
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
