// Reads one Markdown file for the index, refusing what the index must not
// hold: directories named *.md, files over the size cap, binary files and
// text that is not UTF-8. Every refusal is a reason to log, never a throw.

import { readFile, stat } from 'node:fs/promises';
import { ref, type MessageRef } from '../../core';

/** Files larger than this are skipped: the biggest real digest is under 200 KB. */
export const MAX_INDEXED_FILE_BYTES = 5 * 1024 * 1024;
/** Bytes searched for a NUL byte, git's test for binary content. */
const BINARY_PROBE_BYTES = 8000;

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: MessageRef; readonly missing: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readMarkdownFile(path: string, maxBytes = MAX_INDEXED_FILE_BYTES): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: ref('readerNotFile'), missing: false };
    if (info.size > maxBytes) return { ok: false, reason: ref('readerTooBig', { size: (info.size / 1024 / 1024).toFixed(1), limit: maxBytes / 1024 / 1024 }), missing: false };
    const bytes = await readFile(path);
    if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { ok: false, reason: ref('readerBinary'), missing: false };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { ok: false, reason: ref('readerNotUtf8'), missing: false };
    }
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? ref('readerGone') : ref('readerCannotRead', { error: code ?? String(err) }), missing: code === 'ENOENT' || code === 'ENOTDIR' };
  }
}
