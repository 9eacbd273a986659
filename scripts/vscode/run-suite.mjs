// `npm run test:vscode`: runs the in-editor mocha suite (test-electron style
// `run()` entry) inside a real VS Code server + web workbench, in headless
// Chromium. Prints `N passed, N failed` and exits non-zero on any failure,
// when no test ran, when the extension never activated, on timeout, or when
// the browser sent a request off this machine.
//
// Options (for trying the runner on another extension):
//   --extension DIR  --tests FILE  --workspace DIR  --timeout SECONDS
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RESULT_FILE_ENV, readResult, reportCrash, reportRun } from './results.mjs';
import { SUITE_DEFAULTS } from './suite-paths.mjs';
import { formatAutomationLog, isWorkbenchNoise, startWorkbench, timeout, workbenchUrl } from './workbench.mjs';

const DEFAULT_TIMEOUT_SECONDS = 300;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: SUITE_DEFAULTS.extension },
      tests: { type: 'string', default: SUITE_DEFAULTS.tests },
      workspace: { type: 'string', default: SUITE_DEFAULTS.workspace },
      timeout: { type: 'string', default: process.env.DIGEST_VSCODE_TIMEOUT || String(DEFAULT_TIMEOUT_SECONDS) },
    },
  });
  const paths = {
    extension: path.resolve(values.extension),
    tests: path.resolve(values.tests),
    workspace: path.resolve(values.workspace),
  };
  for (const [name, file] of Object.entries(paths)) {
    if (!existsSync(file)) throw new Error(`${name} not found: ${file} (did \`npm run build\` run?)`);
  }
  const seconds = Number(values.timeout);
  if (!(seconds > 0)) throw new Error(`--timeout must be a positive number of seconds, not "${values.timeout}"`);
  return { ...paths, timeoutMs: seconds * 1000 };
}

/** Loads the page and resolves with the extension host's exit code (0 = run() resolved). */
async function runInWorkbench(session, options) {
  const { page, port } = session;
  let onExit;
  const exitCode = new Promise((resolve) => (onExit = resolve));
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = formatAutomationLog(args);
    if (!isWorkbenchNoise(text)) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
  const url = workbenchUrl({ port, folder: options.workspace, extensionPath: options.extension, testsPath: options.tests });
  await page.goto(url);
  const serverExit = session.server.exited.then(({ code, signal }) => {
    throw new Error(`VS Code server exited during the run (code ${code}, signal ${signal})\n${session.server.tail}`);
  });
  return Promise.race([exitCode, serverExit]);
}

/** Starts the workbench and runs the suite, recording progress in `state`. */
async function runSuite(options, state) {
  state.session = await startWorkbench({
    // Desktop VS Code's default. Web VS Code saves 1 s after an edit, which raced
    // the save test: an auto save (no "explicit" actions) left nothing to save.
    settings: { 'files.autoSave': 'off' },
    env: (runDir) => ({ [RESULT_FILE_ENV]: (state.resultFile = path.join(runDir, 'result.json')) }),
  });
  if (state.timedOut) return;
  state.exitCode = await runInWorkbench(state.session, options);
}

async function main() {
  const options = parseOptions();
  const startedAt = Date.now();
  const state = { session: null, resultFile: '', exitCode: null, timedOut: false };
  const errors = [];
  const work = runSuite(options, state);
  try {
    await Promise.race([work, timeout(options.timeoutMs, `timed out after ${options.timeoutMs / 1000}s`)]);
  } catch (err) {
    errors.push(err.message);
  }
  state.timedOut = true;
  // Server and Chromium start-up have their own time limits; wait for them so stop() sees both.
  if (!state.session) await work.catch(() => {});
  // The result file lives in the run folder, which stop() deletes.
  const result = state.resultFile ? readResult(state.resultFile) : null;
  const externalRequests = [...(state.session?.externalRequests ?? [])];
  await state.session?.stop();
  work.catch(() => {}); // Once stopped, a pending run fails; that is expected.
  return reportRun({ exitCode: state.exitCode, result, externalRequests, errors, startedAt });
}

main().then((code) => process.exit(code), reportCrash);
