// --fix writes through a temp file and a rename, so a crash never leaves half
// a digest, and it refuses to overwrite a file that changed since it was read.

import { chmodSync, chownSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeError } from './files';
import { ref, type MessageRef } from '../core';

export interface AsRead {
  readonly bytes: Buffer;
  readonly mtimeMs: number;
  readonly mode: number;
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: MessageRef };

export function writeAtomically(path: string, content: Buffer, asRead: AsRead): WriteResult {
  // Write through a symlink to its target, so the link stays a link.
  let target: string;
  try {
    target = realpathSync(path);
  } catch (err) {
    return { ok: false, message: ref('cliCannotResolve', { error: describeError(err) }) };
  }
  if ((asRead.mode & 0o222) === 0) return { ok: false, message: ref('cliReadOnly') };
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.digest-lint.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode: 0o600 });
    chmodSync(tmp, asRead.mode & 0o7777);
    const now = statSync(target);
    try {
      chownSync(tmp, now.uid, now.gid);
    } catch {
      // Only root may give a file away; others keep their own ownership.
    }
    if (now.mtimeMs !== asRead.mtimeMs || !readFileSync(target).equals(asRead.bytes)) {
      unlinkQuietly(tmp);
      return { ok: false, message: ref('cliChangedOnDisk') };
    }
    renameSync(tmp, target);
    return { ok: true };
  } catch (err) {
    unlinkQuietly(tmp);
    return { ok: false, message: ref('cliCannotWrite', { error: describeError(err) }) };
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
