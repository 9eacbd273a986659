// Cancellation for requests and validations. A handler runs synchronously
// once it starts, so `$/cancelRequest` and newer versions are only seen at an
// await: handlers yield to the event loop before their work and check the
// token on both sides of it; a cancelled request answers RequestCancelled.

import { CancellationTokenSource, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** One token per document's validation; starting a newer one cancels the older. */
export class ValidationTokens {
  private readonly sources = new Map<string, CancellationTokenSource>();

  next(uri: string): CancellationToken {
    this.cancel(uri);
    const source = new CancellationTokenSource();
    this.sources.set(uri, source);
    return source.token;
  }

  cancel(uri: string): void {
    const source = this.sources.get(uri);
    if (!source) return;
    source.cancel();
    source.dispose();
    this.sources.delete(uri);
  }
}
