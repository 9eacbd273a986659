// Runs the same in-editor suite in VS Code desktop through
// @vscode/test-electron, for machines that have VS Code (set
// VSCODE_EXECUTABLE_PATH) or can download it. The web runner
// (run-suite.mjs) is what CI uses; both judge the run the same way.
//
//   npm run build && node scripts/vscode/run-electron.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { RESULT_FILE_ENV, readResult, reportCrash, reportRun } from './results.mjs';
import { SUITE_DEFAULTS } from './suite-paths.mjs';

async function main() {
  const startedAt = Date.now();
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'digest-electron-'));
  const resultFile = path.join(runDir, 'result.json');
  let exitCode = null;
  const errors = [];
  try {
    exitCode = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      extensionDevelopmentPath: SUITE_DEFAULTS.extension,
      extensionTestsPath: SUITE_DEFAULTS.tests,
      extensionTestsEnv: { [RESULT_FILE_ENV]: resultFile },
      launchArgs: [
        SUITE_DEFAULTS.workspace,
        // Other installed extensions and a shared profile would make runs differ between machines.
        '--disable-extensions',
        // A throwaway profile; test-electron adds --disable-workspace-trust, --skip-welcome and friends.
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
  } catch (err) {
    // runTests rejects when VS Code exits non-zero (run() rejected) or cannot start.
    errors.push(err instanceof Error ? err.message : String(err));
    exitCode = 1;
  }
  const result = readResult(resultFile);
  rmSync(runDir, { recursive: true, force: true });
  return reportRun({ exitCode, result, errors: result ? [] : errors, startedAt });
}

main().then((code) => process.exit(code), reportCrash);
