// Builds the .vsix offline with the same options as `npm run package` and
// checks what a user gets: everything the manifest and the README point at,
// and nothing else (no sources, tests, examples, maps or node_modules).
// It packages a copy of the repository: packaging rebuilds the bundles
// (vscode:prepublish), which other tests run concurrently.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { REPO_ROOT } from '../helpers/paths';

interface ZipEntry {
  readonly name: string;
  read(): Buffer;
}

/** The entries of a zip file, from its central directory. */
function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip end record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.push({
      name,
      read: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + size);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const PACKAGE_JSON = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  main: string;
  icon: string;
  l10n: string;
  scripts: Record<string, string>;
  contributes: { grammars: { path: string }[]; snippets: { path: string }[]; jsonValidation: { url: string }[] };
};

describe('the packaged extension', { timeout: 240_000 }, () => {
  let dir: string;
  let entries: ZipEntry[];
  let names: string[];
  const file = (name: string): Buffer => {
    const e = entries.find((x) => x.name === `extension/${name}`);
    assert.ok(e, `${name} is packaged`);
    return e.read();
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'digest-vsix-'));
    const out = join(dir, 'digest.vsix');
    const work = join(dir, 'repo');
    cpSync(REPO_ROOT, work, { recursive: true, filter: (src) => !/[\\/](node_modules|\.git)$/.test(src) && !src.endsWith('.vsix') });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    // The npm script's own options, with the output moved out of the repository.
    const args = PACKAGE_JSON.scripts['package']!.split(/\s+/).slice(1);
    args[args.indexOf('-o') + 1] = out;
    const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, ...args], { cwd: work, encoding: 'utf8', timeout: 180_000 });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    entries = readZip(readFileSync(out));
    names = entries.map((e) => e.name).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)).sort();
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('holds only what a user needs', () => {
    const allowed = [
      /^package\.json$/,
      /^package\.nls(\.ko)?\.json$/,
      /^l10n\/bundle\.l10n\.ko\.json$/,
      /^(readme|changelog)\.md$/i,
      /^LICENSE(\.txt)?$/,
      /^images\/icon\.png$/,
      /^docs\/rules\.md$/,
      /^docs\/images\/[\w-]+\.png$/,
      /^client\/out\/extension\.js$/,
      /^server\/out\/(server|cli)\.js$/,
      /^syntaxes\/digest\.injection\.tmLanguage\.json$/,
      /^snippets\/digest\.code-snippets$/,
      /^schemas\/digest-lint\.schema\.json$/,
    ];
    const unexpected = names.filter((n) => !allowed.some((re) => re.test(n)));
    assert.deepEqual(unexpected, []);
    for (const n of names) assert.doesNotMatch(n, /\.(ts|map)$|node_modules|^test\/|^examples\/|^scripts\//, n);
  });

  test('has everything the manifest points at: main, server, icon, grammar, snippets, translations, changelog', () => {
    for (const required of [
      PACKAGE_JSON.main.replace(/^\.\//, ''),
      'server/out/server.js',
      PACKAGE_JSON.icon,
      ...PACKAGE_JSON.contributes.grammars.map((g) => g.path.replace(/^\.\//, '')),
      ...PACKAGE_JSON.contributes.snippets.map((s) => s.path.replace(/^\.\//, '')),
      'package.nls.json',
      'package.nls.ko.json',
      `${PACKAGE_JSON.l10n.replace(/^\.\//, '')}/bundle.l10n.ko.json`,
      'docs/rules.md',
      ...PACKAGE_JSON.contributes.jsonValidation.map((j) => j.url.replace(/^\.\//, '')),
    ]) {
      assert.ok(names.includes(required), `${required} is packaged`);
    }
    assert.ok(names.some((n) => /^changelog\.md$/i.test(n)), 'a changelog');
    const icon = file(PACKAGE_JSON.icon);
    assert.deepEqual([...icon.subarray(1, 4)], [0x50, 0x4e, 0x47], 'the icon is a PNG');
    assert.ok(icon.readUInt32BE(16) >= 128, 'the icon is at least 128 px wide');
    const manifest = JSON.parse(file('package.json').toString('utf8')) as { repository?: { url?: string } };
    assert.match(manifest.repository?.url ?? '', /^https:\/\//);
  });

  test('every picture the README shows is packaged, so the details page shows it', () => {
    const readme = file(names.find((n) => /^readme\.md$/i.test(n))!).toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
    assert.ok(images.length >= 3, images.join());
    for (const src of images) assert.ok(names.includes(src.replace(/^\.\//, '')), `${src} is packaged`);
  });

  test('the rules doc names every diagnostic code: the code links open it', () => {
    const doc = file('docs/rules.md').toString('utf8');
    for (const m of readFileSync(join(REPO_ROOT, 'server/src/core/rules/rule.ts'), 'utf8').matchAll(/: '([a-z]+(?:-[a-z]+)+)',/g)) {
      assert.match(doc, new RegExp(`^## ${m[1]}$`, 'm'));
    }
  });
});
