// Bundles the client, the server and the in-editor suite with esbuild.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry requires its files dynamically; its ESM build bundles.
  mainFields: ['module', 'main'],
};

const targets = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  {
    entryPoints: ['test/vscode/suite/index.ts'],
    outfile: 'test/vscode/out/suite/index.js',
    // mocha's parallel mode is never used; its files need not be bundled.
    external: ['vscode', './reporters/parallel-buffered', './worker.js'],
  },
].filter((t) => existsSync(t.entryPoints[0]));

await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
console.log(`built ${targets.map((t) => t.outfile).join(', ')}`);
