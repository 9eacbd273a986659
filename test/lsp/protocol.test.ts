// Protocol robustness (issue 8, defect 6) against the bundled server over
// stdio: bad framing, lifecycle abuse, malformed and repeated document sync.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/core';
import { digestText, doc } from '../helpers/digest';
import { ensureServerBuilt, TIMEOUT_MS } from '../helpers/lspClient';
import { RawLspClient, frame, type WireMessage } from '../helpers/rawLsp';

const SLOW = { timeout: 120_000 };
const URI = 'file:///protocol/digest.md';
const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;

interface Published {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: { readonly code?: unknown; readonly range: unknown; readonly message: string }[];
}

const isPublish = (uri: string, version?: number) => (m: WireMessage): boolean =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as Published).uri === uri && (version === undefined || (m.params as Published).version === version);

function expected(text: string): { code: string; range: unknown; message: string }[] {
  return (createLanguageService().computeDiagnostics(doc(text, URI)) ?? []).map((i) => ({ code: i.rule, range: i.range, message: i.message }));
}

function actual(m: WireMessage): { code: string; range: unknown; message: string }[] {
  return (m.params as Published).diagnostics.map((d) => ({ code: String(d.code), range: d.range, message: d.message }));
}

const CLEAN = digestText('2025-01-23', [{ id: '2501.12948' }]);
const BROKEN = digestText('2025-01-23', [{ id: '2501.12948', url: 'https://arxiv.org/abs/2501.1a948', vote: null }]);

before(() => ensureServerBuilt());

describe('framing: the server logs bad frames and keeps answering', SLOW, () => {
  const body = (id: number): Buffer => Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///none.md' } } }));
  const cases: [string, (id: number) => Buffer][] = [
    ['Content-Length: abc', (id) => Buffer.concat([Buffer.from('Content-Length: abc\r\n\r\n'), body(id)])],
    ['Content-Length: -5', (id) => Buffer.concat([Buffer.from('Content-Length: -5\r\n\r\n'), body(id)])],
    ['Content-Length: 1e9', (id) => Buffer.concat([Buffer.from('Content-Length: 1e9\r\n\r\n'), body(id)])],
    ['Content-Length: 999999999999', (id) => Buffer.concat([Buffer.from('Content-Length: 999999999999\r\n\r\n'), body(id)])],
    ['no Content-Length', (id) => Buffer.concat([Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'), body(id)])],
    ['a body shorter than announced', (id) => Buffer.concat([Buffer.from(`Content-Length: ${body(id).length + 500}\r\n\r\n`), body(id)])],
    ['garbage bytes', () => Buffer.from('hello there\r\n\r\n{}{}\u0000\u0001')],
    ['a body that is not JSON', () => Buffer.from('Content-Length: 5\r\n\r\n{{{{{')],
  ];
  for (const [name, bad] of cases) {
    test(`${name}: logged, and the next request is answered`, async () => {
      const client = RawLspClient.start();
      try {
        await client.initialize();
        client.writeRaw(bad(100));
        const answer = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///none.md' } });
        assert.deepEqual(answer.result, []);
        assert.match(await client.waitForStderr(/\[digest\] /), /\[digest\] /);
        assert.equal(client.exitCode, undefined, 'still running');
      } finally {
        await client.kill();
      }
    });
  }

  test('headers ending in \\n only are read', async () => {
    const client = RawLspClient.start();
    try {
      await client.initialize();
      const b = body(7);
      client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\n\n`), b]));
      const answer = await client.waitFor((m) => m.id === 7, 'the answer to a \\n-framed request');
      assert.deepEqual(answer.result, []);
    } finally {
      await client.kill();
    }
  });

  test('a message split byte by byte is read', async () => {
    const client = RawLspClient.start();
    try {
      await client.initialize();
      const bytes = frame({ jsonrpc: '2.0', id: 9, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///ünïcode.md' } } });
      for (const byte of bytes) client.writeRaw(Buffer.from([byte]));
      assert.deepEqual((await client.waitFor((m) => m.id === 9, 'the answer')).result, []);
      assert.equal(client.stderr, '');
    } finally {
      await client.kill();
    }
  });

  test('stdin closing without shutdown exits non-zero', async () => {
    const client = RawLspClient.start();
    await client.initialize();
    client.child.stdin.end();
    assert.equal(await client.waitForExit(), 1);
  });
});

describe('lifecycle', SLOW, () => {
  let client: RawLspClient;
  before(async () => {
    client = RawLspClient.start();
  });
  after(async () => client.kill());

  test('a request before initialize is refused with ServerNotInitialized', async () => {
    const r = await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.equal(r.error?.code, SERVER_NOT_INITIALIZED);
  });

  test('a second initialize is an error', async () => {
    await client.initialize();
    const r = await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.equal(r.error?.code, INVALID_REQUEST);
  });

  test('after shutdown: requests get InvalidRequest, nothing is published, exit is 0', async () => {
    const since = client.received.length;
    const shut = await client.request('shutdown', null);
    assert.equal(shut.error, undefined);
    client.notifyServer('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: BROKEN } });
    const r = await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.equal(r.error?.code, INVALID_REQUEST);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.equal(hover.error?.code, INVALID_REQUEST);
    client.notifyServer('exit', null);
    assert.equal(await client.waitForExit(), 0);
    assert.equal(client.received.slice(since).filter(isPublish(URI)).length, 0);
  });

  test('exit without shutdown exits non-zero', async () => {
    const other = RawLspClient.start();
    await other.initialize();
    other.notifyServer('exit', null);
    assert.equal(await other.waitForExit(), 1);
  });
});

describe('document sync', SLOW, () => {
  let client: RawLspClient;
  before(async () => {
    client = RawLspClient.start();
    await client.initialize();
  });
  after(async () => client.kill());

  const open = (uri: string, text: string, version: number): Promise<WireMessage> => {
    const since = client.received.length;
    client.notifyServer('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return client.waitFor(isPublish(uri, version), `diagnostics of ${uri} v${version}`, since);
  };
  const change = (uri: string, version: number, contentChanges: unknown[]): Promise<WireMessage> => {
    const since = client.received.length;
    client.notifyServer('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return client.waitFor(isPublish(uri, version), `diagnostics of ${uri} v${version}`, since);
  };

  test('a second didOpen at the same version, without a close, is a fresh open', async () => {
    const uri = 'file:///protocol/reopen.md';
    assert.deepEqual(actual(await open(uri, CLEAN, 1)), []);
    assert.deepEqual(actual(await open(uri, BROKEN, 1)), expected(BROKEN));
    assert.ok(expected(BROKEN).length > 0);
  });

  for (const [name, bad] of [['no text', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], ['text: null', { text: null }], ['text: 42', { text: 42 }], ['a malformed range', { range: { start: { line: -1 } }, text: 'x' }]] as const) {
    test(`a didChange with ${name} is rejected with a logged error; a full-text change recovers`, async () => {
      const uri = `file:///protocol/bad-change-${name.replace(/\W+/g, '-')}.md`;
      await open(uri, BROKEN, 1);
      const since = client.received.length;
      client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [bad] });
      const log = await client.waitFor((m) => m.method === 'window/logMessage' && /Rejected a change/.test((m.params as { message: string }).message), 'a logged rejection', since);
      assert.equal((log.params as { type: number }).type, 1, 'an error');
      // An incremental change on top of the unknown text is not applied either.
      client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
      assert.deepEqual(actual(await change(uri, 4, [{ text: CLEAN }])), []);
      assert.deepEqual(actual(await change(uri, 5, [{ text: BROKEN }])), expected(BROKEN));
      assert.equal(client.received.slice(since).filter((m) => isPublish(uri, 2)(m) || isPublish(uri, 3)(m)).length, 0, 'nothing published for the out-of-sync versions');
    });
  }

  test('a re-open recovers a document whose change was rejected', async () => {
    const uri = 'file:///protocol/bad-then-reopen.md';
    await open(uri, CLEAN, 1);
    client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: null }] });
    assert.deepEqual(actual(await open(uri, BROKEN, 3)), expected(BROKEN));
  });

  test('a didChange that keeps the version is still validated', async () => {
    const uri = 'file:///protocol/same-version.md';
    assert.deepEqual(actual(await open(uri, CLEAN, 1)), []);
    assert.deepEqual(actual(await change(uri, 1, [{ text: BROKEN }])), expected(BROKEN));
  });

  test('a lone \\r is a line break: an edit after it lands where the editor put it', async () => {
    const uri = 'file:///protocol/lone-cr.md';
    const text = CLEAN.replace('Vote: 12\n', 'Vote: 12\r');
    const editor = TextDocument.create(uri, 'markdown', 1, text);
    await open(uri, text, 1);
    // Break the Authors line, which comes after the lone \r.
    const line = editor.getText().split(/\r\n|\r|\n/).findIndex((l) => l.startsWith('Authors:'));
    const edit = { range: { start: { line, character: 0 }, end: { line, character: 'Authors'.length } }, text: 'Writers' };
    TextDocument.update(editor, [edit], 2);
    const published = await change(uri, 2, [edit]);
    assert.deepEqual(actual(published), expected(editor.getText()));
    assert.ok(actual(published).some((d) => d.code === 'missing-authors'));
  });

  test('a CRLF file: an unclosed label and its quick fix end before the \\r', async () => {
    const uri = 'file:///protocol/crlf.md';
    const text = digestText('2025-01-23', [{ id: '2501.12948', sections: ["***What's New\n  more", '***Technical Details***: b', '***Performance Highlights***: c'] }]).replace(/\n/g, '\r\n');
    const published = await open(uri, text, 1);
    const lines = text.split('\r\n');
    const all = (published.params as Published).diagnostics as unknown as { range: { end: { line: number; character: number } }; data?: { fix?: { edits: { range: { end: { line: number; character: number } } }[] } } }[];
    assert.ok(all.length > 0);
    for (const d of all) {
      assert.ok(d.range.end.character <= lines[d.range.end.line]!.length, JSON.stringify(d.range));
      for (const e of d.data?.fix?.edits ?? []) assert.ok(e.range.end.character <= lines[e.range.end.line]!.length, JSON.stringify(e.range));
    }
  });

  test('10,000 nested list markers in a paper: diagnostics arrive, and the server still answers', async () => {
    const uri = 'file:///protocol/nested.md';
    const text = `${CLEAN}\n${'- '.repeat(10_000)}x\n`;
    const published = await open(uri, text, 1);
    assert.deepEqual(actual(published), expected(text));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols.result));
  });
});

void TIMEOUT_MS;
