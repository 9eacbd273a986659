// The transport VS Code uses: the client starts the server with --node-ipc
// (TransportKind.ipc) and talks over Node's IPC channel. The same lifecycle
// gate applies as over stdio, and a digest gets its diagnostics.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { digestText } from '../helpers/digest';
import { ensureServerBuilt, withTimeout } from '../helpers/lspClient';
import { REPO_ROOT, SERVER_JS } from '../helpers/paths';
import { childCommand, KILL_SIGNAL, track } from '../helpers/stryker';

const SERVER_NOT_INITIALIZED = -32002;
const URI = 'file:///ipc/digest.md';

test('over --node-ipc: refused before initialize, then initialize, diagnostics, shutdown and exit 0', { timeout: 60_000 }, async () => {
  ensureServerBuilt();
  const command = childCommand(SERVER_JS);
  const child = spawn(process.execPath, [...command.args, '--node-ipc'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...command.env } });
  track(child, command);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
  connection.onRequest('workspace/configuration', () => [null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onError(() => undefined);
  connection.listen();
  try {
    await assert.rejects(
      withTimeout(connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }), 20_000, 'the refusal'),
      (err: { code?: number }) => err.code === SERVER_NOT_INITIALIZED,
    );
    const init = await withTimeout(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 20_000, 'initialize') as { capabilities: { hoverProvider?: unknown } };
    assert.ok(init.capabilities.hoverProvider);
    await connection.sendNotification('initialized', {});
    const text = digestText('2025-01-23', [{ id: '2501.12948', url: 'https://arxiv.org/abs/2501.1a948' }]);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
    const diagnostics = await withTimeout(
      (async () => {
        for (;;) {
          const p = published.find((x) => x.uri === URI && x.version === 1);
          if (p) return p;
          await new Promise((r) => setTimeout(r, 20));
        }
      })(),
      20_000,
      'diagnostics over IPC',
    );
    assert.deepEqual(diagnostics.diagnostics.map((d) => d.code), ['malformed-arxiv-link']);
    await withTimeout(connection.sendRequest('shutdown', null), 20_000, 'shutdown');
    await connection.sendNotification('exit', null);
    assert.equal(await withTimeout(exited, 20_000, 'the exit'), 0);
    // The refused request is reported on stderr, as over stdio; nothing else is.
    assert.equal(stderr, '[digest] The server is not initialized; textDocument/documentSymbol was ignored.\n');
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill(KILL_SIGNAL);
  }
});
