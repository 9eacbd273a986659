// Cross-day duplicates for digest-lint. The `listed-on-another-day` rule
// compares a digest with every other digest, as the editor's workspace index
// does. The first pass lints each file and feeds its model to an index; only
// the files that share an id with another file are then checked again with
// the index, so a run with no cross-day duplicate pays only for the scan.

import { pathToFileURL } from 'node:url';
import { WorkspaceIndex, type DigestModel, type DigestReason } from '../core';
import { MAX_INDEXED_FILE_BYTES } from '../lsp/workspace/fileReader';
import { readDigest } from './files';

/** How the run's configuration sees a file it does not lint itself. */
export interface RepositoryFile {
  readonly path: string;
  /** True when the file's config `ignores` it: the editor's index leaves it out too. */
  readonly ignored: boolean;
  /** `setting` when a `files` glob names it, so it counts without a day heading. */
  readonly reason: DigestReason | undefined;
}

export class CliWorkspace {
  readonly index = new WorkspaceIndex();
  private readonly linted = new Set<string>();

  /** A checked file, by the model its last check parsed (undefined: read, and no digest). */
  addLinted(uri: string, model: DigestModel | undefined): void {
    this.linted.add(uri);
    // As a disk copy: an open entry would keep every file's model for keystrokes that never come.
    this.index.setDiskModel(uri, model);
  }

  /** The repository's other digests, for a run on some paths: read and scanned like the editor's crawl; unreadable ones are skipped. */
  addRepository(files: readonly RepositoryFile[]): void {
    for (const f of files) {
      const uri = pathToFileURL(f.path).href;
      if (f.ignored || this.linted.has(uri)) continue;
      // The editor's index skips the same files: both see the same other days.
      const read = readDigest(f.path, MAX_INDEXED_FILE_BYTES);
      if (read.ok) this.index.setDisk(uri, read.text, f.reason);
    }
  }

  /** True when the linted file lists an id that another file lists too: its check must see the index. */
  needsRecheck(uri: string): boolean {
    // The index keeps the ids listed in two or more files as files come in.
    const shared = this.index.sharedIds(uri);
    if (!shared?.size) return false;
    return this.index.file(uri)!.papers.some((p) => p.id !== undefined && shared.has(p.id));
  }
}
