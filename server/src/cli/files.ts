// Which files a run checks, and reading them safely: every failure becomes a
// one-line message for the user, never a stack trace.

import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { ref, type ArgValue, type MessageRef } from '../core';
import { crawlMarkdown } from '../lsp/workspace/crawler';

export interface Discovery {
  /** Absolute paths, sorted, each once. */
  readonly files: string[];
  /** Messages for arguments that name nothing; they make the run fail (exit 2). */
  readonly problems: MessageRef[];
  /** What the folder search skipped and why (unreadable folders, symlink loops); reported, not failures. */
  readonly notices: { readonly message: string; readonly l10n?: MessageRef }[];
}

/**
 * Folders (and no arguments: the current folder) are searched as the editor's
 * workspace index searches them (lsp/workspace/crawler.ts): .gitignore
 * honoured from `root`, the repository, down; node_modules and
 * version-control folders skipped; symlink loops cut. A glob names its files
 * itself: every file under its base is matched, .gitignore or not.
 */
export async function discoverFiles(patterns: readonly string[], cwd: string, root = cwd): Promise<Discovery> {
  const files = new Set<string>();
  const problems: MessageRef[] = [];
  const notices: { message: string; l10n?: MessageRef }[] = [];
  const log = (message: string, l10n?: MessageRef): void => {
    notices.push({ message, ...(l10n ? { l10n } : {}) });
  };
  const targets = patterns.length ? patterns : ['.'];
  for (const pattern of targets) {
    const abs = resolve(cwd, pattern);
    const kind = statKind(abs);
    if (kind === 'file') {
      files.add(abs);
    } else if (kind === 'dir') {
      const found = await crawlMarkdown([abs], { log, gitignoreRoot: root });
      if (found.length === 0 && patterns.length) problems.push(ref('cliEmptyDir', { pattern }));
      for (const f of found) files.add(f);
    } else if (picomatch.scan(pattern).isGlob) {
      const { base } = picomatch.scan(pattern);
      const root = resolve(cwd, base || '.');
      const isMatch = picomatch(isAbsolute(pattern) ? pattern : pattern.replace(/^\.\//, ''), { dot: false });
      const all = statKind(root) === 'dir' ? await crawlMarkdown([root], { log, accept: () => true, gitignore: false }) : [];
      const matched = all.filter((f) => isMatch(isAbsolute(pattern) ? f : relative(cwd, f)));
      if (matched.length === 0) problems.push(ref('cliGlobNoMatch', { pattern }));
      for (const f of matched) files.add(f);
    } else {
      problems.push(ref('cliNoSuchPath', { pattern }));
    }
  }
  return { files: [...files].sort(), problems, notices };
}

function statKind(path: string): 'file' | 'dir' | 'other' | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return undefined;
  }
}

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly bom: boolean; readonly bytes: Buffer; readonly mtimeMs: number; readonly mode: number }
  | { readonly ok: false; readonly message: MessageRef };

/** More NUL bytes than this in the first 8 KB: a binary file, not a digest with a stray control character. */
const BINARY_NULS = 8;

/**
 * Files larger than this are not read: past it a run would spend its memory on
 * one file. Six times the 20,000-paper bench digest (about 10 MB).
 */
export const MAX_CHECKED_FILE_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;

export function readDigest(path: string, maxBytes = MAX_CHECKED_FILE_BYTES): ReadResult {
  let bytes: Buffer;
  let mtimeMs: number;
  let mode: number;
  try {
    const s = statSync(path);
    if (s.isDirectory()) return { ok: false, message: ref('cliIsDirectory') };
    if (s.size > maxBytes) return { ok: false, message: ref('cliTooBig', { size: (s.size / MB).toFixed(1), limit: maxBytes / MB }) };
    mtimeMs = s.mtimeMs;
    mode = s.mode;
    bytes = readFileSync(path);
  } catch (err) {
    return { ok: false, message: ref('cliCannotRead', { error: describeError(err) }) };
  }
  const head = bytes.subarray(0, 8192);
  let nuls = 0;
  for (const b of head) if (b === 0) nuls++;
  if (nuls > BINARY_NULS) return { ok: false, message: ref('cliBinary') };
  // The native check first: the byte-by-byte scan only runs to say where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad !== -1) return { ok: false, message: ref('cliNotUtf8', { byte: (bytes[bad] ?? 0).toString(16).padStart(2, '0'), offset: bad }) };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.toString('utf8', bom ? 3 : 0);
  return { ok: true, text, bom, bytes, mtimeMs, mode };
}

export function describeError(err: unknown): ArgValue {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') {
    switch (e.code) {
      case 'EACCES':
      case 'EPERM':
        return ref('cliPermissionDenied');
      case 'ENOENT':
        return ref('cliNoSuchFile');
      case 'EISDIR':
        return ref('cliIsADirectory');
      default:
        return `${e.code}`;
    }
  }
  return err instanceof Error ? err.message : String(err);
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
