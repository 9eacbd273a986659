// Entry point of the digest-lint bundle (server/out/cli.js); bin: cli/digest-lint.js.

import { runCli, ExitCode } from './cli/run';

runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not bad input: say so in one line, keep the stack for those who ask.
    process.stderr.write(`digest-lint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env['DIGEST_LINT_DEBUG']) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = ExitCode.failure;
  },
);
