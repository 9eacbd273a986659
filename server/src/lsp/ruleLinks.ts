// The link behind each diagnostic code. VS Code opens `file:` links through
// its opener, which ignores `#missing-section` but selects a line when the
// fragment starts with `L<line>`; so the link names the line of the rule's
// heading in the rules doc shipped next to the server, followed by the
// anchor for readers and other editors: `rules.md#L29#missing-section`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl, RULES_DOC_PATH, type RuleId } from '../core';

/** The bundle sits in server/out/, two folders below the docs, in the repository and in the .vsix alike. */
export const RULES_DOC_FILE = join(__dirname, '..', '..', RULES_DOC_PATH);
const RULES_DOC_URL = pathToFileURL(RULES_DOC_FILE).href;

const RULE_HEADING = /^##[ \t]+([a-z0-9-]+)[ \t]*$/;

/** 1-based line of each `## rule-id` heading in the rules doc text. */
export function ruleHeadingLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const id = RULE_HEADING.exec(line.replace(/\r$/, ''))?.[1];
    if (id && !lines.has(id)) lines.set(id, i + 1);
  });
  return lines;
}

let headingLines: Map<string, number> | undefined;

function readHeadingLines(): Map<string, number> {
  if (!headingLines) {
    try {
      headingLines = ruleHeadingLines(readFileSync(RULES_DOC_FILE, 'utf8'));
    } catch {
      // A server copied without its docs still gives a link with the anchor.
      headingLines = new Map();
    }
  }
  return headingLines;
}

/** `file:///…/docs/rules.md#L29#missing-section`; without a heading line, `…#missing-section`. */
export function ruleDocHref(id: RuleId): string {
  const line = readHeadingLines().get(id);
  return ruleDocUrl(id, line ? `${RULES_DOC_URL}#L${line}` : RULES_DOC_URL);
}
