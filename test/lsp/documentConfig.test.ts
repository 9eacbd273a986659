// DocumentConfigs in-process: which .digest-lint.jsonc applies to a document
// (nearest up to its workspace folder), `ignores` and `files`, and config
// problems published once per change, on the config file, in the server's language.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { defaultSettings } from '../../server/src/core';
import { CONFIG_DIAGNOSTIC_CODE, DocumentConfigs } from '../../server/src/lsp/documentConfig';

function fakeConnection(): { connection: Connection; sent: PublishDiagnosticsParams[] } {
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: (p: PublishDiagnosticsParams) => (sent.push(p), Promise.resolve()) } as unknown as Connection;
  return { connection, sent };
}

describe('DocumentConfigs', () => {
  let dir: string;
  const uri = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).href;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'digest-docconfig-'));
    mkdirSync(join(dir, 'ws', 'days', 'old'), { recursive: true });
    mkdirSync(join(dir, 'ws', 'notes'), { recursive: true });
    mkdirSync(join(dir, 'ws', 'broken'), { recursive: true });
    // Above the workspace folder: never read for documents inside it.
    writeFileSync(join(dir, '.digest-lint.jsonc'), '{ "requiredSections": ["Outer"] }\n');
    writeFileSync(join(dir, 'ws', '.digest-lint.jsonc'), '{ "requiredSections": ["Root"], "ignores": ["days/old/**"], "files": ["notes/*.md"] }\n');
    writeFileSync(join(dir, 'ws', 'days', '.digest-lint.json'), '{ "extends": "../.digest-lint.jsonc", "requiredSections": ["Days"] }\n');
    writeFileSync(join(dir, 'ws', 'broken', '.digest-lint.jsonc'), '{ "rules": { "no-such-rule": "off" } }\n');
    mkdirSync(join(dir, 'ws', 'chain'));
    writeFileSync(join(dir, 'ws', 'chain', '.digest-lint.json'), '{ "extends": "../broken/.digest-lint.jsonc" }\n');
    mkdirSync(join(dir, 'ws2'));
    mkdirSync(join(dir, 'plain'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the nearest config wins, extends its parent, and stops at the workspace folder', () => {
    const { connection } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')]);
    const day = configs.forDocument(uri('ws', 'days', '2025-01-01.md'), defaultSettings);
    assert.deepEqual(day.settings.requiredSections, ['Days']);
    assert.equal(day.ignored, false);
    const root = configs.forDocument(uri('ws', 'top.md'), defaultSettings);
    assert.deepEqual(root.settings.requiredSections, ['Root']);
    assert.equal(configs.forDocument(uri('ws', 'days', 'old', '2024-01-01.md'), defaultSettings).ignored, true);
  });

  test('the longest workspace folder that holds the document bounds the search', () => {
    const { connection } = fakeConnection();
    // With the outer folder listed too, the inner one still bounds a document inside it.
    const configs = new DocumentConfigs(connection, () => [dir, join(dir, 'ws')]);
    const top = configs.forDocument(uri('ws', 'top.md'), defaultSettings);
    assert.deepEqual(top.settings.requiredSections, ['Root']);
    const outer = configs.forDocument(uri('outside.md'), defaultSettings);
    assert.deepEqual(outer.settings.requiredSections, ['Outer'], 'a document in the outer folder gets its config');
  });

  test('documents that are not files, or have no config, keep the editor settings', () => {
    const { connection, sent } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')]);
    for (const u of ['untitled:Untitled-1', 'vscode-notebook-cell:/x.md#1', 'file://server/share/x.md']) {
      const c = configs.forDocument(u, defaultSettings);
      assert.equal(c.settings, defaultSettings, u);
      assert.equal(c.ignored, false, u);
    }
    assert.deepEqual(sent, []);
  });

  test('a document with no config file up to its folder keeps the editor settings object', () => {
    const { connection } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [join(dir, 'plain')]);
    assert.equal(configs.forDocument(uri('plain', 'a.md'), defaultSettings).settings, defaultSettings);
  });

  test('a workspace folder bounds the search even when an outer folder is listed first', () => {
    const { connection } = fakeConnection();
    // ws/notes has no config of its own; ws above it does, but it is outside that folder.
    const configs = new DocumentConfigs(connection, () => [dir, join(dir, 'ws', 'notes')]);
    assert.equal(configs.forDocument(uri('ws', 'notes', 'a.md'), defaultSettings).settings, defaultSettings);
  });

  test('a folder whose name only starts like a workspace folder is not inside it', () => {
    const { connection } = fakeConnection();
    // ws2 is not under ws: its search is not bounded by ws, and finds the config above both.
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')]);
    assert.deepEqual(configs.forDocument(uri('ws2', 'a.md'), defaultSettings).settings.requiredSections, ['Outer']);
  });

  test('clear() forgets cached config files, so an edit on disk applies', () => {
    const { connection } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [dir]);
    const file = join(dir, 'plain', '.digest-lint.jsonc');
    writeFileSync(file, '{ "requiredSections": ["Before"] }\n');
    try {
      assert.deepEqual(configs.forDocument(uri('plain', 'b.md'), defaultSettings).settings.requiredSections, ['Before']);
      writeFileSync(file, '{ "requiredSections": ["After"] }\n');
      configs.clear();
      assert.deepEqual(configs.forDocument(uri('plain', 'b.md'), defaultSettings).settings.requiredSections, ['After']);
    } finally {
      rmSync(file);
    }
  });

  test('in an extends chain each file gets only its own problems', () => {
    const { connection, sent } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')]);
    configs.forDocument(uri('ws', 'chain', 'a.md'), defaultSettings);
    assert.deepEqual(sent.find((p) => p.uri === uri('ws', 'chain', '.digest-lint.json'))?.diagnostics, []);
    assert.equal(sent.find((p) => p.uri === uri('ws', 'broken', '.digest-lint.jsonc'))?.diagnostics.length, 1);
  });

  test('forPath gives the files globs and ignores for the index', () => {
    const { connection } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')]);
    // Globs come back absolute, from the config file's folder.
    assert.deepEqual(configs.forPath(join(dir, 'ws', 'notes', 'a.md')), { files: [join(dir, 'ws', 'notes', '*.md')], ignored: false });
    assert.deepEqual(configs.forPath(join(dir, 'ws', 'days', 'old', 'x.md')).ignored, true);
    assert.deepEqual(configs.forPath(join(dir, 'elsewhere', 'x.md')), { files: [], ignored: false });
  });

  test('a config problem is published on the config file once, in the server\'s language, and again after it changes', () => {
    const { connection, sent } = fakeConnection();
    let locale: 'en' | 'ko' = 'en';
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')], () => locale);
    const doc = uri('ws', 'broken', 'a.md');
    configs.forDocument(doc, defaultSettings);
    configs.forDocument(doc, defaultSettings);
    const configUri = uri('ws', 'broken', '.digest-lint.jsonc');
    const forBroken = sent.filter((p) => p.uri === configUri);
    assert.equal(forBroken.length, 1, 'unchanged problems are not sent again');
    const [d] = forBroken[0]!.diagnostics;
    assert.equal(d?.code, CONFIG_DIAGNOSTIC_CODE);
    assert.equal(d?.source, 'digest');
    assert.equal(d?.severity, 1);
    assert.match(d!.message, /no-such-rule/);
    assert.deepEqual(d?.range.start, { line: 0, character: 13 });
    locale = 'ko';
    configs.clear();
    configs.forDocument(doc, defaultSettings);
    const again = sent.filter((p) => p.uri === configUri);
    assert.equal(again.length, 2, 'a new message (another language) is sent');
    assert.match(again[1]!.diagnostics[0]!.message, /[가-힣]/);
  });

  test('every file of an extends chain gets its (empty) list once', () => {
    const { connection, sent } = fakeConnection();
    const configs = new DocumentConfigs(connection, () => [join(dir, 'ws')]);
    configs.forDocument(uri('ws', 'days', 'a.md'), defaultSettings);
    configs.forDocument(uri('ws', 'days', 'b.md'), defaultSettings);
    assert.deepEqual(sent.map((p) => [p.uri, p.diagnostics]).sort(), [[uri('ws', '.digest-lint.jsonc'), []], [uri('ws', 'days', '.digest-lint.json'), []]]);
  });
});
