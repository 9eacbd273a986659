// Cancellation (issue 8, defect 5): a request cancelled right after it was
// sent answers RequestCancelled instead of computing its full result.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bigDigest } from '../helpers/digest';
import { ensureServerBuilt } from '../helpers/lspClient';
import { frame, RawLspClient, type WireMessage } from '../helpers/rawLsp';

const REQUEST_CANCELLED = -32800;
const URI = 'file:///cancel/digest.md';

before(() => ensureServerBuilt());

describe('cancellation', { timeout: 120_000 }, () => {
  let client: RawLspClient;
  let id = 1000;
  before(async () => {
    client = RawLspClient.start();
    await client.initialize();
    const since = client.received.length;
    client.notifyServer('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: bigDigest(500) } });
    await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 'diagnostics on open', since);
  });
  after(async () => client.kill());

  /** Sends a request and its cancellation in one write, so the server sees both before it works. */
  const requestThenCancel = (method: string, params: unknown): Promise<WireMessage> => {
    const requestId = id++;
    const since = client.received.length;
    client.writeRaw(Buffer.concat([
      frame({ jsonrpc: '2.0', id: requestId, method, params }),
      frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: requestId } }),
    ]));
    return client.waitFor((m) => m.id === requestId, `the answer to ${method}`, since);
  };
  const doc = { textDocument: { uri: URI } };
  const cases: [string, unknown][] = [
    ['textDocument/documentSymbol', doc],
    ['textDocument/foldingRange', doc],
    ['textDocument/hover', { ...doc, position: { line: 2, character: 5 } }],
    ['textDocument/codeAction', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
  ];
  for (const [method, params] of cases) {
    test(`${method} cancelled at once answers RequestCancelled`, async () => {
      const answer = await requestThenCancel(method, params);
      assert.equal(answer.error?.code, REQUEST_CANCELLED, JSON.stringify(answer).slice(0, 200));
    });
  }

  test('the same request, not cancelled, gets its result', async () => {
    const answer = await client.request('textDocument/documentSymbol', doc);
    assert.equal((answer.result as unknown[]).length, 1);
  });

  test('a newer version aborts the validation of an older one: only the newest is published', async () => {
    const since = client.received.length;
    const edit = (version: number): Buffer => frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: 'x' }] } });
    client.writeRaw(Buffer.concat([edit(2), edit(3), edit(4)]));
    await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version: number }).version === 4, 'diagnostics of v4', since);
    const versions = client.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => (m.params as { version: number }).version);
    assert.deepEqual(versions, [4]);
  });
});
