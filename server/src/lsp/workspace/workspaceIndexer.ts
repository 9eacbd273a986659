// Feeds the core's WorkspaceIndex from disk and from open documents. The
// first crawl runs in the background in short slices that yield to incoming
// messages, so typing is never blocked; requests before it ends answer with
// what is known. Disk changes arrive through workspace/didChangeWatchedFiles
// and re-scan one file each.

import { fileURLToPath } from 'node:url';
import { matchesFilesPath, msg, WorkspaceIndex, fileUri, type DigestModel, type DigestSettings, type MessageRef, type WorkspaceView } from '../../core';
import { crawlMarkdown, MARKDOWN_FILE } from './crawler';
import { readMarkdownFile, MAX_INDEXED_FILE_BYTES } from './fileReader';
import { logArgs, ref } from '../../core';

/** Work done per slice before yielding to the event loop. */
const SLICE_MS = 4;
/** Files read concurrently within a slice. */
const READ_BATCH = 16;

export interface ProgressSink {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

export interface IndexerHost {
  /** Absolute workspace folder paths. */
  folders(): readonly string[];
  /** Folder-level settings: `digest.workspace.index` and `digest.files`. */
  settings(): Promise<DigestSettings>;
  /** What the file's .digest-lint.jsonc says of it: its `files` globs (absolute) and whether `ignores` excludes it. */
  fileConfig(path: string): FileConfig;
  /** `l10n`, when given, is the message's id for a server that speaks another language. */
  log(message: string, l10n?: MessageRef): void;
  /** Something other open documents' diagnostics may depend on changed. */
  changed(): void;
  progress(): Promise<ProgressSink>;
}

export interface FileConfig {
  readonly files: readonly string[];
  readonly ignored: boolean;
}

export type FileChange = { readonly kind: 'created' | 'changed' | 'deleted'; readonly uri: string };

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private enabled = false;
  private files: readonly string[] = [];
  /** Bumped to abandon a crawl that a restart or a disable superseded. */
  private generation = 0;
  private crawling: Promise<void> = Promise.resolve();
  indexing = false;
  /** Milliseconds the last full crawl took, for logs and the bench. */
  lastCrawlMs = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly host: IndexerHost,
    options: { maxFileBytes?: number } = {},
  ) {
    this.maxBytes = options.maxFileBytes ?? MAX_INDEXED_FILE_BYTES;
  }

  /** The view rules and features read, or undefined while the index is off. */
  view(): WorkspaceView | undefined {
    return this.enabled ? this.index : undefined;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Reads the settings and (re)starts the crawl when the index is on. */
  async refresh(): Promise<void> {
    const settings = await this.host.settings();
    const wasEnabled = this.enabled;
    const filesChanged = settings.files.join('\u0000') !== this.files.join('\u0000');
    this.enabled = settings.workspaceIndex;
    this.files = settings.files;
    if (!this.enabled) {
      this.generation++;
      this.indexing = false;
      if (wasEnabled) this.host.changed();
      return;
    }
    if (!wasEnabled || filesChanged) await this.crawl();
  }

  /** A config file changed: its `files` and `ignores` may take files in or out, so crawl again. */
  async configChanged(): Promise<void> {
    if (this.enabled) await this.crawl();
  }

  /** Resolves when the crawl under way (if any) has finished. */
  whenIndexed(): Promise<void> {
    return this.crawling;
  }

  private crawl(): Promise<void> {
    const generation = ++this.generation;
    this.crawling = this.runCrawl(generation).catch((err) => {
      const { message, l10n } = msg('logIndexFailed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      this.host.log(message, l10n);
    });
    return this.crawling;
  }

  private async runCrawl(generation: number): Promise<void> {
    const started = performance.now();
    this.indexing = true;
    const stopped = (): boolean => generation !== this.generation;
    const progress = await this.host.progress();
    try {
      const paths = await crawlMarkdown(this.host.folders(), { log: (m, l10n) => this.host.log(m, l10n), stopped });
      // A crawl stopped mid-walk returns what it had found: not a result to log.
      if (stopped()) return;
      progress.begin(paths.length);
      let sliceStart: number;
      let done = 0;
      for (let i = 0; i < paths.length; i += READ_BATCH) {
        if (stopped()) return;
        const batch = paths.slice(i, i + READ_BATCH);
        const texts = await Promise.all(batch.map((p) => readMarkdownFile(p, this.maxBytes)));
        sliceStart = performance.now();
        for (let j = 0; j < batch.length; j++) {
          // Yield between files, not batches: a keystroke waits for at most one file's scan.
          if (performance.now() - sliceStart > SLICE_MS) {
            progress.report(done, paths.length);
            await yieldToEvents();
            sliceStart = performance.now();
          }
          if (stopped()) return;
          this.apply(batch[j]!, texts[j]!);
          done++;
        }
      }
      // Build the symbol search tables now, so the first Ctrl+T after indexing is fast.
      this.index.prepareSearch();
      this.lastCrawlMs = performance.now() - started;
      const { message, l10n } = msg('logIndexed', { digests: this.index.size, files: paths.length, ms: Math.round(this.lastCrawlMs) });
      this.host.log(message, l10n);
    } finally {
      progress.done();
      if (!stopped()) {
        this.indexing = false;
        this.host.changed();
      }
    }
  }

  /** `digest.files` and the config file's `files` name digests without a day heading, as the CLI finds them. */
  private reasonFor(path: string, config: FileConfig): 'setting' | undefined {
    const folders = this.host.folders().map((f) => f.replace(/\/$/, ''));
    return matchesFilesPath(path, this.files, folders) || matchesFilesPath(path, config.files, []) ? 'setting' : undefined;
  }

  /** Puts one read result into the index; true when its listings changed. */
  private apply(path: string, result: Awaited<ReturnType<typeof readMarkdownFile>>): boolean {
    const uri = fileUri(path);
    const config = this.host.fileConfig(path);
    // A file the config ignores is no digest to the CLI, so it lists nothing here either.
    if (config.ignored) return this.index.removeDisk(uri);
    if (result.ok) return this.index.setDisk(uri, result.text, this.reasonFor(path, config));
    this.host.log(...logArgs(ref('logNotIndexing', { path, reason: result.reason })));
    return this.index.removeDisk(uri);
  }

  /** didChangeWatchedFiles: a created or changed file is re-read alone; a deleted one leaves the index. */
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    if (!this.enabled) return;
    let changed = false;
    for (const change of changes) {
      let path: string;
      try {
        path = fileURLToPath(change.uri);
      } catch {
        continue;
      }
      if (change.kind === 'deleted') {
        changed = this.index.removeDisk(fileUri(path)) || changed;
        changed = this.removeUnder(path) || changed;
        continue;
      }
      if (!MARKDOWN_FILE.test(path)) continue;
      changed = this.apply(path, await readMarkdownFile(path, this.maxBytes)) || changed;
    }
    if (changed) this.host.changed();
  }

  /** A deleted folder takes its digests with it, open ones' disk copies included. */
  private removeUnder(dir: string): boolean {
    return this.index.removeDiskUnder(`${fileUri(dir)}/`);
  }

  /** An open document's current model; its text wins over the disk copy. True when others may need re-checking. */
  openChanged(uri: string, model: DigestModel | undefined): boolean {
    // Untitled documents and files outside the workspace folders see the index but are not part of it.
    return this.enabled && this.inWorkspace(uri) && this.index.setOpen(uri, model);
  }

  private inWorkspace(uri: string): boolean {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return false;
    }
    return this.host.folders().some((f) => path.startsWith(`${f.replace(/\/$/, '')}/`));
  }

  closed(uri: string): boolean {
    return this.index.closeOpen(uri);
  }
}
