// Per-document settings in-process: pulled once per document and cached,
// dropped on change, defaults when the pull fails, pushed ones without pull.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, SETTINGS_SECTION } from '../../server/src/core';
import { SettingsStore } from '../../server/src/lsp/settingsStore';

interface Pull {
  readonly scopeUri?: string;
  readonly section?: string;
}

/** A connection whose client answers each pull with `answer(uri)`, counting the pulls. */
function client(answer: (uri: string | undefined) => unknown): { connection: Connection; pulls: Pull[] } {
  const pulls: Pull[] = [];
  const connection = {
    workspace: {
      getConfiguration: (item: Pull) => {
        pulls.push(item);
        const value = answer(item.scopeUri);
        return value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
      },
    },
  } as unknown as Connection;
  return { connection, pulls };
}

const A = 'file:///a.md';
const B = 'file:///b.md';

test('pulls the digest section once per document, scoped to it, and caches it', async () => {
  const { connection, pulls } = client((uri) => ({ requiredSections: [uri === A ? 'Alpha' : 'Beta'] }));
  const store = new SettingsStore(connection, true);
  assert.deepEqual((await store.get(A)).requiredSections, ['Alpha']);
  assert.deepEqual((await store.get(A)).requiredSections, ['Alpha']);
  assert.deepEqual((await store.get(B)).requiredSections, ['Beta']);
  assert.deepEqual(pulls, [{ scopeUri: A, section: SETTINGS_SECTION }, { scopeUri: B, section: SETTINGS_SECTION }]);
});

test('forget drops one document, clear drops all: the next get pulls again', async () => {
  const { connection, pulls } = client(() => ({}));
  const store = new SettingsStore(connection, true);
  await store.get(A);
  await store.get(B);
  store.forget(A);
  await store.get(A);
  await store.get(B);
  assert.deepEqual(pulls.map((p) => p.scopeUri), [A, B, A]);
  store.clear();
  await store.get(B);
  assert.deepEqual(pulls.map((p) => p.scopeUri), [A, B, A, B]);
});

test('a failed pull gives the defaults, not an error', async () => {
  const { connection } = client(() => new Error('client went away'));
  const store = new SettingsStore(connection, true);
  assert.deepEqual(await store.get(A), defaultSettings);
});

test('without pull support the pushed settings apply to every document, and nothing is pulled', async () => {
  const { connection, pulls } = client(() => ({ requiredSections: ['Never'] }));
  const store = new SettingsStore(connection, false);
  assert.deepEqual(await store.get(A), defaultSettings);
  store.setGlobal({ requiredSections: ['Pushed'] });
  assert.deepEqual((await store.get(A)).requiredSections, ['Pushed']);
  assert.deepEqual((await store.get(B)).requiredSections, ['Pushed']);
  assert.deepEqual(pulls, []);
});

test('setGlobal also drops what was pulled', async () => {
  let section = 'First';
  const { connection, pulls } = client(() => ({ requiredSections: [section] }));
  const store = new SettingsStore(connection, true);
  assert.deepEqual((await store.get(A)).requiredSections, ['First']);
  section = 'Second';
  store.setGlobal({});
  assert.deepEqual((await store.get(A)).requiredSections, ['Second']);
  assert.equal(pulls.length, 2);
});
