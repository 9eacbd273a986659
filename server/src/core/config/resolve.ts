// Finds the configuration of a digest: the nearest config file from the
// digest's folder up to the root (workspace folder or repository), followed
// through `extends`. File access is injected and paths are worked out with
// core/paths.ts, so the core stays pure and the server and the CLI resolve alike.
// Paths given here are absolute.

import { mergeLayers, type RuleLayer } from './levels';
import { CONFIG_FILE_NAMES, parseConfigFile, type ConfigFileContent, type ConfigProblem } from './configFile';
import type { DigestSettings } from '../settings';
import { matchesFilesPath } from '../detect';
import { msgOf, ref, type ArgValue, type MessageRef } from '../l10n';
import { dirnameOf as dirname, isAbsolutePath, isWindowsPath, joinPath, normalizePath, resolvePath } from '../paths';

/** What the core needs from a file system. */
export interface ConfigFileReader {
  /** The file's text, or undefined when there is no such file. May throw for an unreadable one. */
  readFile(path: string): string | undefined;
}

export interface ResolvedConfig {
  /** The nearest config file, or undefined when none applies. */
  readonly file: string | undefined;
  /** Every file read, nearest first (the file, then what it extends). */
  readonly chain: readonly string[];
  readonly rules: RuleLayer | undefined;
  readonly requiredSections: readonly string[] | undefined;
  /** Absolute glob patterns (made absolute from each file's folder). */
  readonly files: readonly string[] | undefined;
  readonly ignores: readonly string[] | undefined;
  readonly problems: readonly ConfigProblem[];
}

export const NO_CONFIG: ResolvedConfig = { file: undefined, chain: [], rules: undefined, requiredSections: undefined, files: undefined, ignores: undefined, problems: [] };

/** `extends` chains longer than this are a mistake, not a design. */
const MAX_EXTENDS_DEPTH = 16;

export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, ResolvedConfig>();

  constructor(private readonly reader: ConfigFileReader) {}

  /** Forgets every cached lookup: call when a config file changes. */
  clear(): void {
    this.nearest.clear();
    this.loaded.clear();
  }

  /** The configuration of the digest at `path`, searching up to `root` (inclusive). */
  configFor(path: string, root: string | undefined): ResolvedConfig {
    const file = this.findNearest(dirname(normalizePath(path)), root ? normalizePath(root) : undefined);
    return file ? this.load(file) : NO_CONFIG;
  }

  /** A config file given explicitly (the CLI's --config). */
  load(file: string): ResolvedConfig {
    const abs = normalizePath(file);
    let config = this.loaded.get(abs);
    if (!config) {
      config = this.loadChain(abs, []);
      this.loaded.set(abs, config);
    }
    return config;
  }

  private findNearest(dir: string, root: string | undefined): string | undefined {
    const key = `${dir}\u0000${root ?? ''}`;
    if (this.nearest.has(key)) return this.nearest.get(key);
    let found: string | undefined;
    for (let d = dir; ; d = dirname(d)) {
      found = CONFIG_FILE_NAMES.map((n) => joinPath(d, n)).find((f) => this.exists(f));
      if (found || d === root || dirname(d) === d || (root !== undefined && !isInside(d, root))) break;
    }
    this.nearest.set(key, found);
    return found;
  }

  private exists(file: string): boolean {
    try {
      return this.reader.readFile(file) !== undefined;
    } catch {
      // Unreadable counts as present: loading it then reports why.
      return true;
    }
  }

  private loadChain(file: string, seen: readonly string[]): ResolvedConfig {
    let text: string | undefined;
    try {
      text = this.reader.readFile(file);
    } catch (err) {
      return problemOnly(file, ref('cfgCannotRead', { error: readFailure(file, err) }));
    }
    if (text === undefined) return problemOnly(file, ref('cfgMissing'));
    const own = parseConfigFile(file, text);
    const base = this.parentOf(own, seen);
    const dir = dirname(file);
    const chain = [file, ...base.chain];
    const rules = base.rules ? mergeLayers(base.rules, own.rules) : own.rules;
    return {
      file,
      chain,
      rules,
      requiredSections: own.requiredSections ?? base.requiredSections,
      files: own.files ? own.files.map((g) => absoluteGlob(dir, g)) : base.files,
      ignores: own.ignores ? [...(base.ignores ?? []), ...own.ignores.map((g) => absoluteGlob(dir, g))] : base.ignores,
      problems: [...own.problems, ...base.problems],
    };
  }

  private parentOf(own: ConfigFileContent, seen: readonly string[]): ResolvedConfig {
    if (!own.extends) return NO_CONFIG;
    const target = resolvePath(dirname(own.file), own.extends.path);
    const at = { file: own.file, range: own.extends.range };
    if (seen.includes(target) || target === own.file) return { ...NO_CONFIG, problems: [{ ...at, ...msgOf(ref('cfgExtendsCycle', { target })) }] };
    if (seen.length >= MAX_EXTENDS_DEPTH) return { ...NO_CONFIG, problems: [{ ...at, ...msgOf(ref('cfgExtendsTooDeep', { max: MAX_EXTENDS_DEPTH })) }] };
    let exists: boolean;
    try {
      exists = this.reader.readFile(target) !== undefined;
    } catch {
      exists = true;
    }
    if (!exists) return { ...NO_CONFIG, problems: [{ ...at, ...msgOf(ref('cfgExtendsMissing', { target })) }] };
    return this.loadChain(target, [...seen, own.file]);
  }
}

/** Why a config file could not be read: a folder in its place in words, anything else as the system reports it. */
function readFailure(file: string, err: unknown): ArgValue {
  if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EISDIR') return ref('cfgIsDirectory', { path: file });
  return err instanceof Error ? err.message : String(err);
}

function problemOnly(file: string, message: MessageRef): ResolvedConfig {
  return { ...NO_CONFIG, file, chain: [file], problems: [{ file, ...msgOf(message), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
}

function isInside(dir: string, root: string): boolean {
  const base = root.replace(/[\\/]$/, '');
  // `\` separates only in Windows paths; in a POSIX path it is part of a name.
  return dir === root || dir.startsWith(`${base}/`) || (isWindowsPath(root) && dir.startsWith(`${base}\\`));
}

/** A glob relative to a config file's folder, made absolute. */
export function absoluteGlob(dir: string, glob: string): string {
  return isAbsolutePath(glob) ? glob : joinPath(dir, glob).replace(/\\/g, '/');
}

/** True when the config's `ignores` globs match this absolute path. */
export function isIgnored(path: string, config: ResolvedConfig): boolean {
  return config.ignores !== undefined && matchesFilesPath(path.replace(/\\/g, '/'), config.ignores, []);
}

/**
 * The settings a digest is checked with: the config file's layer over the
 * editor settings. The file wins, so the editor and the CLI agree on a tree.
 */
export function applyConfig(settings: DigestSettings, config: ResolvedConfig): DigestSettings {
  if (config === NO_CONFIG || !config.file) return settings;
  return {
    ...settings,
    requiredSections: config.requiredSections ?? settings.requiredSections,
    files: config.files ? [...settings.files, ...config.files] : settings.files,
    ...(config.rules ? { ruleLayers: [config.rules, ...(settings.ruleLayers ?? [])] } : {}),
  };
}
