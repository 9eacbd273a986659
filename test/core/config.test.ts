// Config files: JSONC parsing with positions, validation, resolution up the
// tree with `extends`, rule levels and their precedence over settings.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyConfig,
  ConfigResolver,
  createLanguageService,
  defaultSettings,
  effectiveLevel,
  formatConfigProblem,
  getRule,
  isIgnored,
  normalizeSettings,
  parseConfigFile,
  RuleId,
  type ConfigFileReader,
  type DigestSettings,
  type Issue,
} from '../../server/src/core';
import { digestText, doc } from '../helpers/digest';

/** An in-memory tree: path → text; `null` means unreadable. */
function memoryReader(files: Record<string, string | null>): ConfigFileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      const text = files[path];
      if (text === null) throw new Error(`EACCES: permission denied, open '${path}'`);
      return text;
    },
  };
}

const dashVote = digestText('2025-01-23', [{ id: '2501.00001', vote: '-', thumbnail: null }]);

function lintWith(settings: DigestSettings, text = dashVote, uri = 'file:///repo/digests/d.md'): Issue[] {
  return createLanguageService().computeDiagnostics(doc(text, uri), settings) ?? [];
}

const rulesOf = (issues: readonly Issue[]): string[] => issues.map((i) => `${i.rule}:${i.severity}`).sort();

describe('config file parsing', () => {
  test('a valid JSONC file with comments and trailing commas', () => {
    const c = parseConfigFile('/r/.digest-lint.jsonc', `{
      // a comment
      "$schema": "./schemas/digest-lint.schema.json",
      "extends": "../base.jsonc",
      "default": false,
      "rules": { "invalid-vote": "error", "missing-vote": { "severity": "info" }, },
      "requiredSections": ["Summary"],
      "files": ["daily/**/*.md"],
      "ignores": ["drafts/**"],
    }`);
    assert.deepEqual(c.problems, []);
    assert.equal(c.extends?.path, '../base.jsonc');
    assert.deepEqual(c.rules, { levels: { 'invalid-vote': 'error', 'missing-vote': 'info' }, default: false });
    assert.deepEqual(c.requiredSections, ['Summary']);
    assert.deepEqual(c.files, ['daily/**/*.md']);
    assert.deepEqual(c.ignores, ['drafts/**']);
  });

  test('invalid JSON names the file and the position', () => {
    const c = parseConfigFile('/r/.digest-lint.jsonc', '{\n  "rules": {\n    "invalid-vote": "off"\n    "missing-vote": "off"\n  }\n}');
    assert.ok(c.problems.length >= 1);
    const first = c.problems[0]!;
    assert.match(first.message, /invalid JSON: comma expected/);
    assert.deepEqual(first.range.start, { line: 3, character: 4 });
    assert.equal(formatConfigProblem(first).split(': ')[0], '/r/.digest-lint.jsonc:4:5');
  });

  test('an unknown rule id and a bad severity are reported at their positions; the valid entries still apply', () => {
    const text = '{ "rules": { "no-such-rule": "off", "invalid-vote": "loud", "missing-vote": "off" } }';
    const c = parseConfigFile('/r/.digest-lint.json', text);
    assert.deepEqual(c.problems.map((p) => [p.message.split(';')[0], p.range.start.character]), [
      ['unknown rule "no-such-rule"', text.indexOf('"no-such-rule"')],
      ['bad severity for "invalid-vote": "loud"', text.indexOf('"loud"')],
    ]);
    assert.deepEqual(c.rules.levels, { 'missing-vote': 'off' });
  });

  test('wrong types, unknown keys, an empty file and a non-object are each reported', () => {
    const bad = parseConfigFile('/r/x.json', '{ "default": "yes", "files": "a.md", "requiredSections": ["", 3], "extends": 1, "colour": true }');
    assert.deepEqual(bad.problems.map((p) => p.message.split(' ').slice(0, 2).join(' ')), [
      '"default" must',
      '"files" must',
      '"requiredSections" must',
      '"requiredSections" must',
      '"extends" must',
      'unknown setting',
    ]);
    assert.match(parseConfigFile('/r/x.json', '').problems[0]?.message ?? '', /empty/);
    assert.match(parseConfigFile('/r/x.json', '[1]').problems[0]?.message ?? '', /expected a JSON object, found an array/);
  });

  test('a BOM at the start is not an error', () => {
    assert.deepEqual(parseConfigFile('/r/x.json', '\uFEFF{ "default": true }').problems, []);
  });
});

describe('config resolution', () => {
  test('the nearest file wins, searching up to the root and not beyond', () => {
    const reader = memoryReader({
      '/repo/.digest-lint.jsonc': '{ "rules": { "invalid-vote": "error" } }',
      '/repo/a/b/.digest-lint.json': '{ "rules": { "invalid-vote": "off" } }',
      '/.digest-lint.jsonc': '{ "rules": { "invalid-vote": "info" } }',
    });
    const r = new ConfigResolver(reader);
    assert.equal(r.configFor('/repo/a/b/c/d.md', '/repo').file, '/repo/a/b/.digest-lint.json');
    assert.equal(r.configFor('/repo/a/d.md', '/repo').file, '/repo/.digest-lint.jsonc');
    assert.equal(r.configFor('/repo/a/d.md', '/repo/a').file, undefined, 'the root bounds the search');
    assert.equal(r.configFor('/other/d.md', undefined).file, '/.digest-lint.jsonc');
  });

  test('.jsonc wins over .json in the same folder', () => {
    const r = new ConfigResolver(memoryReader({ '/r/.digest-lint.json': '{}', '/r/.digest-lint.jsonc': '{}' }));
    assert.equal(r.configFor('/r/d.md', '/r').file, '/r/.digest-lint.jsonc');
  });

  test('extends: the child overrides the parent per rule; globs are relative to each file', () => {
    const r = new ConfigResolver(memoryReader({
      '/repo/base.jsonc': '{ "default": false, "rules": { "invalid-vote": "error", "missing-vote": "warning" }, "requiredSections": ["A"], "ignores": ["old/**"] }',
      '/repo/sub/.digest-lint.jsonc': '{ "extends": "../base.jsonc", "rules": { "invalid-vote": "info" }, "files": ["*.txt"], "ignores": ["tmp/**"] }',
    }));
    const c = r.configFor('/repo/sub/d.md', '/repo');
    assert.deepEqual(c.chain, ['/repo/sub/.digest-lint.jsonc', '/repo/base.jsonc']);
    assert.deepEqual(c.rules, { levels: { 'invalid-vote': 'info', 'missing-vote': 'warning' }, default: false });
    assert.deepEqual(c.requiredSections, ['A']);
    assert.deepEqual(c.files, ['/repo/sub/*.txt']);
    assert.deepEqual(c.ignores, ['/repo/old/**', '/repo/sub/tmp/**']);
    assert.equal(isIgnored('/repo/sub/tmp/x.md', c), true);
    assert.equal(isIgnored('/repo/old/x.md', c), true);
    assert.equal(isIgnored('/repo/sub/x.md', c), false);
  });

  test('a cycle, a missing parent and an unreadable file are problems, not crashes', () => {
    const r = new ConfigResolver(memoryReader({
      '/c/a.json': '{ "extends": "b.json" }',
      '/c/b.json': '{ "extends": "a.json" }',
      '/m/.digest-lint.json': '{ "extends": "gone.json", "rules": { "invalid-vote": "off" } }',
      '/u/.digest-lint.json': null,
    }));
    assert.match(r.load('/c/a.json').problems.map((p) => p.message).join(), /cycle/);
    const missing = r.configFor('/m/d.md', '/m');
    assert.match(missing.problems[0]?.message ?? '', /gone\.json, which does not exist/);
    assert.deepEqual(missing.rules?.levels, { 'invalid-vote': 'off' }, "the file's own settings still apply");
    assert.match(r.configFor('/u/d.md', '/u').problems[0]?.message ?? '', /cannot read the config file: EACCES/);
  });

  test('lookups are cached until clear()', () => {
    const reader = memoryReader({ '/r/.digest-lint.json': '{}' });
    const r = new ConfigResolver(reader);
    r.configFor('/r/a.md', '/r');
    const after = reader.reads.length;
    r.configFor('/r/b.md', '/r');
    assert.equal(reader.reads.length, after);
    r.clear();
    r.configFor('/r/b.md', '/r');
    assert.ok(reader.reads.length > after);
  });
});

describe('rule levels and precedence', () => {
  test('defaults: invalid-suppression on, unused-suppression off', () => {
    assert.equal(effectiveLevel(getRule(RuleId.invalidSuppression)!, []), 'warning');
    assert.equal(effectiveLevel(getRule(RuleId.unusedSuppression)!, []), 'off');
    assert.equal(effectiveLevel(getRule(RuleId.unusedSuppression)!, [{ levels: {}, default: true }]), 'information');
  });

  test('off drops a rule, a level changes its severity, default:false turns the rest off', () => {
    assert.deepEqual(rulesOf(lintWith(defaultSettings)), ['invalid-vote:warning', 'missing-thumbnail:warning']);
    assert.deepEqual(rulesOf(lintWith(normalizeSettings({ rules: { 'invalid-vote': 'off' } }))), ['missing-thumbnail:warning']);
    assert.deepEqual(rulesOf(lintWith(normalizeSettings({ rules: { 'invalid-vote': { severity: 'error' } } }))), ['invalid-vote:error', 'missing-thumbnail:warning']);
    assert.deepEqual(rulesOf(lintWith(normalizeSettings({ rules: { 'missing-thumbnail': 'info' } }))), ['invalid-vote:warning', 'missing-thumbnail:information']);
    assert.deepEqual(rulesOf(lintWith(normalizeSettings({ rules: { default: false, 'invalid-vote': 'warning' } }))), ['invalid-vote:warning']);
  });

  test('a config file wins over the digest.rules setting, rule by rule; the setting fills the rest', () => {
    const setting = normalizeSettings({ rules: { 'invalid-vote': 'error', 'missing-thumbnail': 'off' } });
    const r = new ConfigResolver(memoryReader({ '/repo/.digest-lint.jsonc': '{ "rules": { "invalid-vote": "info" } }' }));
    const merged = applyConfig(setting, r.configFor('/repo/digests/d.md', '/repo'));
    assert.deepEqual(rulesOf(lintWith(merged)), ['invalid-vote:information']);
    // A file's `default` speaks for every rule it does not name, so the setting no longer reaches them.
    const r2 = new ConfigResolver(memoryReader({ '/repo/.digest-lint.jsonc': '{ "default": true }' }));
    assert.deepEqual(rulesOf(lintWith(applyConfig(setting, r2.configFor('/repo/d.md', '/repo')))), ['invalid-vote:warning', 'missing-thumbnail:warning']);
  });

  test('requiredSections and files from the config file', () => {
    const r = new ConfigResolver(memoryReader({ '/repo/.digest-lint.jsonc': '{ "requiredSections": ["Summary"], "files": ["notes/*.md"] }' }));
    const s = applyConfig(defaultSettings, r.configFor('/repo/notes/n.md', '/repo'));
    assert.deepEqual(s.requiredSections, ['Summary']);
    const noHeading = '# Notes\n';
    const issues = createLanguageService().computeDiagnostics(doc(noHeading, 'file:///repo/notes/n.md'), s) ?? [];
    assert.deepEqual(issues.map((i) => i.rule), ['missing-digest-heading']);
    const t = digestText('2025-01-23', [{ id: '2501.00001', sections: ['***Summary***: ok'] }]);
    assert.deepEqual(lintWith(s, t), []);
    assert.deepEqual(lintWith(defaultSettings, t).map((i) => i.rule), ['missing-section', 'missing-section', 'missing-section']);
  });

  test('no config file leaves the settings as they are', () => {
    const r = new ConfigResolver(memoryReader({}));
    assert.equal(applyConfig(defaultSettings, r.configFor('/x/d.md', '/x')), defaultSettings);
  });
});
