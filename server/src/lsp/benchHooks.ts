// A request the benchmark uses to read the server's memory after a forced GC.
// Registered only when the server runs with DIGEST_BENCH=1 (and --expose-gc).

import { getHeapSpaceStatistics } from 'node:v8';
import type { Connection } from 'vscode-languageserver/node';

export const BENCH_ENV = 'DIGEST_BENCH';
export const MEMORY_REQUEST = 'digest/benchMemory';

export function registerBenchHooks(connection: Connection): void {
  if (process.env[BENCH_ENV] !== '1') return;
  connection.onRequest(MEMORY_REQUEST, () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    // Per V8 space, to tell retained objects (used) from pages V8 keeps (size).
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
    return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, spaces, newSpace: spaces['new_space']?.size ?? 0, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' };
  });
}
