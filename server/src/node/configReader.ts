// The file access the core's config resolution needs, over node:fs. Shared by
// the LSP server and the CLI so both resolve configuration the same way.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConfigFileReader } from '../core';

export const nodeConfigReader: ConfigFileReader = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      if (code === 'EISDIR') throw Object.assign(new Error(`${path} is a directory`), { code });
      throw err;
    }
  },
};

/** The nearest folder at or above `dir` that holds `.git`, the CLI's search root. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    try {
      statSync(join(d, '.git'));
      return d;
    } catch {
      // not here; go up
    }
    if (dirname(d) === d) return undefined;
  }
}
