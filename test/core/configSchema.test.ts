// The JSON schema of .digest-lint.jsonc and the digest.rules setting list
// exactly the registry's rules and the config parser's fields.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigKey, RULE_LEVELS, rules } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/paths';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'digest-lint.schema.json'), 'utf8')) as {
  properties: Record<string, { properties?: Record<string, unknown> }>;
  definitions: { level: { enum: string[] } };
};
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  contributes: { jsonValidation: { fileMatch: string[]; url: string }[]; configuration: { properties: Record<string, { properties: Record<string, unknown> }> }; commands: { command: string }[] };
};

describe('config schema', () => {
  test('every rule id, and only those, in the schema and the digest.rules setting', () => {
    const ids = rules.map((r) => r.id).sort();
    assert.deepEqual(Object.keys(schema.properties['rules']?.properties ?? {}).sort(), ids);
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties['digest.rules']?.properties ?? {}).filter((k) => k !== 'default').sort(), ids);
  });

  test('the fields the parser knows, and the levels', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.values(ConfigKey).sort());
    assert.deepEqual(schema.definitions.level.enum, [...RULE_LEVELS]);
  });

  test('contributed through jsonValidation for both file names; the bin and the fix-all command exist', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['.digest-lint.jsonc', '.digest-lint.json'], url: './schemas/digest-lint.schema.json' }]);
    assert.equal(pkg.bin['digest-lint'], 'cli/digest-lint.js');
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'digest.fixAll'));
  });
});
