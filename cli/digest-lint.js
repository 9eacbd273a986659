#!/usr/bin/env node
// The digest-lint command. The implementation is bundled by `npm run build`
// into server/out/cli.js (source: server/src/cli.ts).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'server', 'out', 'cli.js');
if (!existsSync(bundle)) {
  process.stderr.write('digest-lint: server/out/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(bundle);
