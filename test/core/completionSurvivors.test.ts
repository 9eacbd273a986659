// Completion pinned item by item: every field the editor shows or uses (label,
// detail, inserted text, range, filter and sort text, preselect, snippet) at
// the boundaries where Stryker found the suite blind (line 0, the last line and
// past it, bare `#`s, bullets with odd spacing, the blank lines around a new
// paper, the id's YYMM from the clock). Expected texts are written out here,
// never derived from the code under test.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, normalizeSettings, type DigestCompletion, type Position } from '../../server/src/core';
import { COMPLETION_TRIGGER_CHARACTERS } from '../../server/src/core/features/completion';
import { doc, paperText, positionAt, thumbnailFor } from '../helpers/digest';

const CURSOR = '‸';
/** Noon, so the local date is the same in every time zone a test runs in. */
const NOV_25_2026 = new Date(2026, 10, 25, 12, 0, 0);

interface Seen {
  readonly kind: string;
  readonly label: string;
  readonly detail: string;
  readonly newText: string;
  readonly snippet: boolean;
  /** `line:char-line:char` */
  readonly range: string;
  readonly filterText: string;
  readonly sortText: string;
  readonly preselect: boolean;
}

function seen(i: DigestCompletion): Seen {
  const r = i.range;
  return {
    kind: i.kind,
    label: i.label,
    detail: i.detail,
    newText: i.newText,
    snippet: i.snippet,
    range: `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`,
    filterText: i.filterText,
    sortText: i.sortText,
    preselect: i.preselect,
  };
}

function split(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  assert.ok(at >= 0, 'the text needs a cursor marker');
  return { text: marked.slice(0, at) + marked.slice(at + CURSOR.length), position: positionAt(marked, at) };
}

function complete(marked: string, opts: { raw?: unknown; uri?: string; now?: Date } = {}): Seen[] {
  const { text, position } = split(marked);
  const now = opts.now ?? NOV_25_2026;
  const service = createLanguageService({ now: () => now });
  return service.getCompletions(doc(text, opts.uri), position, normalizeSettings(opts.raw ?? {})).map(seen);
}

const DAY = '## Daily Papers (2025-01-23)\n\n';
const ID = '2501.12948';
const HEAD = `### [A](https://arxiv.org/abs/${ID})\n\n`;
const THUMB = `![](${thumbnailFor(ID)})`;

/** The skeleton a "New paper" item inserts, written out by hand. */
function skeleton(yymm: string, above: '' | '\n', below: '' | '\n\n'): string {
  return (
    `${above}### [\${2:Paper title}](https://arxiv.org/abs/\${1:${yymm}.00000})\n` +
    '\n' +
    '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${1}.png)\n' +
    '\n' +
    'Vote: ${3:0}\n' +
    '\n' +
    'Authors: ${4:First Author, Second Author}\n' +
    '\n' +
    "- ***What's New***: ${5}\n" +
    '- ***Technical Details***: ${6}\n' +
    '- ***Performance Highlights***: ${7}$0' +
    below
  );
}

const PAPER_DETAIL = 'heading, thumbnail, vote, authors and sections; the arXiv id is typed once';

function paperItem(range: string, newText: string, sortText: string): Seen {
  return { kind: 'paper', label: 'New paper', detail: PAPER_DETAIL, newText, snippet: true, range, filterText: '### paper', sortText, preselect: sortText === 'a' };
}

function dayItem(range: string, date: string, detail: string, sortText: string): Seen {
  const heading = `## Daily Papers (${date})`;
  return { kind: 'day', label: heading, detail, newText: heading, snippet: false, range, filterText: heading, sortText, preselect: sortText === 'a' };
}

/** The parts of a paper with an id and nothing else, in entry order, each `a000`, `a001`… */
function partItems(range: string, sections: readonly string[] = ["What's New", 'Technical Details', 'Performance Highlights']): Seen[] {
  const parts: Array<Omit<Seen, 'sortText' | 'preselect' | 'range' | 'snippet'>> = [
    { kind: 'thumbnail', label: `![](…/${ID}.png)`, detail: 'thumbnail of this paper', newText: THUMB, filterText: THUMB },
    { kind: 'vote', label: 'Vote:', detail: 'vote count', newText: 'Vote: ', filterText: 'Vote: ' },
    { kind: 'authors', label: 'Authors:', detail: 'author list', newText: 'Authors: ', filterText: 'Authors: ' },
    ...sections.map((s) => ({ kind: 'section', label: s, detail: 'missing section', newText: `- ***${s}***: `, filterText: `- ***${s}***: ` })),
  ];
  return parts.map((p, i) => ({ ...p, snippet: false, range, sortText: `a00${i}`, preselect: i === 0 }));
}

function sectionItem(range: string, label: string, typed: string, sortText: string, preselect: boolean, marks = '***'): Seen {
  const detail = sortText.startsWith('a') ? 'missing section' : 'section (already in this paper)';
  return { kind: 'section', label, detail, newText: `- ${marks}${label}${marks}: `, snippet: false, range, filterText: `${typed}${label}`, sortText, preselect };
}

test('the trigger characters, including the first letters of Vote: and Authors:', () => {
  assert.deepEqual(COMPLETION_TRIGGER_CHARACTERS, ['*', '-', '#', '!', 'V', 'A']);
});

describe('completion survivors: section labels after a bullet', () => {
  test('"- ***" then a space after the cursor: the labels, exact, sorted a000.. for missing and b00n for present', () => {
    const items = complete(`${DAY}${HEAD}- ***What's New***: x\n- ***${CURSOR} \n`);
    const r = '5:0-5:6';
    assert.deepEqual(items, [
      sectionItem(r, "What's New", '- ***', 'b000', false),
      sectionItem(r, 'Technical Details', '- ***', 'a001', true),
      sectionItem(r, 'Performance Highlights', '- ***', 'a002', false),
    ]);
  });

  // [what is typed before the cursor, the range it gives, the filter-text prefix]
  const bullets: ReadonlyArray<[string, string, string]> = [
    // Two spaces after the dash: still a bullet, and the filter text keeps both spaces.
    ['-  ***', '4:0-4:6', '-  ***'],
    // An indented bare dash: the range starts at the dash, the filter text is the dash.
    ['\t-', '4:1-4:2', '-'],
  ];
  for (const [typed, r, prefix] of bullets) {
    test(`${JSON.stringify(typed)}: every label missing, range ${r}, filter text from ${JSON.stringify(prefix)}`, () => {
      assert.deepEqual(complete(`${DAY}${HEAD}${typed}${CURSOR}\n`), [
        sectionItem(r, "What's New", prefix, 'a000', true),
        sectionItem(r, 'Technical Details', prefix, 'a001', false),
        sectionItem(r, 'Performance Highlights', prefix, 'a002', false),
      ]);
    });
  }

  test('a dash after a word is not a bullet: nothing', () => {
    assert.deepEqual(complete(`${DAY}${HEAD}x -${CURSOR}\n`), []);
    assert.deepEqual(complete(`${DAY}${HEAD}x - ***${CURSOR}\n`), []);
  });
});

describe('completion survivors: a word on a line inside a paper', () => {
  test('an indented partial word with a space after the cursor: the range covers indent to line end', () => {
    assert.deepEqual(complete(`${DAY}${HEAD}  Vo${CURSOR} \n`), partItems('4:2-4:5'));
  });

  test('text after the cursor: nothing', () => {
    assert.deepEqual(complete(`${DAY}${HEAD}Vo${CURSOR}te\n`), []);
  });

  test('the cursor on the paper\'s last line (no final newline): only its parts, no new paper or day', () => {
    assert.deepEqual(complete(`${DAY}${HEAD}Vo${CURSOR}`), partItems('4:0-4:2'));
  });

  test('"Vote:" being typed on the cursor line still offers Vote (the line being typed does not count)', () => {
    assert.deepEqual(complete(`${DAY}${HEAD}Vote:${CURSOR}\n`), partItems('4:0-4:5'));
  });

  test('a thumbnail on the cursor line is offered again, replacing it', () => {
    const items = complete(`${DAY}${HEAD}Vote: 1\n\nAuthors: B\n\n${THUMB}${CURSOR}\n\n- ***What's New***: x\n- ***Technical Details***: y\n- ***Performance Highlights***: z\n`);
    const r = `8:0-8:${THUMB.length}`;
    assert.deepEqual(items, [{ ...partItems(r)[0]! }]);
  });

  test('one labeled and one unlabeled bullet: the labels are still offered', () => {
    const items = complete(`${DAY}${HEAD}${CURSOR}\n\n- ***What's New***: x\n- plain\n`);
    assert.deepEqual(items, partItems('4:0-4:0', ['Technical Details', 'Performance Highlights']));
  });
});

describe('completion survivors: line 0, heading lines and past the end', () => {
  const LATER_DAY = '\n\n## Daily Papers (2025-01-23)\n';

  test('a bare "#" on line 0 is text before the first heading: the day after the last day', () => {
    assert.deepEqual(complete(`#${CURSOR}${LATER_DAY}`), [dayItem('0:0-0:1', '2025-01-24', 'the day after 2025-01-23', 'a')]);
  });

  test('a real heading on line 0 ("# " or "### ") is never completed', () => {
    assert.deepEqual(complete(`#${CURSOR} ${LATER_DAY}`), []);
    assert.deepEqual(complete(`###${CURSOR} ${LATER_DAY}`), []);
  });

  test('a level-1 heading after a day starts text that gets nothing (no day offered there)', () => {
    assert.deepEqual(complete(`${DAY}# Notes\n${CURSOR}\n`), []);
  });

  test('the line just past the last line gets nothing; the last line itself does', () => {
    const text = `${DAY}${paperText()}`;
    const lines = text.split('\n').length;
    const service = createLanguageService({ now: () => NOV_25_2026 });
    assert.deepEqual(service.getCompletions(doc(text), { line: lines, character: 0 }), []);
    assert.deepEqual(service.getCompletions(doc(text), { line: lines - 1, character: 0 }).map((i) => i.kind), ['paper', 'day']);
  });

  test('an empty document gets nothing', () => {
    assert.deepEqual(complete(CURSOR), []);
  });
});

describe('completion survivors: bare hashes after a paper', () => {
  const PAPER = `${DAY}${paperText()}\n`;
  const line = PAPER.split('\n').length - 1;

  test('"### " with the cursor before the trailing space: a paper and a day, both replacing the whole line', () => {
    const r = `${line}:0-${line}:4`;
    assert.deepEqual(complete(`${PAPER}###${CURSOR} \n`), [
      paperItem(r, skeleton('2501', '', ''), 'b'),
      dayItem(r, '2025-01-24', 'the day after 2025-01-23', 'c'),
    ]);
  });

  test('an indented "  ###": the range starts after the indent', () => {
    const r = `${line}:2-${line}:5`;
    assert.deepEqual(complete(`${PAPER}  ###${CURSOR}\n`), [
      paperItem(r, skeleton('2501', '', ''), 'b'),
      dayItem(r, '2025-01-24', 'the day after 2025-01-23', 'c'),
    ]);
  });
  test('a bare "###" right under a paper heading: that paper\'s parts, then a paper with a blank line above, then a day', () => {
    const r = '3:0-3:3';
    assert.deepEqual(complete(`${DAY}### [A](https://arxiv.org/abs/${ID})\n###${CURSOR}\n`), [
      ...partItems(r),
      paperItem(r, skeleton('2501', '\n', ''), 'b'),
      dayItem(r, '2025-01-24', 'the day after 2025-01-23', 'c'),
    ]);
  });

  test('a bare "###" right under a day heading: a preselected paper, then the next day', () => {
    const r = '1:0-1:3';
    assert.deepEqual(complete(`## Daily Papers (2025-01-23)\n###${CURSOR}\n\n### [B](https://arxiv.org/abs/2501.00001)\n`), [
      paperItem(r, skeleton('2501', '\n', ''), 'a'),
      dayItem(r, '2025-01-24', 'the day after 2025-01-23', 'b'),
    ]);
  });
});

describe('completion survivors: the new-paper skeleton and the blank lines around it', () => {
  test('under a day heading with text right below: preselected, a blank line above and two line breaks after', () => {
    const items = complete(`## Daily Papers (2024-12-31)\n${CURSOR}\n## Daily Papers (2025-02-03)\n`);
    assert.deepEqual(items, [
      paperItem('1:0-1:0', skeleton('2412', '\n', '\n\n'), 'a'),
      dayItem('1:0-1:0', '2025-02-04', 'the day after 2025-02-03', 'b'),
    ]);
  });

  test('under a day heading with blank lines around: no extra line breaks', () => {
    const items = complete(`## Daily Papers (2024-12-31)\n\n${CURSOR}\n\n## Daily Papers (2025-02-03)\n`);
    assert.deepEqual(items, [
      paperItem('2:0-2:0', skeleton('2412', '', ''), 'a'),
      dayItem('2:0-2:0', '2025-02-04', 'the day after 2025-02-03', 'b'),
    ]);
  });

  test('between papers with the next heading right below: two line breaks after, no day', () => {
    const text = `${DAY}${paperText()}\n${CURSOR}\n${paperText({ id: '2501.00001', title: 'O' })}`;
    const line = split(text).position.line;
    assert.deepEqual(complete(text), [paperItem(`${line}:0-${line}:0`, skeleton('2501', '', '\n\n'), 'b')]);
  });

  test('a whitespace-only line above and below counts as blank', () => {
    const text = `${DAY}${paperText()}  \n${CURSOR}\n \n${paperText({ id: '2501.00001', title: 'O' })}`;
    const line = split(text).position.line;
    assert.deepEqual(complete(text), [paperItem(`${line}:0-${line}:0`, skeleton('2501', '', ''), 'b')]);
  });

  test('text above and a blank line below: one line break before, none after', () => {
    const text = `${DAY}${HEAD}- ***What's New***: x\n- ***Technical Details***: y\n- ***Performance Highlights***: z\n${CURSOR}\n\n`;
    const items = complete(text);
    const line = split(text).position.line;
    const paper = items.find((i) => i.kind === 'paper');
    assert.deepEqual(paper, paperItem(`${line}:0-${line}:0`, skeleton('2501', '\n', ''), 'b'));
  });
});

describe('completion survivors: the YYMM of the id placeholder', () => {
  const NO_DAY = `# Notes\n\n${HEAD}${CURSOR}`;
  const opts = { raw: { files: ['**/*.md'] }, uri: 'file:///notes/n.md' };

  test('no dated day: YYMM and the day come from the clock', () => {
    const r = '4:0-4:0';
    assert.deepEqual(complete(NO_DAY, opts), [...partItems(r), paperItem(r, skeleton('2611', '', ''), 'b'), dayItem(r, '2026-11-25', 'today', 'c')]);
  });

  test('January of a year ending in 09: both halves padded, the month counted from 1', () => {
    const jan = new Date(2009, 0, 5, 12, 0, 0);
    const items = complete(NO_DAY, { ...opts, now: jan });
    assert.deepEqual(items.filter((i) => i.kind !== 'paper').at(-1), dayItem('4:0-4:0', '2009-01-05', 'today', 'c'));
    assert.equal(items.find((i) => i.kind === 'paper')?.newText, skeleton('0901', '', ''));
  });

  test('the YYMM comes from the day above the cursor, not a later one', () => {
    const items = complete(`## Daily Papers (2023-07-01)\n\n${CURSOR}\n\n## Daily Papers (2025-02-03)\n`);
    assert.equal(items.find((i) => i.kind === 'paper')?.newText, skeleton('2307', '', ''));
  });
});
