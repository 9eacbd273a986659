// A byte-level LSP client for framing tests: it writes whatever bytes a test
// gives it, and parses the server's (well-formed) output itself.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { REPO_ROOT, SERVER_JS } from './paths';
import { TIMEOUT_MS, withTimeout } from './lspClient';
import { childCommand, KILL_SIGNAL, track } from './stryker';

export interface WireMessage {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class RawLspClient {
  readonly received: WireMessage[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  private buffer = Buffer.alloc(0);
  private readonly listeners: (() => void)[] = [];
  private readonly exited: Promise<number | null>;
  private nextId = 1;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      this.exitCode = code;
      resolve(code);
      this.notify();
    }));
    child.stderr.on('data', (c: Buffer) => {
      this.stderr += c.toString();
      this.notify();
    });
    child.stdout.on('data', (c: Buffer) => this.onData(c));
    child.stdin.on('error', () => undefined);
  }

  static start(): RawLspClient {
    const command = childCommand(SERVER_JS);
    const child = spawn(process.execPath, [...command.args, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...command.env } });
    track(child, command);
    return new RawLspClient(child);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.toString('ascii', 0, end))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.toString('utf8', end + 4, end + 4 + length)) as WireMessage;
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.method === 'workspace/configuration' && message.id !== undefined) this.send({ jsonrpc: '2.0', id: message.id, result: [{}] });
      else if (message.method === 'client/registerCapability' && message.id !== undefined) this.send({ jsonrpc: '2.0', id: message.id, result: null });
      this.received.push(message);
      this.notify();
    }
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves with the first received message (from `since`) that `accept` takes. */
  waitFor(accept: (m: WireMessage) => boolean, what: string, since = 0, ms = TIMEOUT_MS): Promise<WireMessage> {
    return this.until(() => this.received.slice(since).find(accept), what, ms);
  }

  /**
   * Resolves with stderr once it matches `pattern`. stderr and stdout are two
   * pipes: a log written before a response may still arrive after it.
   */
  waitForStderr(pattern: RegExp, ms = TIMEOUT_MS): Promise<string> {
    return this.until(() => (pattern.test(this.stderr) ? this.stderr : undefined), `stderr to match ${pattern}`, ms);
  }

  /** Resolves with the first defined value of `read`, checked on every output of the server. */
  private until<T>(read: () => T | undefined, what: string, ms: number): Promise<T> {
    return withTimeout(new Promise((resolve) => {
      const check = (): void => {
        const value = read();
        if (value !== undefined) {
          this.listeners.splice(this.listeners.indexOf(check), 1);
          resolve(value);
        }
      };
      this.listeners.push(check);
      check();
    }), ms, what);
  }

  writeRaw(bytes: Buffer | string): void {
    this.child.stdin.write(bytes);
  }

  send(message: unknown): void {
    this.writeRaw(frame(message));
  }

  /** Sends a request and resolves with its response (result or error). */
  request(method: string, params: unknown): Promise<WireMessage> {
    const id = this.nextId++;
    const since = this.received.length;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined, `the response to ${method}`, since);
  }

  notifyServer(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(): Promise<void> {
    const r = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    if (r.error) throw new Error(`initialize failed: ${r.error.message}`);
    this.notifyServer('initialized', {});
  }

  waitForExit(ms = TIMEOUT_MS): Promise<number | null> {
    return withTimeout(this.exited, ms, 'the server to exit');
  }

  async kill(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill(KILL_SIGNAL);
    await withTimeout(this.exited, 5_000, 'the killed server to exit').catch(() => this.child.kill('SIGKILL'));
    await this.exited;
  }
}
