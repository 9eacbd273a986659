// The lifecycle gate in process, message by message: what reaches the
// handlers, what the client gets back (code and text), and what is logged.
// test/lsp/protocol.test.ts covers the same rules through the bundle; this
// one pins the cases a client sees only as silence (notifications, id null,
// responses) and the events the gate forwards.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AbstractMessageReader, Disposable, Emitter, type DataCallback, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { LifecycleGate } from '../../server/src/lsp/lifecycle';

const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;

/** A reader the test drives by hand. */
class FakeReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  disposed = 0;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return Disposable.create(() => {
      this.disposed++;
      this.callback = undefined;
    });
  }
  send(message: object): void {
    this.callback?.(message as Message);
  }
  error(e: Error): void {
    this.fireError(e);
  }
  close(): void {
    this.fireClose();
  }
  partial(waitingTime: number): void {
    this.firePartialMessage({ messageToken: 1, waitingTime });
  }
}

function gate() {
  const reader = new FakeReader();
  const written: Message[] = [];
  const writer: MessageWriter = {
    onError: new Emitter<[Error, Message | undefined, number | undefined]>().event,
    onClose: new Emitter<void>().event,
    write: async (m: Message) => {
      written.push(m);
    },
    end: () => undefined,
    dispose: () => undefined,
  };
  const reports: string[] = [];
  const g = new LifecycleGate(reader, writer, (p) => reports.push(p));
  const passed: unknown[] = [];
  const sub = g.listen((m) => passed.push(m));
  return { reader, g, written, reports, passed, sub };
}

const hover = (id?: number | null) => ({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method: 'textDocument/hover', params: {} });

describe('before initialize', () => {
  test('a request is answered ServerNotInitialized with its method named, and not handled', () => {
    const t = gate();
    t.reader.send(hover(7));
    assert.deepEqual(t.passed, []);
    assert.deepEqual(t.written, [{ jsonrpc: '2.0', id: 7, error: { code: SERVER_NOT_INITIALIZED, message: 'The server is not initialized; textDocument/hover was ignored.' } }]);
    assert.deepEqual(t.reports, ['The server is not initialized; textDocument/hover was ignored.']);
    assert.equal(t.g.state, 'uninitialized');
  });

  test('a notification, or a "request" with id null, is dropped without an answer', () => {
    const t = gate();
    t.reader.send(hover());
    t.reader.send(hover(null));
    assert.deepEqual(t.passed, []);
    assert.deepEqual(t.written, []);
    assert.equal(t.reports.length, 2);
  });

  test('initialize sent as a notification does not start the server', () => {
    const t = gate();
    t.reader.send({ jsonrpc: '2.0', method: 'initialize', params: {} });
    assert.equal(t.g.state, 'uninitialized');
    assert.deepEqual(t.passed, []);
  });

  test('a response (no method, or a method that is not a string) goes through', () => {
    const t = gate();
    const response = { jsonrpc: '2.0', id: 1, result: null };
    const odd = { jsonrpc: '2.0', id: 2, method: 42 };
    t.reader.send(response);
    t.reader.send(odd);
    assert.deepEqual(t.passed, [response, odd]);
    assert.deepEqual(t.written, []);
    assert.deepEqual(t.reports, []);
  });

  test('exit goes through in any state', () => {
    const t = gate();
    const exit = { jsonrpc: '2.0', method: 'exit' };
    t.reader.send(exit);
    assert.deepEqual(t.passed, [exit]);
  });
});

describe('running and shut down', () => {
  function running() {
    const t = gate();
    t.reader.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    assert.equal(t.g.state, 'running');
    return t;
  }

  test('a second initialize is answered InvalidRequest, and not handled', () => {
    const t = running();
    t.reader.send({ jsonrpc: '2.0', id: 2, method: 'initialize', params: {} });
    assert.equal(t.passed.length, 1);
    assert.deepEqual(t.written, [{ jsonrpc: '2.0', id: 2, error: { code: INVALID_REQUEST, message: 'The server is already initialized; a second initialize is an error.' } }]);
  });

  test('after shutdown, a request is refused with InvalidRequest and a notification dropped', () => {
    const t = running();
    assert.equal(t.g.isShutDown, false);
    t.reader.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    assert.equal(t.g.isShutDown, true);
    assert.equal(t.passed.length, 2);
    t.reader.send(hover(3));
    t.reader.send(hover());
    assert.equal(t.passed.length, 2);
    assert.deepEqual(t.written, [{ jsonrpc: '2.0', id: 3, error: { code: INVALID_REQUEST, message: 'The server is shut down; textDocument/hover was refused. Only exit is accepted.' } }]);
    assert.deepEqual(t.reports, ['The server is shut down; textDocument/hover was refused. Only exit is accepted.', 'The server is shut down; textDocument/hover was refused. Only exit is accepted.']);
  });

  test('shutdown sent as a notification does not shut the server down', () => {
    const t = running();
    t.reader.send({ jsonrpc: '2.0', method: 'shutdown' });
    assert.equal(t.g.isShutDown, false);
    assert.equal(t.g.state, 'running');
  });
});

describe('what the gate forwards from its reader', () => {
  test('errors, close and partial-message events reach the gate\'s listeners', () => {
    const t = gate();
    const seen: string[] = [];
    t.g.onError((e) => seen.push(`error ${e.message}`));
    t.g.onClose(() => seen.push('close'));
    t.g.onPartialMessage((p) => seen.push(`partial ${p.waitingTime}`));
    t.reader.error(new Error('bad'));
    t.reader.partial(5);
    t.reader.close();
    assert.deepEqual(seen, ['error bad', 'partial 5', 'close']);
  });

  test('disposing the gate\'s subscription disposes the reader\'s', () => {
    const t = gate();
    assert.equal(t.reader.disposed, 0);
    t.sub.dispose();
    assert.equal(t.reader.disposed, 1);
    t.reader.send(hover(1));
    assert.deepEqual(t.written, []);
  });
});
