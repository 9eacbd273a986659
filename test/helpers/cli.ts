// Runs the built digest-lint bin on temp trees, as a user or CI would.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureServerBuilt } from './lspClient';
import { REPO_ROOT } from './paths';
import { childCommand } from './stryker';

export const CLI_BIN = join(REPO_ROOT, 'cli', 'digest-lint.js');
export const CLI_BUNDLE = join(REPO_ROOT, 'server', 'out', 'cli.js');

export function ensureCliBuilt(): void {
  ensureServerBuilt();
  const server = join(REPO_ROOT, 'server', 'out', 'server.js');
  if (!existsSync(CLI_BUNDLE) || statSync(CLI_BUNDLE).mtimeMs < statSync(server).mtimeMs - 5000) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const command = childCommand(CLI_BIN);
  const r = spawnSync(process.execPath, [...command.args, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    // A json report of the whole corpus, related places included, is over spawnSync's default 1 MB.
    maxBuffer: 64 * 1024 * 1024,
    // An English environment unless a test says otherwise: the text report follows LC_ALL and LANG.
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', LC_ALL: '', LANG: 'C.UTF-8', ...env, ...command.env },
  });
  command.collect();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder with these files (path → text or bytes); removed by `dispose`. */
export function tempTree(files: Record<string, string | Buffer>): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'digest-lint-'));
  // A .git folder bounds the config search, as a repository does.
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
