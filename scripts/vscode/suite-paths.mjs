// Where the in-editor suite and its fixture workspace live; shared by both runners.
import path from 'node:path';
import { REPO_ROOT } from './repo-root.mjs';

export const SUITE_DEFAULTS = {
  extension: REPO_ROOT,
  tests: path.join(REPO_ROOT, 'test/vscode/out/suite/index.js'),
  workspace: path.join(REPO_ROOT, 'test/vscode/workspace'),
};
