// `digest.locale`: the language of the server's messages. VS Code already sends
// its display language in `initialize`; an explicit choice rides in
// initializationOptions, which the server reads once, so a change restarts it.

import * as vscode from 'vscode';
import { CONFIG_SECTION, Setting } from './constants';

/** The setting's value that defers to VS Code's display language. */
export const AUTO_LOCALE = 'auto';

/** Read at every (re)start of the server, so a restart picks up a changed setting. */
export function localeInitializationOptions(): { locale: string } | undefined {
  const chosen = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>(Setting.locale, AUTO_LOCALE);
  return chosen && chosen !== AUTO_LOCALE ? { locale: chosen } : undefined;
}

/** Restarts the server when `digest.locale` changes. */
export function restartOnLocaleChange(restart: () => Promise<void>): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${CONFIG_SECTION}.${Setting.locale}`)) void restart();
  });
}
