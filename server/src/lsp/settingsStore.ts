// Per-document settings, pulled from the client when it supports
// workspace/configuration and cached until the configuration changes.

import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, normalizeSettings, SETTINGS_SECTION, type DigestSettings } from '../core';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<DigestSettings>>();
  private global: DigestSettings = defaultSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  /** Used when the client pushes settings instead of answering pulls. */
  setGlobal(raw: unknown): void {
    this.global = normalizeSettings(raw);
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<DigestSettings> {
    if (!this.canPull) return Promise.resolve(this.global);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => defaultSettings);
      this.cache.set(uri, pending);
    }
    return pending;
  }
}
