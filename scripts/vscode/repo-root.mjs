import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in scripts/vscode/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
