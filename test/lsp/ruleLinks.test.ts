// The code link of every diagnostic opens docs/rules.md at the rule's heading:
// VS Code selects the line named by an `L<line>` fragment.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeResult } from 'vscode-languageserver-protocol/node';
import { rules, RULES_DOC_PATH } from '../../server/src/core';
import { ruleHeadingLines } from '../../server/src/lsp/ruleLinks';
import { paperText } from '../helpers/digest';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

const DOC_TEXT = readFileSync(join(REPO_ROOT, RULES_DOC_PATH), 'utf8');
const DOC_LINES = DOC_TEXT.split('\n');

describe('rule heading lines', () => {
  test('finds "## id" headings, 1-based, first one wins, not other headings or prose', () => {
    const lines = ruleHeadingLines('# Rules\n\nText ## not-this\n## missing-section\n\n### sub-heading\n## missing-vote \r\n## missing-section\n## Two Words\n');
    assert.deepEqual([...lines], [['missing-section', 4], ['missing-vote', 7]]);
  });

  test('every rule has its heading in docs/rules.md', () => {
    const lines = ruleHeadingLines(DOC_TEXT);
    for (const rule of rules) assert.ok(lines.has(rule.id), `docs/rules.md has "## ${rule.id}"`);
  });
});

describe('code links from the server', { timeout: 120_000 }, () => {
  let client: LspClient;

  before(async () => {
    ensureServerBuilt();
    client = LspClient.start();
    await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.kill();
  });

  test('each diagnostic links to the line of its rule\'s heading, and still names the anchor', async () => {
    const text = `## Daily Papers (2025-01-23)\n\n${paperText({ vote: null, authors: null, sections: ["***What's New***: Only this."] })}\n## Daily Papers (2025-01-23)\n`;
    const published = await client.open('file:///work/links/digest.md', text);
    const codes = new Set(published.diagnostics.map((d) => String(d.code)));
    assert.ok(codes.size >= 4, [...codes].join());
    for (const d of published.diagnostics) {
      const href = d.codeDescription?.href ?? '';
      const m = /^(file:\/\/[^#]+)#L(\d+)#([a-z-]+)$/.exec(href);
      assert.ok(m, `a line link: ${href}`);
      assert.equal(m[3], d.code);
      assert.equal(fileURLToPath(m[1]!), join(REPO_ROOT, RULES_DOC_PATH));
      assert.equal(DOC_LINES[Number(m[2]) - 1], `## ${String(d.code)}`);
    }
  });
});
