// Locations the tests read from, resolved from this file so the cwd does not matter.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');
export const SERVER_JS = join(REPO_ROOT, 'server', 'out', 'server.js');

/** The shared real-digest corpus, a sibling of the repository (read-only, never copied in). */
export const CORPUS_ROOT = join(REPO_ROOT, '..', 'shared', 'corpus');
export const CORPUS_MAIN = join(CORPUS_ROOT, 'real', 'daily_papers_ko');
export const CORPUS_VARIANTS = join(CORPUS_ROOT, 'real-variants', 'daily_papers_ko-history');

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_MAIN);
}
