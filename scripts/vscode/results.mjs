// Judges a suite run the same way for every runner: the suite's own result
// file (written to $DIGEST_TEST_RESULT) plus what the runner observed.
import { readFileSync } from 'node:fs';

export const RESULT_FILE_ENV = 'DIGEST_TEST_RESULT';

/** The suite's `{ passed, failed, activated }`, or null when it wrote none. */
export function readResult(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Runner-level problems the suite's own counts do not already cover. */
function findProblems({ exitCode, result, externalRequests = [] }) {
  const problems = [];
  if (!result) {
    problems.push(`the suite wrote no result file (${RESULT_FILE_ENV})`);
  } else {
    if (!result.activated) problems.push('the extension never activated');
    if (result.passed + result.failed === 0) problems.push('no test ran');
    if (exitCode !== 0 && result.failed === 0) problems.push(`run() failed (extension host exit code ${exitCode})`);
  }
  if (externalRequests.length > 0) {
    problems.push(`${externalRequests.length} request(s) left 127.0.0.1:\n  ${externalRequests.join('\n  ')}`);
  }
  return problems;
}

/**
 * Prints the problems and the closing `N passed, N failed` line; returns
 * the process exit code. Runner-level problems count as failures so the
 * closing line never reads green on a red run.
 */
export function reportRun({ exitCode, result, externalRequests, errors = [], startedAt }) {
  const problems = [...errors, ...findProblems({ exitCode, result, externalRequests })];
  for (const problem of problems) console.log(`FAIL: ${problem}`);
  if (externalRequests) console.log(`browser requests off 127.0.0.1: ${externalRequests.length}`);
  if (startedAt) console.log(`suite run took ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
  const passed = result?.passed ?? 0;
  const suiteFailed = result?.failed ?? 0;
  const failed = suiteFailed > 0 ? suiteFailed : problems.length;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && problems.length === 0 ? 0 : 1;
}

/** Last-resort handler for a runner's main(): message, a red closing line, exit 1. */
export function reportCrash(err) {
  console.error(process.env.DIGEST_VSCODE_VERBOSE ? err.stack : `error: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
