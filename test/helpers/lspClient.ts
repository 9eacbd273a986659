// A minimal LSP client that drives `node server/out/server.js --stdio` the way
// an editor does. Every wait has a timeout, so a hung server fails a test
// instead of blocking the run.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ConfigurationParams,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, SERVER_JS } from './paths';
import { childCommand, KILL_SIGNAL, track } from './stryker';

export const TIMEOUT_MS = 20_000;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

/** Builds the server bundle when it is missing or older than its sources. */
/** Polls `probe` until it gives a value, failing after TIMEOUT_MS. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function ensureServerBuilt(): void {
  const stale = !existsSync(SERVER_JS) || statSync(SERVER_JS).mtimeMs < newestMtime(join(REPO_ROOT, 'server', 'src'));
  if (!stale) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !existsSync(SERVER_JS)) {
    throw new Error(`building the server failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

interface Waiter {
  readonly uri: string;
  readonly accept: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly logs: LogMessageParams[] = [];
  stderr = '';
  /** What the client answers to workspace/configuration for section "digest". */
  digestSettings: unknown = {};
  private readonly waiters: Waiter[] = [];
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      this.exitCode = code;
      resolve(code);
    }));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logs.push(p);
    });
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      this.configurationRequests.push(p);
      return p.items.map((item) => (item.section === 'digest' ? this.digestSettings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    // Errors on a closed stream are expected once the server exits.
    connection.onError(() => undefined);
    connection.onClose(() => undefined);
    connection.listen();
  }

  /** `args` go after `--stdio`, as an editor's server command line would carry them. */
  static start(args: readonly string[] = []): LspClient {
    const command = childCommand(SERVER_JS);
    const child = spawn(process.execPath, [...command.args, '--stdio', ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...command.env } });
    track(child, command);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return new LspClient(child, connection);
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  request<R>(method: string, params: unknown, ms = TIMEOUT_MS): Promise<R> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<R>, ms, `the answer to ${method}`);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * Resolves with the first diagnostics for `uri` that `accept` takes, received
   * after the `since`-th notification (by default: from now on). Call it before
   * sending what triggers them.
   */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, ms = TIMEOUT_MS, since = this.published.length): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(since).find((p) => p.uri === uri && accept(p));
    if (seen) return Promise.resolve(seen);
    return withTimeout(new Promise((resolve) => this.waiters.push({ uri, accept, resolve })), ms, `publishDiagnostics for ${uri}`);
  }

  /** Diagnostics for one document version. */
  diagnosticsFor(uri: string, version: number, ms = TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version, ms);
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const next = this.diagnosticsFor(uri, version);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return next;
  }

  waitForExit(ms = TIMEOUT_MS): Promise<number | null> {
    return withTimeout(this.exited, ms, 'the server process to exit');
  }

  /** Ends the process whatever state it is in. */
  async kill(): Promise<void> {
    this.connection.dispose();
    if (!this.alive) return;
    this.child.kill(KILL_SIGNAL);
    await withTimeout(this.exited, 5_000, 'the killed server to exit').catch(() => this.child.kill('SIGKILL'));
  }
}
