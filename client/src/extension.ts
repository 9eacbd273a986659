// Starts the digest language server for Markdown files and hands the built-in
// Markdown extension a markdown-it plugin (see markdownOutline.ts).

import * as vscode from 'vscode';
import { TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DigestLanguageClient } from './digestClient';
import { RecordingOutputChannel } from './outputLog';
import { CLIENT_ID, CLIENT_NAME, Command, CONFIG_SECTION, DOCUMENT_SELECTOR, OUTPUT_CHANNEL_NAME, SERVER_MODULE } from './constants';
import { DigestFilesTracker } from './digestFiles';
import { extendMarkdownIt, type MarkdownIt } from './markdownOutline';

/** What `activate` returns: the hook the built-in Markdown extension calls. */
export interface DigestExtensionApi {
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
  /** The last lines of the extension's output channel, oldest first. */
  outputTail(): string[];
}

let client: DigestLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DigestExtensionApi> {
  const files = new DigestFilesTracker();
  context.subscriptions.push(files);
  const outputChannel = new RecordingOutputChannel(vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME));
  const api: DigestExtensionApi = {
    extendMarkdownIt: (md) => extendMarkdownIt(md, (src) => files.hasText(src)),
    outputTail: () => outputChannel.tail(),
  };

  context.subscriptions.push(outputChannel);
  const lc = createClient(context, outputChannel);
  client = lc;
  context.subscriptions.push(
    vscode.commands.registerCommand(Command.restartServer, async () => {
      outputChannel.appendLine(vscode.l10n.t('Restarting the digest server.'));
      await lc.restartServer();
    }),
  );
  try {
    await lc.start();
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
    outputChannel,
  };
  return new DigestLanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
