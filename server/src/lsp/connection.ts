// Creates the server's connection. Over stdio and IPC, messages pass through
// a reader that survives bad framing (framing.ts) and a gate that enforces
// the LSP lifecycle (lifecycle.ts); problems go to stderr and, once the
// connection exists, to the client's log.

import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { FramedMessageReader } from './framing';
import { LifecycleGate } from './lifecycle';

export const ARG_STDIO = '--stdio';
export const ARG_NODE_IPC = '--node-ipc';
/** Exit codes: the client restarts a server that exits non-zero without a shutdown. */
const EXIT_CLEAN = 0;
const EXIT_UNEXPECTED = 1;

export interface DigestConnection {
  readonly connection: Connection;
  /** Undefined only for transports this module does not wrap (sockets, pipes). */
  readonly gate: LifecycleGate | undefined;
}

export function createDigestConnection(argv: readonly string[] = process.argv.slice(2)): DigestConnection {
  let toClient: ((problem: string) => void) | undefined;
  const report = (problem: string): void => {
    process.stderr.write(`[digest] ${problem}\n`);
    toClient?.(problem);
  };
  let gate: LifecycleGate | undefined;
  let connection: Connection;
  if (argv.includes(ARG_STDIO)) {
    const writer = new StreamMessageWriter(process.stdout);
    gate = new LifecycleGate(new FramedMessageReader(process.stdin, report), writer, report);
    connection = createConnection(ProposedFeatures.all, gate, writer);
    // With its own reader, vscode-languageserver no longer exits when stdin ends.
    const lifecycle = gate;
    const onEnd = (): void => process.exit(lifecycle.isShutDown ? EXIT_CLEAN : EXIT_UNEXPECTED);
    process.stdin.on('end', onEnd);
    process.stdin.on('close', onEnd);
  } else if (argv.includes(ARG_NODE_IPC)) {
    const writer = new IPCMessageWriter(process);
    gate = new LifecycleGate(new IPCMessageReader(process), writer, report);
    connection = createConnection(ProposedFeatures.all, gate, writer);
  } else {
    connection = createConnection(ProposedFeatures.all);
  }
  const client = connection;
  toClient = (problem) => {
    if (gate?.state === 'running') client.console.error(problem);
  };
  return { connection, gate };
}
