// Loads the fixture files and lints them the way the fixture tests do.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService, normalizeSettings, rules, type DigestSettings, type Issue } from '../../server/src/core';
import { doc } from './digest';
import { parseFixture, type ParsedFixture } from './expectations';
import { FIXTURES_DIR } from './paths';

export const RULE_IDS: ReadonlySet<string> = new Set(rules.map((r) => r.id));

export interface LoadedFixture {
  readonly name: string;
  readonly source: string;
  /** Undefined when the file could not be parsed; see `error`. */
  readonly fixture: ParsedFixture | undefined;
  readonly error: Error | undefined;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.md')).sort();
}

export function loadFixture(name: string): LoadedFixture {
  const source = readFileSync(join(FIXTURES_DIR, name), 'utf8');
  try {
    return { name, source, fixture: parseFixture(source, RULE_IDS), error: undefined };
  } catch (err) {
    return { name, source, fixture: undefined, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

export function fixtureUri(name: string, f: ParsedFixture): string {
  return f.options.uri ?? `file:///test/fixtures/${name}`;
}

export function fixtureSettings(f: ParsedFixture): DigestSettings {
  return normalizeSettings(f.options.settings ?? {});
}

/** Lints `text` with a fresh service, so no cached state leaks between runs. */
export function lint(text: string, uri: string, settings: DigestSettings): Issue[] {
  const issues = createLanguageService().computeDiagnostics(doc(text, uri), settings);
  if (!issues) throw new Error('computeDiagnostics was cancelled without a cancellation token');
  return issues;
}
