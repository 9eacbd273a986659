// The index holds thousands of listings: each must share one hidden class.
// A listing built by spreading a rest object got a class of its own, about
// 0.5 KB per paper (2 MB of heap on the real corpus). V8's %HaveSameMap needs
// --allow-natives-syntax, so the probe runs in a child process.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const PROBE = fileURLToPath(new URL('../helpers/listingShapeProbe.cjs', import.meta.url));
const CORE = fileURLToPath(new URL('../../server/src/core/index.ts', import.meta.url));

test('every listing of the workspace index shares one hidden class', () => {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', PROBE, CORE], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { listings, shapes } = JSON.parse(r.stdout) as { listings: number; shapes: number };
  assert.equal(listings, 160);
  assert.equal(shapes, 1);
});
