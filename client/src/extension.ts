// Starts the digest language server for Markdown files and hands the built-in
// Markdown extension a markdown-it plugin (see markdownOutline.ts).

import * as vscode from 'vscode';
import { TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DigestLanguageClient } from './digestClient';
import { RecordingOutputChannel } from './outputLog';
import { withSnippetEdits } from './snippetEdits';
import { CLIENT_ID, CLIENT_NAME, Command, CONFIG_SECTION, DOCUMENT_SELECTOR, FIX_ALL_CODE_ACTION_KIND, OUTPUT_CHANNEL_NAME, SERVER_MODULE } from './constants';
import { DigestFilesTracker } from './digestFiles';
import { extendMarkdownIt, type MarkdownIt } from './markdownOutline';
import { listenForPaperChanges, registerPapersView, type PapersProvider } from './papersView';
import { localeInitializationOptions, restartOnLocaleChange } from './locale';

/** What `activate` returns: the hook the built-in Markdown extension calls. */
export interface DigestExtensionApi {
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
  /** The Daily Papers view's data provider; exposed for the in-editor tests. */
  readonly papers?: PapersProvider;
  /** The last lines of the extension's output channel, oldest first. */
  outputTail(): string[];
}

let client: DigestLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DigestExtensionApi> {
  const files = new DigestFilesTracker();
  context.subscriptions.push(files);
  const outputChannel = new RecordingOutputChannel(vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME));
  context.subscriptions.push(outputChannel);
  const lc = createClient(context, outputChannel);
  client = lc;
  context.subscriptions.push(
    vscode.commands.registerCommand(Command.restartServer, async () => {
      outputChannel.appendLine(vscode.l10n.t('Restarting the digest server.'));
      await lc.restartServer();
    }),
    restartOnLocaleChange(async () => {
      outputChannel.appendLine(vscode.l10n.t('The digest language setting changed; restarting the digest server.'));
      await lc.restartServer();
    }),
    // Runs the server's source.fixAll.digest action on the active editor, as a save with codeActionsOnSave would.
    vscode.commands.registerCommand(Command.fixAll, () =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_CODE_ACTION_KIND, apply: 'first' }),
    ),
  );
  const papers = registerPapersView(context, () => client);
  const api: DigestExtensionApi = {
    extendMarkdownIt: (md) => extendMarkdownIt(md, (src) => files.hasText(src)),
    papers,
    outputTail: () => outputChannel.tail(),
  };
  try {
    await lc.start();
    context.subscriptions.push(listenForPaperChanges(lc, papers));
    papers.refresh();
  } catch (err) {
    // The plugin must still be returned, or the built-in outline would duplicate papers.
    outputChannel.appendLine(vscode.l10n.t('The digest server failed to start: {0}', String(err)));
  }
  return api;
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc?.isRunning()) await lc.stop();
}

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): DigestLanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    synchronize: { configurationSection: CONFIG_SECTION },
    initializationOptions: localeInitializationOptions,
    outputChannel,
    middleware: {
      // Quick fixes that insert text to fill in put the cursor there.
      provideCodeActions: async (document, range, context, token, next) => withSnippetEdits(await next(document, range, context, token)),
    },
  };
  return new DigestLanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
