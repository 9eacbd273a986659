// vscode-languageclient logs every exit of the server process as an error,
// even the clean exit (code 0) of a stop that we asked for. Kept free of the
// vscode import so the decision is unit-tested in node.

/** The line the library writes when the server process ends normally. */
const CLEAN_EXIT = /^Server process exited with code 0\.$/;

/** Counts the clean exits we asked for, so only those are logged as a restart. */
export class RequestedExits {
  private pending = 0;

  /** Call before a stop or restart that we request. */
  expect(): void {
    this.pending++;
  }

  /** True when `message` reports an exit we asked for; consumes it. */
  take(message: string): boolean {
    if (this.pending === 0 || !CLEAN_EXIT.test(message)) return false;
    this.pending--;
    return true;
  }
}
