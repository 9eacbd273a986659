import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';

test('a clean paper has no issues', () => {
  const text = `## Daily Papers (2025-01-23)

### [A Paper](https://arxiv.org/abs/2501.12948)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.12948.png)

Vote: 96

Authors: First Author, Second Author

- ***What's New***: a
- ***Technical Details***: b
- ***Performance Highlights***: c
`;
  const ls = createLanguageService();
  assert.deepEqual(ls.computeDiagnostics({ uri: 'file:///a.md', version: 1, getText: () => text }), []);
});
