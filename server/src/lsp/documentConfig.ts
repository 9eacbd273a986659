// Configuration files for the server: resolves each document's
// .digest-lint.jsonc like the CLI does, and publishes the problems of config
// files as diagnostics on those files.

import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { applyConfig, ConfigResolver, DEFAULT_LOCALE, isIgnored, localize, NO_CONFIG, type DigestSettings, type Locale, type ResolvedConfig } from '../core';
import { nodeConfigReader } from '../node/configReader';
import { DIAGNOSTIC_SOURCE } from './convert';

/** Code of a config-file diagnostic. */
export const CONFIG_DIAGNOSTIC_CODE = 'config';

/** What the client watches, so edits to config files re-check open digests. */
export const CONFIG_FILE_GLOB = '**/.digest-lint.{json,jsonc}';

export interface DocumentConfig {
  readonly settings: DigestSettings;
  readonly ignored: boolean;
}

export class DocumentConfigs {
  private readonly resolver = new ConfigResolver(nodeConfigReader);
  /** Last problems sent per config file URI, so unchanged ones are not re-sent. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => readonly string[],
    /** The server's language, fixed at initialize: config problems are rendered in it. */
    private readonly locale: () => Locale = () => DEFAULT_LOCALE,
  ) {}

  /** Call when a config file changed on disk. */
  clear(): void {
    this.resolver.clear();
  }

  /** The settings of a document: its config file over the editor settings. */
  forDocument(uri: string, base: DigestSettings): DocumentConfig {
    const config = this.configOf(uri);
    if (config === NO_CONFIG) return { settings: base, ignored: false };
    this.publish(config);
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return { settings: applyConfig(base, config), ignored: false };
    }
    return { settings: applyConfig(base, config), ignored: isIgnored(path, config) };
  }

  /** For the workspace index: a closed file's `files` globs and whether it is ignored; problems are published too. */
  forPath(path: string): { files: readonly string[]; ignored: boolean } {
    const config = this.configOf(pathToFileURL(path).href);
    if (config === NO_CONFIG) return { files: [], ignored: false };
    this.publish(config);
    return { files: config.files ?? [], ignored: isIgnored(path, config) };
  }

  private configOf(uri: string): ResolvedConfig {
    if (!uri.startsWith('file:')) return NO_CONFIG;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return NO_CONFIG;
    }
    const root = this.folders().filter((f) => path.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0];
    return this.resolver.configFor(path, root);
  }

  private publish(config: ResolvedConfig): void {
    for (const file of config.chain) {
      const problems = config.problems.filter((p) => p.file === file);
      const diagnostics: Diagnostic[] = problems.map((p) => ({
        range: p.range,
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: CONFIG_DIAGNOSTIC_CODE,
        message: localize(this.locale(), p.message, p.l10n),
      }));
      const uri = pathToFileURL(file).href;
      const key = JSON.stringify(diagnostics);
      if (this.sent.get(uri) === key) continue;
      this.sent.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }
}
