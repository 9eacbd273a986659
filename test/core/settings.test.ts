import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, defaultSettings, DEFAULT_REQUIRED_SECTIONS, matchesFiles, normalizeSettings, SETTINGS_SECTION } from '../../server/src/core';
import { digestText, doc, paperText } from '../helpers/digest';

describe('normalizeSettings', () => {
  test('anything that is not an object gives the defaults', () => {
    for (const raw of [undefined, null, 42, 'x', [], true]) assert.deepEqual(normalizeSettings(raw), defaultSettings);
  });

  test('keeps well-typed values and drops the rest', () => {
    assert.deepEqual(normalizeSettings({ requiredSections: ['  Summary ', '', 3, 'Limitations'], files: 'not-a-list', hover: { images: 'yes' } }), {
      requiredSections: ['Summary', 'Limitations'],
      files: [],
      hoverImages: true,
      workspaceIndex: true,
    });
    assert.deepEqual(normalizeSettings({ files: ['**/*.md'], hover: { images: false } }), { requiredSections: DEFAULT_REQUIRED_SECTIONS, files: ['**/*.md'], hoverImages: false, workspaceIndex: true });
    assert.equal(normalizeSettings({ 'hover.images': false }).hoverImages, false);
  });

  test('an empty requiredSections list is kept: nothing is required', () => {
    assert.deepEqual(normalizeSettings({ requiredSections: [] }).requiredSections, []);
  });

  test('the section name is "digest"', () => {
    assert.equal(SETTINGS_SECTION, 'digest');
  });
});

describe('requiredSections', () => {
  const text = digestText('2025-01-23', [{ sections: ["***What's New***: a", '***Limitations***: b'] }]);
  const missing = (raw: unknown): string[] =>
    (createLanguageService().computeDiagnostics(doc(text), normalizeSettings(raw)) ?? []).filter((i) => i.rule === 'missing-section').map((i) => i.message);

  test('defaults to the three standard sections', () => {
    assert.equal(missing({}).length, 2);
    assert.ok(missing({}).some((m) => m.includes('"Technical Details"')));
    assert.ok(missing({}).some((m) => m.includes('"Performance Highlights"')));
  });

  test('a custom list changes what is missing', () => {
    assert.deepEqual(missing({ requiredSections: ["What's New", 'Limitations'] }), []);
    const m = missing({ requiredSections: ['Limitations', 'Summary'] });
    assert.equal(m.length, 1);
    assert.ok(m[0]?.includes('"Summary"'));
    assert.deepEqual(missing({ requiredSections: [] }), []);
  });

  test('the same service follows a settings change for the same version', () => {
    const service = createLanguageService();
    const d = doc(text);
    const count = (raw: unknown): number => (service.computeDiagnostics(d, normalizeSettings(raw)) ?? []).filter((i) => i.rule === 'missing-section').length;
    assert.equal(count({}), 2);
    assert.equal(count({ requiredSections: ['Summary'] }), 1);
    assert.equal(count({}), 2);
  });
});

describe('files', () => {
  const noHeading = `${paperText({ title: 'Forced In' })}`;

  test('a file without a day heading is not a digest by default', () => {
    const service = createLanguageService();
    assert.deepEqual(service.computeDiagnostics(doc(noHeading, 'file:///work/notes/today.md')), []);
    assert.equal(service.getModel(doc(noHeading, 'file:///work/notes/today.md')), undefined);
  });

  test('a matching glob forces it in, and it gets missing-digest-heading', () => {
    const settings = normalizeSettings({ files: ['**/notes/*.md'] });
    const issues = createLanguageService().computeDiagnostics(doc(noHeading, 'file:///work/notes/today.md'), settings) ?? [];
    assert.deepEqual(issues.map((i) => i.rule), ['missing-digest-heading']);
    assert.deepEqual(issues[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  test('changing the setting for the same version takes effect', () => {
    const service = createLanguageService();
    const d = doc(noHeading, 'file:///work/notes/today.md');
    assert.equal(service.computeDiagnostics(d, normalizeSettings({ files: ['**/today.md'] }))?.length, 1);
    assert.deepEqual(service.computeDiagnostics(d, defaultSettings), []);
    assert.equal(service.getDocumentSymbols(d, normalizeSettings({ files: ['**/today.md'] })).length, 1);
  });

  test('globs are relative to workspace folders or absolute', () => {
    const folders = ['/work/ws'];
    assert.equal(matchesFiles('file:///work/ws/digests/a.md', ['digests/*.md'], folders), true);
    assert.equal(matchesFiles('file:///work/ws/digests/a.md', ['/work/ws/digests/*.md'], []), true);
    assert.equal(matchesFiles('file:///work/ws/digests/a.md', ['digests/*.md'], []), false);
    assert.equal(matchesFiles('file:///work/other/digests/a.md', ['digests/*.md'], folders), false);
    assert.equal(matchesFiles('file:///work/ws/digests/deep/a.md', ['digests/*.md'], folders), false);
    assert.equal(matchesFiles('file:///work/ws/digests/deep/a.md', ['digests/**/*.md'], folders), true);
    assert.equal(matchesFiles('file:///work/ws/.hidden/a.md', ['**/*.md'], folders), true, 'dot folders match');
    assert.equal(matchesFiles('file:///work/ws/My%20Digests/a.md', ['My Digests/*.md'], folders), true, 'the URI is decoded');
    assert.equal(matchesFiles('file:///work/ws/a.md', [], folders), false);
    assert.equal(matchesFiles('not a uri', ['**'], folders), false);
  });

  test('the service uses the workspace folders it was given', () => {
    const service = createLanguageService({ workspaceFolders: () => ['/work/ws'] });
    const settings = normalizeSettings({ files: ['digests/*.md'] });
    assert.equal(service.computeDiagnostics(doc(noHeading, 'file:///work/ws/digests/a.md'), settings)?.length, 1);
    assert.equal(service.computeDiagnostics(doc(noHeading, 'file:///work/elsewhere/digests/a.md'), settings)?.length, 0);
  });

  test('a file with a day heading is a digest whatever the setting says', () => {
    const t = digestText('2025-01-23', [{}]);
    assert.ok(createLanguageService().getModel(doc(t, 'file:///x/y.md'), normalizeSettings({ files: ['nothing/*.md'] })));
  });
});
