import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from '../../server/src/core';

test('digest.workspace.index: on by default, off when false, nested or dotted; other types ignored', () => {
  assert.equal(normalizeSettings({}).workspaceIndex, true);
  assert.equal(normalizeSettings({ workspace: { index: false } }).workspaceIndex, false);
  assert.equal(normalizeSettings({ 'workspace.index': false }).workspaceIndex, false);
  assert.equal(normalizeSettings({ workspace: { index: 'no' } }).workspaceIndex, true);
});
