// `npm start`: serves VS Code (web workbench) with the extension loaded on a
// temporary copy of examples/, opening the example digest that has problems.
// Open the printed URL in a browser on this machine; Ctrl+C stops everything
// and deletes the copy, so the tracked examples never change.
//
// DIGEST_VSCODE_PORT picks a fixed port (default: any free port).
import { copyExamples, DEMO_FILE } from './demo-workspace.mjs';
import { REPO_ROOT, startWorkbench, workbenchUrl } from './workbench.mjs';

async function main() {
  const session = await startWorkbench({
    browser: false,
    port: Number(process.env.DIGEST_VSCODE_PORT || 0),
    // Ctrl+C is how a demo ends, not a failure.
    signalExitCode: () => 0,
  });
  // Inside the run folder, which stop() removes.
  const workspace = copyExamples(session.runDir);
  const url = workbenchUrl({ port: session.port, folder: workspace.folder, extensionPath: REPO_ROOT, openFile: workspace.file(DEMO_FILE) });
  console.log(`VS Code is serving the extension on a copy of examples/ in ${workspace.folder}`);
  console.log('(edits and quick fixes change the copy only; it is deleted when you stop)');
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
