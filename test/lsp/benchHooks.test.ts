// The bench's memory request exists only when the server runs with
// DIGEST_BENCH=1: an editor's server never answers it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BENCH_ENV, MEMORY_REQUEST } from '../../server/src/lsp/benchHooks';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

interface SpaceReading {
  readonly size: number;
  readonly used: number;
}
interface MemoryReading {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly spaces: Record<string, SpaceReading>;
  readonly newSpace: number;
  readonly gcExposed: boolean;
}

const METHOD_NOT_FOUND = -32601;

/** Starts a server with `BENCH_ENV` set to `value` (or unset), initialized. */
async function started(value: string | undefined): Promise<LspClient> {
  ensureServerBuilt();
  const saved = process.env[BENCH_ENV];
  if (value === undefined) delete process.env[BENCH_ENV];
  else process.env[BENCH_ENV] = value;
  try {
    const client = LspClient.start();
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await client.notify('initialized', {});
    return client;
  } finally {
    if (saved === undefined) delete process.env[BENCH_ENV];
    else process.env[BENCH_ENV] = saved;
  }
}

test('with DIGEST_BENCH=1 the memory request answers with the process and V8 space figures', { timeout: 60_000 }, async () => {
  const client = await started('1');
  try {
    const m = await client.request<MemoryReading>(MEMORY_REQUEST, null);
    assert.ok(m.rss > m.heapUsed && m.heapUsed > 0, JSON.stringify(m));
    assert.ok(m.heapTotal > m.heapUsed, 'V8 keeps some of its heap free');
    assert.ok(m.external > 0 && m.arrayBuffers >= 0);
    const old = m.spaces['old_space'];
    assert.ok(old && old.size >= old.used && old.used > 0, JSON.stringify(m.spaces));
    assert.ok(m.newSpace > 0);
    assert.equal(m.newSpace, m.spaces['new_space']?.size);
    // Started without --expose-gc, as a test spawns it: the reading says so.
    assert.equal(m.gcExposed, false);
  } finally {
    await client.kill();
  }
});

for (const value of [undefined, '0', 'true']) {
  test(`with DIGEST_BENCH ${value === undefined ? 'unset' : `="${value}"`} the request is unknown`, { timeout: 60_000 }, async () => {
    const client = await started(value);
    try {
      await assert.rejects(client.request(MEMORY_REQUEST, null), (err: { code?: number }) => err.code === METHOD_NOT_FOUND);
      // The server is still there.
      assert.ok(client.alive);
    } finally {
      await client.kill();
    }
  });
}
