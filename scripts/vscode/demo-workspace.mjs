// The folder `npm start` and `npm run screenshots` open: a fresh copy of
// examples/ inside the session's run folder. Web VS Code autosaves, so a quick
// fix applied in the demo lands in the copy, which is deleted when the session
// stops; the tracked files in examples/ never change.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.mjs';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const DEMO_FILE = '2025-02-03-with-problems.md';

/** Copies examples/ to `<parent>/examples` and returns the copy's paths. */
export function copyExamples(parent) {
  const folder = path.join(parent, 'examples');
  cpSync(EXAMPLES_DIR, folder, { recursive: true });
  return { folder, file: (name) => path.join(folder, name) };
}
