// Starts `node server/out/server.js --stdio` for the benchmarks and drives it
// as an editor does: initialize, open, change, requests, shutdown.

import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const SERVER = new URL('../server/out/server.js', import.meta.url).pathname;

export async function startServer(nodeArgs = [], env = {}) {
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w(p);
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve));
  return {
    conn,
    child,
    async open(uri, text, version = 1) {
      const pending = diagnosticsFor(uri, version);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      return pending;
    },
    async change(uri, version, contentChanges) {
      const pending = diagnosticsFor(uri, version);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      return pending;
    },
    async close(uri) {
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    /** RSS and heap after a forced GC; needs startServer(['--expose-gc'], { DIGEST_BENCH: '1' }). */
    memory() {
      return conn.sendRequest('digest/benchMemory');
    },
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      child.kill();
    },
  };
}
