// The machine formats, read back by independent consumers: SARIF through the
// SARIF Multitool (SARIF 2.1.0 schema and GitHub's ingestion rules), the
// github lines through a parser of workflow commands.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCliBuilt, runCli, tempTree } from '../helpers/cli';
import { digestText, lineOf } from '../helpers/digest';
import { REPO_ROOT } from '../helpers/paths';
import { rules } from '../../server/src/core';
import { escapeData, escapeProperty } from '../../server/src/cli/formats';
import type { JsonReport } from '../../server/src/cli/formats';

type SarifPhysical = { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };

const MULTITOOL = join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

const defects = digestText('2025-02-03', [
  { id: '2502.00917', title: 'Typo', url: 'https://arxiv.org/abs/2502.O0917' },
  { id: '2502.00002', title: 'Dash', vote: '-' },
  { id: '2502.00003', title: 'Label', sections: ["***Whats New***: a, b: c.", '***Technical Details***: b.', '***Performance Highlights***: c.'] },
]);

before(() => ensureCliBuilt());

describe('sarif', () => {
  // z.md lists a paper of d,1.md again on a later day: a result with a related location.
  const tree = tempTree({
    'sub dir/d,1.md': defects,
    'z.md': digestText('2025-02-04', [{ id: '2502.00002', title: 'Dash Again' }]),
    '.digest-lint.jsonc': '{ "rules": { "unused-suppression": "info" } }',
  });
  after(() => tree.dispose());

  test('passes the SARIF 2.1.0 schema and GitHub rules (SARIF Multitool)', { skip: existsSync(MULTITOOL) ? false : 'sarif-multitool not installed' }, () => {
    const r = runCli(['--format', 'sarif', '--output', 'out.sarif'], tree.root);
    assert.equal(r.status, 1, r.stderr);
    if ((statSync(MULTITOOL).mode & 0o100) === 0) chmodSync(MULTITOOL, 0o755);
    const validate = (name: string): string[] => {
      const out = join(tree.root, `${name}.validation.sarif`);
      const v = spawnSync(MULTITOOL, ['validate', join(tree.root, name), '-o', out, '--rule-kind', 'Gh;Sarif', '--level', 'Error'], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      });
      assert.equal(v.error, undefined, String(v.error));
      const validation = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { message: { text?: string }; ruleId: string }[] }[] };
      return (validation.runs[0]?.results ?? []).map((x) => `${x.ruleId}: ${x.message.text ?? ''}`);
    };
    assert.deepEqual(validate('out.sarif'), []);
    // The validator bites: a rule without fullDescription is rejected (GH2012).
    const broken = JSON.parse(readFileSync(join(tree.root, 'out.sarif'), 'utf8')) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] };
    delete broken.runs[0]!.tool.driver.rules[0]!['fullDescription'];
    writeFileSync(join(tree.root, 'broken.sarif'), JSON.stringify(broken));
    assert.ok(validate('broken.sarif').some((p) => p.startsWith('GH2012')));
  });

  test('what GitHub code scanning reads', () => {
    const log = JSON.parse(runCli(['--format', 'sarif'], tree.root).stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: SarifPhysical }[];
          relatedLocations?: { id: number; physicalLocation: SarifPhysical; message: { text: string } }[];
          partialFingerprints: Record<string, string>;
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'digest-lint');
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), rules.map((r) => r.id));
    for (const r of run.tool.driver.rules) {
      assert.ok(r.shortDescription.text && r.fullDescription.text && r.help.text, r.id);
      assert.ok(r.helpUri.endsWith(`#${r.id}`));
    }
    assert.deepEqual(run.results.map((x) => `${x.ruleId}:${x.level}`), ['malformed-arxiv-link:error', 'invalid-vote:warning', 'mislabelled-section:warning', 'listed-on-another-day:note']);
    const again2 = run.results[3]!;
    assert.equal(again2.locations[0]?.physicalLocation.artifactLocation.uri, 'z.md');
    assert.deepEqual(again2.relatedLocations?.map((r) => [r.id, r.physicalLocation.artifactLocation.uri, r.physicalLocation.artifactLocation.uriBaseId, r.physicalLocation.region.startLine]), [
      [1, 'sub%20dir/d,1.md', '%SRCROOT%', lineOf(defects, 'abs/2502.00002') + 1],
    ]);
    assert.match(again2.relatedLocations?.[0]?.message.text ?? '', /2025-02-03/);
    assert.equal(run.results.filter((x) => x.relatedLocations).length, 1, 'only issues with related places get relatedLocations');
    const first = run.results[0]!;
    assert.equal(run.tool.driver.rules[first.ruleIndex]?.id, first.ruleId);
    assert.equal(first.locations[0]?.physicalLocation.artifactLocation.uri, 'sub%20dir/d,1.md', 'relative and URI-encoded');
    assert.deepEqual(first.locations[0]?.physicalLocation.region, { startLine: 3, startColumn: 34, endLine: 3, endColumn: 44 });
    const fingerprints = run.results.map((x) => Object.values(x.partialFingerprints)[0]);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
    // Stable across runs.
    const again = JSON.parse(runCli(['--format', 'sarif'], tree.root).stdout) as typeof log;
    assert.deepEqual(again.runs[0]?.results.map((x) => x.partialFingerprints), run.results.map((x) => x.partialFingerprints));
  });
});

/** Reads `::level k=v,k=v::message` back, undoing GitHub's escapes. */
function parseCommand(line: string): { level: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const kv of m[2]!.split(',')) {
    const eq = kv.indexOf('=');
    props[kv.slice(0, eq)] = unescape(kv.slice(eq + 1));
  }
  return { level: m[1]!, props, message: unescape(m[3]!) };
}

describe('github', () => {
  test('escaping', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });

  test('every annotation parses back to the json report', () => {
    const tree = tempTree({ 'we:ird,name.md': defects });
    try {
      const lines = runCli(['--format', 'github'], tree.root).stdout.trimEnd().split('\n');
      const report = JSON.parse(runCli(['--format', 'json'], tree.root).stdout) as JsonReport;
      const expected = report.files.flatMap((f) => f.issues.map((i) => ({
        level: i.severity === 'info' ? 'notice' : i.severity,
        props: { file: f.path, line: String(i.line), col: String(i.column), endLine: String(i.endLine), endColumn: String(i.endColumn), title: `digest(${i.rule})` },
        message: i.message,
      })));
      assert.equal(expected.length, 3);
      assert.deepEqual(lines.map(parseCommand), expected);
      assert.ok(lines[0]?.includes('file=we%3Aird%2Cname.md'));
    } finally {
      tree.dispose();
    }
  });
});
