// The LSP lifecycle, enforced before messages reach the handlers, so every
// request gets the spec's answer whatever its method: before `initialize`,
// ServerNotInitialized; a second `initialize`, InvalidRequest; after
// `shutdown`, InvalidRequest. Notifications out of turn are dropped, except
// `exit`. vscode-languageserver answers none of these cases itself.

import {
  AbstractMessageReader,
  Disposable,
  ErrorCodes,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
} from 'vscode-languageserver/node';

export const METHOD_INITIALIZE = 'initialize';
export const METHOD_SHUTDOWN = 'shutdown';
export const METHOD_EXIT = 'exit';

export type LifecycleState = 'uninitialized' | 'running' | 'shutdown';

interface Incoming {
  readonly id?: unknown;
  readonly method?: unknown;
}

export class LifecycleGate extends AbstractMessageReader {
  state: LifecycleState = 'uninitialized';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly report: (problem: string) => void,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((p) => this.firePartialMessage(p));
  }

  get isShutDown(): boolean {
    return this.state === 'shutdown';
  }

  listen(callback: DataCallback): Disposable {
    const sub = this.inner.listen((message: Message) => {
      if (this.admit(message as Incoming)) callback(message);
    });
    return Disposable.create(() => sub.dispose());
  }

  /** Whether a message goes on to the handlers; answers or drops it otherwise. */
  private admit(message: Incoming): boolean {
    const method = typeof message.method === 'string' ? message.method : undefined;
    if (method === undefined) return true; // a response to one of our requests
    const isRequest = message.id !== undefined && message.id !== null;
    if (method === METHOD_EXIT) return true;
    switch (this.state) {
      case 'uninitialized':
        if (method === METHOD_INITIALIZE && isRequest) {
          this.state = 'running';
          return true;
        }
        return this.refuse(message, isRequest, ErrorCodes.ServerNotInitialized, `The server is not initialized; ${method} was ignored.`);
      case 'running':
        if (method === METHOD_INITIALIZE) return this.refuse(message, isRequest, ErrorCodes.InvalidRequest, 'The server is already initialized; a second initialize is an error.');
        if (method === METHOD_SHUTDOWN && isRequest) this.state = 'shutdown';
        return true;
      case 'shutdown':
        return this.refuse(message, isRequest, ErrorCodes.InvalidRequest, `The server is shut down; ${method} was refused. Only exit is accepted.`);
    }
  }

  private refuse(message: Incoming, isRequest: boolean, code: number, text: string): boolean {
    this.report(text);
    if (isRequest) {
      void this.writer.write({ jsonrpc: '2.0', id: (message as RequestMessage).id, error: { code, message: text } } as Message);
    }
    return false;
  }
}
