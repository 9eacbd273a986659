// `npm start`: serves VS Code (web workbench) with the extension loaded on
// examples/, opening the example digest that has problems. Open the printed
// URL in a browser on this machine; Ctrl+C stops everything.
//
// DIGEST_VSCODE_PORT picks a fixed port (default: any free port).
import path from 'node:path';
import { REPO_ROOT, startWorkbench, workbenchUrl } from './workbench.mjs';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const FILE_TO_OPEN = path.join(EXAMPLES_DIR, '2025-02-03-with-problems.md');

async function main() {
  const session = await startWorkbench({
    browser: false,
    port: Number(process.env.DIGEST_VSCODE_PORT || 0),
    // Ctrl+C is how a demo ends, not a failure.
    signalExitCode: () => 0,
  });
  const url = workbenchUrl({ port: session.port, folder: EXAMPLES_DIR, extensionPath: REPO_ROOT, openFile: FILE_TO_OPEN });
  console.log('VS Code is serving the extension on examples/.');
  console.log(`Open ${url}`);
  console.log('(use 127.0.0.1 as printed, not localhost; press Ctrl+C to stop)');
  const { code, signal } = await session.server.exited;
  await session.stop();
  throw new Error(`VS Code server stopped unexpectedly (code ${code}, signal ${signal})\n${session.server.tail}`);
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
