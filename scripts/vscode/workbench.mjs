// Shared library for running the extension inside a real VS Code: VS Code's
// own server (shipped by the code-server npm package, installed by
// install.sh) plus its web workbench, driven by Debian's Chromium through
// playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import util from 'node:util';

export { REPO_ROOT } from './repo-root.mjs';
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = process.env.DIGEST_CHROMIUM_PATH || '/usr/bin/chromium';
export const DEFAULT_VIEWPORT = { width: 1400, height: 900 };

const SERVER_START_TIMEOUT_MS = 60_000;
const CHROMIUM_START_TIMEOUT_MS = 30_000;
const KILL_GRACE_MS = 3_000;
const LOG_TAIL_LINES = 80;
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--remote-debugging-port=0',
];

// User settings for the throwaway profile: nothing phones home, nothing
// pops up over the editor.
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** Folder install.sh puts code-server into; keep in sync with install.sh. */
export function codeServerHome() {
  const base = process.env.DIGEST_VSCODE_HOME || path.join(os.homedir(), '.cache', 'daily-papers-digest');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}`);
}

function serverMainPath() {
  const main = path.join(codeServerHome(), 'node_modules/code-server/lib/vscode/out/server-main.js');
  if (!existsSync(main)) {
    throw new Error(`VS Code server not found at ${main}\nRun: bash scripts/vscode/install.sh`);
  }
  return main;
}

/** Keeps the last lines of a child's output for error messages. */
class LogTail {
  lines = [];
  push(text) {
    for (const line of text.split('\n')) {
      if (line.trim()) this.lines.push(line);
    }
    this.lines.splice(0, Math.max(0, this.lines.length - LOG_TAIL_LINES));
  }
  toString() {
    return this.lines.join('\n');
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForGroupExit(pgid, ms) {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
}

/** SIGTERM the whole process group, SIGKILL whatever is left after a grace period. */
async function killGroup(pgid) {
  if (!pgid || !groupAlive(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  await waitForGroupExit(pgid, KILL_GRACE_MS);
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, 'SIGKILL');
  // Bounded: an unreaped zombie would keep the group "alive" forever.
  await waitForGroupExit(pgid, KILL_GRACE_MS);
}

/**
 * PIDs whose command line names the run folder. Chromium's crash handlers
 * put themselves in process groups of their own, so the group kill misses
 * them; their --database path lies in the run folder (XDG_CONFIG_HOME).
 */
function pidsUsingFolder(folder) {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids = [];
  for (const name of names) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(folder)) pids.push(Number(name));
    } catch {
      // Exited meanwhile, or not ours to read.
    }
  }
  return pids;
}

function killStragglers(folder) {
  for (const pid of pidsUsingFolder(folder)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Spawns a detached child (its own process group) and resolves with the
 * first match of `pattern` in its output.
 */
function spawnAndWaitFor({ name, command, args, env, pattern, timeoutMs, echo }) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const tail = new LogTail();
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`${name} did not start within ${timeoutMs / 1000}s`), timeoutMs);
    function fail(message) {
      clearTimeout(timer);
      reject(new Error(`${message}\n--- ${name} output ---\n${tail}`));
    }
    function onData(chunk) {
      const text = chunk.toString();
      tail.push(text);
      if (echo) process.stderr.write(text);
      const match = pattern.exec(tail.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => fail(`${name} failed to start: ${err.message}`));
    child.on('exit', (code, signal) => fail(`${name} exited early (code ${code}, signal ${signal})`));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, tail, ready, exited };
}

/**
 * Environment for the run's processes: TMPDIR and the XDG folders point into
 * the run folder, so sockets, Chromium's crash reports and VS Code's device
 * id never land in /tmp or $HOME.
 */
function isolatedEnv(runDir, tmpDir) {
  return {
    ...process.env,
    TMPDIR: tmpDir,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
  };
}

/** Environment for the server: the caller's extras, an isolated run folder, no marketplace. */
function serverEnv(runDir, tmpDir, extraEnv) {
  const env = { ...isolatedEnv(runDir, tmpDir), ...extraEnv, EXTENSIONS_GALLERY: '{}' };
  // Variables from an enclosing VS Code (integrated terminal) would confuse the server.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

function writeUserSettings(userDataDir, extraSettings) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
}

async function startServer({ runDir, tmpDir, port, env, settings, echo }) {
  const userDataDir = path.join(runDir, 'user-data');
  writeUserSettings(userDataDir, settings);
  const args = [
    serverMainPath(),
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', path.join(runDir, 'server-data'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', path.join(runDir, 'extensions'),
  ];
  const started = spawnAndWaitFor({
    name: 'VS Code server',
    command: process.execPath,
    args,
    env: serverEnv(runDir, tmpDir, env),
    pattern: /Extension host agent listening on (\d+)/,
    timeoutMs: SERVER_START_TIMEOUT_MS,
    echo,
  });
  return { ...started, port: started.ready.then((match) => Number(match[1])) };
}

async function startChromium({ runDir, tmpDir, echo }) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}\nRun: bash scripts/vscode/install.sh`);
  }
  const profile = path.join(runDir, 'chromium-profile');
  const started = spawnAndWaitFor({
    name: 'Chromium',
    command: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'],
    env: isolatedEnv(runDir, tmpDir),
    pattern: /DevTools listening on (ws:\/\/\S+)/,
    timeoutMs: CHROMIUM_START_TIMEOUT_MS,
    echo,
  });
  return { ...started, wsEndpoint: started.ready.then((match) => match[1]) };
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: the authority must be the page's host:port. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${pathToFileURL(path.resolve(absPath)).pathname}`;
}

/** Workbench URL carrying the development extension, and either a test entry or a file to open. */
export function workbenchUrl({ port, folder, extensionPath, testsPath, openFile }) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(port, testsPath)]);
  if (openFile) payload.push(['openFile', remoteUri(port, openFile)]);
  payload.push(['skipWelcome', 'true']);
  const query = new URLSearchParams({ folder: path.resolve(folder), payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${port}/?${query}`;
}

/** Formats a codeAutomationLog call (printf-style argument list) as one string. */
export function formatAutomationLog(args) {
  return Array.isArray(args) ? util.format(...args) : String(args);
}

// Workbench start-up chatter that also arrives through codeAutomationLog;
// dropped so the suite's reporter output stands out. The service worker
// 404 is expected: the server does not serve one.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore: /,
  /^\[Service Worker\] registration/,
];

export function isWorkbenchNoise(text) {
  return WORKBENCH_NOISE.some((pattern) => pattern.test(text));
}

function isExternal(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const network = ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol);
  return network && !LOOPBACK_HOSTS.has(parsed.hostname);
}

/**
 * Records every browser request and websocket whose host is not loopback,
 * and aborts the requests, so nothing leaves the machine even by accident.
 */
async function guardExternalRequests(context, external) {
  context.on('request', (request) => {
    if (isExternal(request.url())) external.push(request.url());
  });
  context.on('page', (page) =>
    page.on('websocket', (ws) => {
      if (isExternal(ws.url())) external.push(ws.url());
    }),
  );
  await context.route((url) => isExternal(url.href), (route) => route.abort('blockedbyclient'));
}

/**
 * Starts a workbench session: a run folder, the VS Code server and,
 * unless `browser: false`, Chromium with one page. `stop()` (idempotent)
 * tears everything down; it also runs on SIGINT, SIGTERM and process exit.
 * `env` (an object, or a function of the run folder) is added to the
 * server's environment, which the extension host inherits. With a browser,
 * `session.page` is ready and `session.newPage()` swaps in a fresh one.
 */
export async function startWorkbench({
  browser = true,
  port = 0,
  env = {},
  settings = {},
  viewport = DEFAULT_VIEWPORT,
  echo = Boolean(process.env.DIGEST_VSCODE_VERBOSE),
  signalExitCode = (signal) => SIGNAL_EXIT_CODES[signal],
} = {}) {
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'digest-vscode-'));
  const tmpDir = path.join(runDir, 'tmp');
  mkdirSync(tmpDir);
  if (typeof env === 'function') env = env(runDir);
  const session = { runDir, tmpDir, port: 0, server: null, chromium: null, browser: null, page: null, externalRequests: [] };
  const stop = installCleanup(session, signalExitCode);
  session.stop = stop;
  try {
    session.server = await startServer({ runDir, tmpDir, port, env, settings, echo });
    session.port = await session.server.port;
    if (browser) await attachBrowser(session, viewport, echo);
    return session;
  } catch (err) {
    await stop();
    throw err;
  }
}

async function attachBrowser(session, viewport, echo) {
  // Imported lazily so the demo (server only) never loads playwright.
  const { chromium } = await import('playwright-core');
  session.chromium = await startChromium({ runDir: session.runDir, tmpDir: session.tmpDir, echo });
  session.browser = await chromium.connectOverCDP(await session.chromium.wsEndpoint);
  session.newPage = (contextOptions = {}) => openFreshPage(session, viewport, contextOptions);
  await session.newPage();
}

/** Replaces the session's page with one in a fresh browser context (clean workbench state). */
async function openFreshPage(session, viewport, contextOptions) {
  await session.page?.context().close();
  // contextOptions: e.g. { locale: 'ko-KR' } for a workbench in Korean.
  const context = await session.browser.newContext({ ...contextOptions, viewport });
  await guardExternalRequests(context, session.externalRequests);
  session.page = await context.newPage();
  return session.page;
}

/** Returns the session's idempotent async stop(), also wired to signals and exit. */
function installCleanup(session, signalExitCode) {
  let stopping = null;
  const killNow = () => {
    // Synchronous last resort for process 'exit': no awaiting possible.
    for (const proc of [session.chromium?.child, session.server?.child]) {
      if (proc?.pid) signalGroup(proc.pid, 'SIGKILL');
    }
    killStragglers(session.runDir);
    rmSync(session.runDir, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    process.stderr.write(`\n${signal}: stopping the VS Code session\n`);
    stop().finally(() => process.exit(signalExitCode(signal)));
  };
  const handlers = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };

  async function stop() {
    stopping ??= (async () => {
      await session.browser?.close().catch(() => {});
      await killGroup(session.chromium?.child.pid);
      await killGroup(session.server?.child.pid);
      killStragglers(session.runDir);
      rmSync(session.runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
      process.off('exit', killNow);
    })();
    return stopping;
  }

  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  process.on('exit', killNow);
  return stop;
}

/** Rejects after `ms` with `message`; the timer does not keep the process alive. */
export function timeout(ms, message) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}
