// Cancellation helpers in-process: a newer validation cancels the older one,
// and a cancelled request answers RequestCancelled.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { throwIfCancelled, ValidationTokens, yieldToEventLoop } from '../../server/src/lsp/cancellation';

test('next() cancels the previous token of the same document only', () => {
  const tokens = new ValidationTokens();
  const a1 = tokens.next('a');
  const b1 = tokens.next('b');
  assert.equal(a1.isCancellationRequested, false);
  const a2 = tokens.next('a');
  assert.equal(a1.isCancellationRequested, true);
  assert.equal(a2.isCancellationRequested, false);
  assert.equal(b1.isCancellationRequested, false);
});

test('cancel() cancels the current token; an unknown or second cancel does nothing', () => {
  const tokens = new ValidationTokens();
  const a = tokens.next('a');
  tokens.cancel('nothing');
  assert.equal(a.isCancellationRequested, false);
  tokens.cancel('a');
  assert.equal(a.isCancellationRequested, true);
  tokens.cancel('a');
  // After a cancel, the next token starts fresh.
  assert.equal(tokens.next('a').isCancellationRequested, false);
});

test('throwIfCancelled throws RequestCancelled only for a cancelled token', () => {
  const source = new CancellationTokenSource();
  throwIfCancelled(source.token);
  source.cancel();
  assert.throws(
    () => throwIfCancelled(source.token),
    (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled && err.message === 'The request was cancelled.',
  );
});

test('yieldToEventLoop lets queued I/O callbacks run first', async () => {
  const order: string[] = [];
  setImmediate(() => order.push('queued'));
  await yieldToEventLoop();
  order.push('after');
  assert.deepEqual(order, ['queued', 'after']);
});
