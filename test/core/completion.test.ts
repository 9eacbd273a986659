import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, normalizeSettings, RuleId, type DigestCompletion, type Position } from '../../server/src/core';
import { nextDate } from '../../server/src/core/features/completion';
import { applyEdits, doc, paperText, positionAt, thumbnailFor } from '../helpers/digest';

const CURSOR = '‸';
/** Noon, so the local date is the same in every time zone a test runs in. */
const FIXED_NOW = new Date(2026, 10, 25, 12, 0, 0);

/** Text with one `‸` marking the cursor. */
function split(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  assert.ok(at >= 0, 'the text needs a cursor marker');
  return { text: marked.slice(0, at) + marked.slice(at + CURSOR.length), position: positionAt(marked, at) };
}

function complete(marked: string, raw: unknown = {}, uri?: string): { items: DigestCompletion[]; text: string } {
  const { text, position } = split(marked);
  const service = createLanguageService({ now: () => FIXED_NOW });
  return { items: service.getCompletions(doc(text, uri), position, normalizeSettings(raw)), text };
}

function sorted(items: readonly DigestCompletion[]): DigestCompletion[] {
  return [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

function accept(text: string, item: DigestCompletion): string {
  return applyEdits(text, [{ range: item.range, newText: item.newText }]);
}

const HEADING = '## Daily Papers (2025-01-23)\n\n';
const PAPER_HEAD = `### [A Paper](https://arxiv.org/abs/2501.12948)\n\n![](${thumbnailFor('2501.12948')})\n\nVote: 3\n\nAuthors: Ada Lovelace\n\n`;

describe('completion: section labels after a bullet', () => {
  test('after "- ***" the missing sections come first, in the configured order', () => {
    const { items, text } = complete(`${HEADING}${PAPER_HEAD}- ***What's New***: Something.\n- ***${CURSOR}\n`);
    const order = sorted(items).map((i) => i.label);
    assert.deepEqual(order, ['Technical Details', 'Performance Highlights', "What's New"]);
    const first = sorted(items)[0]!;
    assert.equal(first.kind, 'section');
    assert.equal(first.preselect, true);
    assert.equal(items.filter((i) => i.preselect).length, 1, 'one preselected item');
    assert.equal(first.newText, '- ***Technical Details***: ');
    assert.equal(first.detail, 'missing section');
    assert.equal(items.find((i) => i.label === "What's New")!.detail, 'section (already in this paper)');
    const after = accept(text, first);
    assert.ok(after.includes("- ***What's New***: Something.\n- ***Technical Details***: \n"), after);
  });

  test('accepting a label and writing its text clears that missing-section report', () => {
    const { items, text } = complete(`${HEADING}${PAPER_HEAD}- ***What's New***: Something.\n- ***${CURSOR}\n- ***Performance Highlights***: Fast.\n`);
    const item = sorted(items)[0]!;
    assert.equal(item.label, 'Technical Details');
    const service = createLanguageService();
    const before = service.computeDiagnostics(doc(text.replace('- ***\n', ''))) ?? [];
    assert.ok(before.some((i) => i.rule === RuleId.missingSection && i.message.includes('Technical Details')));
    const after = accept(text, item).replace('- ***Technical Details***: ', '- ***Technical Details***: Parsing.');
    const issues = createLanguageService().computeDiagnostics(doc(after)) ?? [];
    assert.deepEqual(issues.map((i) => i.rule), []);
  });

  test('"- **" keeps bold markup and the filter text starts with what was typed', () => {
    const { items } = complete(`${HEADING}${PAPER_HEAD}- **${CURSOR}\n`);
    const first = sorted(items)[0]!;
    assert.equal(first.label, "What's New");
    assert.equal(first.newText, "- **What's New**: ");
    assert.equal(first.filterText, "- **What's New");
  });

  test('a bare "-" and a partly typed label are completed too; the range runs from the bullet to the line end', () => {
    const dash = complete(`${HEADING}${PAPER_HEAD}-${CURSOR}\n`);
    assert.equal(sorted(dash.items)[0]!.newText, "- ***What's New***: ");
    const partial = complete(`${HEADING}${PAPER_HEAD}  - ***Tech${CURSOR}***\n`);
    const item = partial.items.find((i) => i.label === 'Technical Details')!;
    const line = partial.text.split('\n').indexOf('  - ***Tech***');
    assert.deepEqual(item.range, { start: { line, character: 2 }, end: { line, character: 14 } });
    assert.equal(item.filterText, '- ***Technical Details');
    assert.ok(accept(partial.text, item).includes('\n  - ***Technical Details***: \n'));
  });

  test('the label being typed does not count as present', () => {
    const { items } = complete(`${HEADING}${PAPER_HEAD}- ***What's Ne${CURSOR}\n`);
    assert.equal(sorted(items)[0]!.label, "What's New");
    assert.equal(sorted(items)[0]!.detail, 'missing section');
  });

  test('a near-miss label counts as present (mislabelled-section fixes it)', () => {
    const { items } = complete(`${HEADING}${PAPER_HEAD}- ***Whats New***: Something.\n- ***${CURSOR}\n`);
    assert.deepEqual(sorted(items).map((i) => i.label), ['Technical Details', 'Performance Highlights', "What's New"]);
  });

  test('configured sections, in their configured order', () => {
    const { items } = complete(`${HEADING}${PAPER_HEAD}- ***Limits***: None.\n- ***${CURSOR}\n`, { requiredSections: ['Summary', 'Limits', 'Code'] });
    assert.deepEqual(sorted(items).map((i) => i.label), ['Summary', 'Code', 'Limits']);
    assert.equal(items.find((i) => i.label === 'Code')!.newText, '- ***Code***: ');
  });

  test('text after the cursor, or a bullet outside a paper, gets nothing', () => {
    assert.deepEqual(complete(`${HEADING}${PAPER_HEAD}- ***${CURSOR} already text\n`).items, []);
    assert.deepEqual(complete(`${HEADING}- ***${CURSOR}\n\n${PAPER_HEAD}`).items.filter((i) => i.kind === 'section'), []);
    assert.deepEqual(complete(`${HEADING}${PAPER_HEAD}- ***What's New***: A${CURSOR}\n`).items, []);
  });
});

describe('completion: an empty line inside a paper', () => {
  test('offers the thumbnail from the id, Vote, Authors and the missing sections, in entry order', () => {
    const { items, text } = complete(`${HEADING}### [A Paper](https://arxiv.org/abs/2501.12948)\n${CURSOR}\n- ***What's New***: Something.\n`);
    assert.deepEqual(sorted(items).map((i) => i.kind), ['thumbnail', 'vote', 'authors', 'section', 'section']);
    const [thumb, vote, authors, s1, s2] = sorted(items) as [DigestCompletion, DigestCompletion, DigestCompletion, DigestCompletion, DigestCompletion];
    assert.equal(thumb.newText, `![](${thumbnailFor('2501.12948')})`);
    assert.equal(thumb.preselect, true);
    assert.equal(vote.newText, 'Vote: ');
    assert.equal(authors.newText, 'Authors: ');
    assert.deepEqual([s1.newText, s2.newText], ['- ***Technical Details***: ', '- ***Performance Highlights***: ']);
    // Accepting the thumbnail gives a paper without a missing-thumbnail report.
    const filled = accept(text, thumb);
    const rules = (createLanguageService().computeDiagnostics(doc(filled)) ?? []).map((i) => i.rule);
    assert.ok(!rules.includes(RuleId.missingThumbnail), rules.join());
    assert.ok(rules.includes(RuleId.missingVote));
  });

  test('only what is missing: a complete paper offers nothing inside it', () => {
    const complete3 = paperText().replace('Vote: 12\n', `Vote: 12\n${CURSOR}\n`);
    assert.deepEqual(complete(`${HEADING}${complete3}`).items, []);
  });

  test('a typed first letter is replaced with the whole part', () => {
    const { items, text } = complete(`${HEADING}### [A Paper](https://arxiv.org/abs/2501.12948)\n\nVo${CURSOR}\n`);
    const vote = items.find((i) => i.kind === 'vote')!;
    assert.equal(vote.filterText, 'Vote: ');
    assert.ok(accept(text, vote).includes('\n\nVote: \n'));
  });

  test('no thumbnail without a valid id; no labels in a paper written with unlabeled bullets', () => {
    const noId = complete(`${HEADING}### [A Paper](https://arxiv.org/abs/25O1.12948)\n${CURSOR}\n`);
    assert.ok(!noId.items.some((i) => i.kind === 'thumbnail'));
    assert.ok(noId.items.some((i) => i.kind === 'vote'));
    const legacy = complete(`${HEADING}### [A Paper](https://arxiv.org/abs/2501.12948)\n${CURSOR}\n- It does a thing.\n- It is fast.\n`);
    assert.ok(!legacy.items.some((i) => i.kind === 'section'), legacy.items.map((i) => i.label).join());
  });

  test('the heading line itself is not completed', () => {
    assert.deepEqual(complete(`${HEADING}###${CURSOR} [A Paper](https://arxiv.org/abs/2501.12948)\n\n`).items, []);
    assert.deepEqual(complete(`##${CURSOR} Daily Papers (2025-01-23)\n`).items, []);
  });
});

describe('completion: between papers and at the end', () => {
  test('at the end: a paper skeleton with the id typed once, then the next day', () => {
    const { items, text } = complete(`${HEADING}${paperText()}\n${CURSOR}`);
    const [paper, day] = sorted(items) as [DigestCompletion, DigestCompletion];
    assert.equal(paper.kind, 'paper');
    assert.equal(paper.snippet, true);
    assert.equal(paper.newText.split('${1:2501.00000}').length - 1, 1, 'the id placeholder appears once');
    assert.ok(paper.newText.includes('/papers/${1}.png'), 'the thumbnail mirrors the id');
    for (const label of ["What's New", 'Technical Details', 'Performance Highlights']) assert.ok(paper.newText.includes(`- ***${label}***: `));
    assert.ok(!paper.newText.startsWith('\n'), 'the line above is blank already');
    assert.equal(day.kind, 'day');
    assert.equal(day.newText, '## Daily Papers (2025-01-24)');
    assert.equal(items.length, 2);
    assert.equal(text.length + day.newText.length, accept(text, day).length);
  });

  test('between two papers: a skeleton, but no day heading', () => {
    const { items } = complete(`${HEADING}${paperText()}\n${CURSOR}\n${paperText({ id: '2501.00001', title: 'Other' })}`);
    assert.deepEqual(items.map((i) => i.kind), ['paper']);
  });

  test('right under a paper\'s last line: the paper\'s missing parts first, and the skeleton keeps a blank line above', () => {
    const { items } = complete(`${HEADING}### [A Paper](https://arxiv.org/abs/2501.12948)\n\n- ***What's New***: X.\n${CURSOR}`);
    const kinds = sorted(items).map((i) => i.kind);
    assert.deepEqual(kinds, ['thumbnail', 'vote', 'authors', 'section', 'section', 'paper', 'day']);
    assert.ok(items.find((i) => i.kind === 'paper')!.newText.startsWith('\n### ['));
  });

  test('the skeleton uses configured sections and escapes snippet syntax in them', () => {
    const { items } = complete(`${HEADING}${paperText({ sections: ['***Cost $5***: x'] })}\n${CURSOR}`, { requiredSections: ['Cost $5', 'Notes}'] });
    const paper = items.find((i) => i.kind === 'paper')!;
    assert.ok(paper.newText.includes('- ***Cost \\$5***: ${5}'), paper.newText);
    assert.ok(paper.newText.includes('- ***Notes\\}***: ${6}'), paper.newText);
  });

  test('typing "#" or "###" at the end or between papers still completes there', () => {
    const end = complete(`${HEADING}${paperText()}\n#${CURSOR}\n`);
    const day = end.items.find((i) => i.kind === 'day')!;
    assert.equal(day.newText, '## Daily Papers (2025-01-24)');
    assert.deepEqual(day.range.start.character, 0);
    assert.equal(day.range.end.character, 1);
    assert.ok(accept(end.text, day).endsWith('\n## Daily Papers (2025-01-24)\n'), JSON.stringify(accept(end.text, day).slice(-60)));
    const between = complete(`${HEADING}${paperText()}\n###${CURSOR}\n\n${paperText({ id: '2501.00001', title: 'Other' })}`);
    const paper = between.items.find((i) => i.kind === 'paper')!;
    assert.ok(paper.newText.startsWith('### [${2:Paper title}]'), paper.newText);
    assert.equal(paper.range.end.character, 3);
    assert.ok(!between.items.some((i) => i.kind === 'day'));
    // A heading with text is a heading, not something being typed.
    assert.deepEqual(complete(`${HEADING}${paperText()}\n### [B]${CURSOR}\n`).items, []);
  });

  test('under a day heading: a paper first, with the id\'s YYMM from that day', () => {
    const { items } = complete(`## Daily Papers (2024-12-31)\n${CURSOR}\n`);
    const [paper, day] = sorted(items) as [DigestCompletion, DigestCompletion];
    assert.equal(paper.kind, 'paper');
    assert.ok(paper.newText.includes('${1:2412.00000}'), paper.newText);
    assert.equal(day.newText, '## Daily Papers (2025-01-01)');
  });
});

describe('completion: the day heading', () => {
  test('before any heading in a digest, the day after the last day in the file', () => {
    const { items } = complete(`${CURSOR}\n\n## Daily Papers (2025-01-23)\n\n## Daily Papers (2024-02-28)\n`);
    assert.deepEqual(items.map((i) => i.newText), ['## Daily Papers (2024-02-29)']);
    assert.equal(items[0]!.detail, 'the day after 2024-02-28');
  });

  test('a file that is a digest by setting and has no day: today, from the injected clock', () => {
    const { items } = complete(`# My notes\n\n#${CURSOR}\n`, { files: ['**/*.md'] }, 'file:///notes/today.md');
    assert.deepEqual(items.map((i) => i.newText), ['## Daily Papers (2026-11-25)']);
    assert.equal(items[0]!.filterText, '## Daily Papers (2026-11-25)');
    assert.deepEqual(items[0]!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
  });

  test('a plain Markdown file gets nothing, anywhere', () => {
    assert.deepEqual(complete(`# Notes\n\n${CURSOR}\n`).items, []);
    assert.deepEqual(complete(`# Notes\n\n### [A Paper](https://arxiv.org/abs/2501.12948)\n- ***${CURSOR}\n`).items, []);
  });

  test('a cancelled request and a position past the end get nothing', () => {
    const { text, position } = split(`${HEADING}${PAPER_HEAD}- ***${CURSOR}\n`);
    const service = createLanguageService();
    assert.deepEqual(service.getCompletions(doc(text), position, undefined, { isCancellationRequested: true }), []);
    assert.ok(service.getCompletions(doc(text), position).length > 0);
    assert.deepEqual(service.getCompletions(doc(text), { line: 999, character: 0 }), []);
  });

  test('CRLF line endings: the range stops before the carriage return', () => {
    const { items, text } = complete(`${HEADING}${PAPER_HEAD}- ***${CURSOR}\n`.replace(/\n/g, '\r\n'));
    const first = sorted(items)[0]!;
    assert.equal(first.label, "What's New");
    assert.equal(first.range.end.character, 5);
    assert.ok(accept(text, first).endsWith("- ***What's New***: \r\n"));
  });

  test('nextDate crosses months, years and leap days', () => {
    assert.equal(nextDate('2025-01-31'), '2025-02-01');
    assert.equal(nextDate('2024-12-31'), '2025-01-01');
    assert.equal(nextDate('2024-02-28'), '2024-02-29');
    assert.equal(nextDate('2023-02-28'), '2023-03-01');
  });
});
