// The language client, with a restart that logs as a restart instead of
// "[Error] Server process exited with code 0."

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { RequestedExits } from './restart';

export class DigestLanguageClient extends LanguageClient {
  private readonly requestedExits = new RequestedExits();

  /** Stops the server and starts a new one; the old process's clean exit is logged as information. */
  async restartServer(): Promise<void> {
    // restart() stops first, which fails on a client whose start failed.
    if (!this.isRunning()) return this.start();
    this.requestedExits.expect();
    await this.restart();
  }

  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    if (this.requestedExits.take(message)) {
      this.info(vscode.l10n.t('The digest server stopped for the requested restart.'), undefined, false);
      return;
    }
    super.error(message, data, showNotification);
  }
}
