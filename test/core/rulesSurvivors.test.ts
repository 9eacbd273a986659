// Behaviour of the rules that a Stryker batch over server/src/core/rules showed
// no test pinned: each test below fails on one or more of its surviving
// mutants (re-applied by hand, see docs/mutation-testing.md). Every test goes
// through the core language service, as the editor and the CLI do.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, fixAllText, normalizeSettings, type Issue } from '../../server/src/core';
import { digestText, doc, rangeOf, thumbnailFor, type PaperSpec } from '../helpers/digest';

const URI = 'file:///test/survivors.md';

function lint(text: string, settings: unknown = {}, uri = URI): Issue[] {
  const issues = createLanguageService().computeDiagnostics(doc(text, uri), normalizeSettings(settings));
  assert.ok(issues, 'not cancelled');
  return issues;
}

const ofRule = (issues: readonly Issue[], rule: string): Issue[] => issues.filter((i) => i.rule === rule);
const onePaper = (spec: PaperSpec): string => digestText('2025-01-23', [spec]);

describe('author-placeholder: what counts as a placeholder', () => {
  const reported = (authors: string): string[] => ofRule(lint(onePaper({ authors })), 'author-placeholder').map((i) => i.message);

  test('a bare "+", a count, and a count with "more", "others" or "authors", spaced or not', () => {
    for (const placeholder of ['+', '+12', '+ 3', '+3 more', '+ 5 others', '+ 2  Authors', '+more']) {
      assert.deepEqual(reported(`Ada Lovelace, ${placeholder}`), [`The author list contains the placeholder "${placeholder}"; expected the remaining author names.`], placeholder);
    }
  });

  test('a name with a plus in it is a name: "Lab A+", "+Jane", "+ Jane Doe", "+3 more authors", "+3x"', () => {
    for (const name of ['Lab A+', '+Jane', '+ Jane Doe', '+3 more authors', '+3x', 'Ada +']) assert.deepEqual(reported(`Ada Lovelace, ${name}`), [], name);
  });
});

describe('duplicate-author: what counts as the same author', () => {
  const dups = (authors: string): string[] => ofRule(lint(onePaper({ authors })), 'duplicate-author').map((i) => i.message);

  test('names that differ in a letter only upper case folds together (ß and ss, ı and i) are different authors', () => {
    assert.deepEqual(dups('Jan Straße, Jan Strasse'), []);
    assert.deepEqual(dups('Aslı Kaya, Asli Kaya'), []);
    assert.deepEqual(dups('Aslı Kaya, ASLI KAYA'), [], 'upper-case I is i, not ı');
  });

  test('spacing folds, but a space still separates: "Li  Wei" repeats "Li Wei", "LiWei" does not', () => {
    assert.deepEqual(dups('Li Wei, Li  Wei'), ['The author "Li  Wei" is listed twice.']);
    assert.deepEqual(dups('Li Wei, LiWei'), []);
  });

  test('repeated placeholders and empty list items are not authors listed twice', () => {
    assert.deepEqual(dups('Ada Lovelace, +3 more, Alan Turing, +3 more'), []);
    assert.deepEqual(dups("['Ada Lovelace', '', 'Alan Turing', '']"), []);
    assert.deepEqual(dups("['Ada Lovelace', ' ', 'Alan Turing', '  ']"), []);
  });

  test('a real name that ends in a plus is compared like any other', () => {
    assert.deepEqual(dups('Lab A+, Ada Lovelace, Lab A+'), ['The author "Lab A+" is listed twice.']);
  });
});

describe('legacy-format and missing-digest-heading on a file made a digest by digest.files', () => {
  const settings = { files: ['**/notes/*.md'] };
  const uri = 'file:///test/notes/reading.md';

  test('unlabeled papers without any day heading: the missing heading is reported, and no crash for the legacy note', () => {
    const text = '# Reading list\n\n### [A Paper](https://arxiv.org/abs/2501.00001)\n\n- A plain bullet.\n- Another one.\n';
    const issues = lint(text, settings, uri);
    assert.deepEqual(
      issues.filter((i) => i.rule === 'legacy-format' || i.rule === 'missing-digest-heading').map((i) => i.rule),
      ['missing-digest-heading'],
    );
  });

});

describe('malformed-arxiv-link: fixes for a bad id', () => {
  test('an id with a tail that is not an id: "Link to" the id in it is offered, but fix-all leaves it (a guess)', () => {
    const text = onePaper({ url: 'https://arxiv.org/abs/2501.12345-x', thumbnail: thumbnailFor('2501.12345') });
    const bad = ofRule(lint(text), 'malformed-arxiv-link');
    assert.equal(bad.length, 1);
    assert.equal(bad[0]?.fix?.title, 'Link to https://arxiv.org/abs/2501.12345');
    assert.equal(bad[0]?.fix?.certain, false);
    assert.equal(fixAllText(text, (t) => lint(t)).text, text, 'fix-all applies certain fixes only');
  });

  test('a confusable letter: the fix agrees with a thumbnail of another version (v12) but not with a thumbnail that is not that id', () => {
    const url = 'https://arxiv.org/abs/2502.O0917';
    const fixOf = (thumbnail: string): string | undefined => ofRule(lint(onePaper({ url, thumbnail })), 'malformed-arxiv-link')[0]?.fix?.title;
    assert.equal(fixOf(thumbnailFor('2502.00917v12')), 'Change the id to 2502.00917');
    assert.equal(fixOf(thumbnailFor('2502.00917v2')), 'Change the id to 2502.00917');
    assert.equal(fixOf(thumbnailFor('2502v1.00917')), undefined, 'a "v1" inside the name is not a version');
    assert.equal(fixOf(thumbnailFor('2502.00918')), undefined);
  });
});

describe('thumbnail-mismatch: the version of the thumbnail is ignored, and only at its end', () => {
  const mismatch = (thumbnail: string): string[] => ofRule(lint(onePaper({ id: '2501.00004', thumbnail })), 'thumbnail-mismatch').map((i) => i.message);

  test('v2 and v12 thumbnails show the same paper', () => {
    assert.deepEqual(mismatch(thumbnailFor('2501.00004v2')), []);
    assert.deepEqual(mismatch(thumbnailFor('2501.00004v12')), []);
  });

  test('a "v1" inside the name is not a version', () => {
    assert.deepEqual(mismatch(thumbnailFor('2501v1.00004')), ['The thumbnail shows paper 2501v1.00004, but this entry is 2501.00004.']);
  });
});

describe('mislabelled-section: the message quotes the label as written', () => {
  const messages = (bullet: string): string[] =>
    ofRule(lint(onePaper({ sections: [bullet, '***Technical Details***: b', '***Performance Highlights***: c'] })), 'mislabelled-section').map((i) => i.message);

  test('a spaced colon, a plain colon, no colon, and emphasis after the colon', () => {
    assert.deepEqual(messages("***Whats New*** : a"), [`Section label "***Whats New*** :" is a near miss of "What's New" (a misspelling); expected "***What's New***:".`]);
    assert.deepEqual(messages("***Whats New***: a"), [`Section label "***Whats New***:" is a near miss of "What's New" (a misspelling); expected "***What's New***:".`]);
    assert.deepEqual(messages("***Whats New*** a"), [`Section label "***Whats New***" is a near miss of "What's New" (a misspelling); expected "***What's New***:".`]);
    assert.deepEqual(messages("**Whats New:** a"), [`Section label "**Whats New:**" is a near miss of "What's New" (a misspelling); expected "**What's New**:".`]);
  });
});

describe('missing-section: which bullet counts, and where a missing one goes', () => {
  const issuesOf = (sections: readonly string[], settings: unknown = {}): { text: string; issues: Issue[] } => {
    const text = onePaper({ sections });
    return { text, issues: lint(text, settings) };
  };

  test('an exact label wins over a near miss of it, before or after it: the near miss being empty is no "empty section"', () => {
    const rest = ['***Technical Details***: b', '***Performance Highlights***: c'];
    for (const order of [["***Whats New***:", "***What's New***: a"], ["***What's New***: a", "***Whats New***:"]]) {
      const { issues } = issuesOf([...order, ...rest]);
      assert.deepEqual(ofRule(issues, 'missing-section'), [], order.join(' / '));
      assert.equal(ofRule(issues, 'mislabelled-section').length, 1);
    }
  });

  test('with no required section present, the bullet goes after the last bullet, not after a note below the bullets', () => {
    const text = onePaper({ sections: ['***Limitations***: none'] }) + '\nA closing note.\n';
    const edit = ofRule(lint(text), 'missing-section')[0]?.fix?.edits[0];
    assert.deepEqual(edit?.range.start, rangeOf(text, '- ***Limitations***: none').end);
  });

  test('before the next required section present, even when the one right after it is missing too', () => {
    const { text, issues } = issuesOf(['***Performance Highlights***: c']);
    const edit = ofRule(issues, 'missing-section').find((i) => i.message.includes("What's New"))?.fix?.edits[0];
    assert.deepEqual(edit?.range.start, { line: rangeOf(text, '- ***Performance Highlights***').start.line, character: 0 });
    assert.equal(edit?.newText, "- ***What's New***: \n");
  });

  test('after the previous required section present, even when the one right before it is missing too', () => {
    const { text, issues } = issuesOf(["***What's New***: a", '***Limitations***: none']);
    const edit = ofRule(issues, 'missing-section').find((i) => i.message.includes('Performance Highlights'))?.fix?.edits[0];
    assert.deepEqual(edit?.range.start, rangeOf(text, "- ***What's New***: a").end);
  });

  test('indented bullets: the new bullet gets the same indent, before the next section or after the previous one', () => {
    const text = onePaper({ sections: [] }).replace(/\n$/, '') + "\n  - ***What's New***: a\n  - ***Performance Highlights***: c\n";
    const edits = ofRule(lint(text), 'missing-section').map((i) => i.fix?.edits[0]);
    assert.deepEqual(edits.map((e) => e?.newText), ['  - ***Technical Details***: \n']);
    const after = onePaper({ sections: [] }).replace(/\n$/, '') + "\n  - ***What's New***: a\n";
    assert.deepEqual(
      ofRule(lint(after), 'missing-section').map((i) => i.fix?.edits[0]?.newText),
      ['\n  - ***Technical Details***: ', '\n  - ***Performance Highlights***: '],
    );
  });

  test('a configured label with snippet characters ($, }, \\) is escaped in the snippet and written plainly', () => {
    const settings = { requiredSections: ["What's New", 'Cost ($) {per run} a\\b'] };
    const text = onePaper({ sections: ["***What's New***: a"] });
    const fix = ofRule(lint(text, settings), 'missing-section')[0]?.fix?.edits[0];
    assert.equal(fix?.newText, '\n- ***Cost ($) {per run} a\\b***: ');
    assert.equal(fix?.snippet, '\n- ***Cost (\\$) {per run\\} a\\\\b***: $0');
  });
});

describe('control-character: the message names the character and, for \\b and \\f, the LaTeX that left it', () => {
  const messages = (text: string): string[] => ofRule(lint(text), 'control-character').map((i) => i.message);
  const inVote = (c: string): string => onePaper({ vote: `12${c}` });

  test('every named character, one without a name, and the two LaTeX hints', () => {
    assert.deepEqual(messages(inVote('\b')), ['Invisible control character U+0008 BACKSPACE (a "\\b" in LaTeX such as "\\beta" may have been read as an escape); expected printable text.']);
    assert.deepEqual(messages(inVote('\f')), ['Invisible control character U+000C FORM FEED (a "\\f" in LaTeX such as "\\frac" may have been read as an escape); expected printable text.']);
    assert.deepEqual(messages(inVote('\u0000')), ['Invisible control character U+0000 NUL; expected printable text.']);
    assert.deepEqual(messages(inVote('\u000b')), ['Invisible control character U+000B VERTICAL TAB; expected printable text.']);
    assert.deepEqual(messages(inVote('\u001b')), ['Invisible control character U+001B ESCAPE; expected printable text.']);
    assert.deepEqual(messages(inVote('\u007f')), ['Invisible control character U+007F DELETE; expected printable text.']);
    assert.deepEqual(messages(inVote('\u0001')), ['Invisible control character U+0001; expected printable text.']);
  });

  test('the summary of the characters past the cap sits on the first one left out, in the second paper too', () => {
    const text = digestText('2025-01-23', [{ id: '2501.00001' }, { id: '2501.00002', vote: `7${'\b'.repeat(52)}` }]);
    const summary = ofRule(lint(text), 'control-character').find((i) => i.message.startsWith('2 more control characters'));
    const vote = rangeOf(text, 'Vote: 7');
    assert.deepEqual(summary?.range, { start: { line: vote.start.line, character: 'Vote: 7'.length + 50 }, end: { line: vote.start.line, character: 'Vote: 7'.length + 51 } });
  });
});

describe('duplicate-paper after an edit: the same report as a fresh lint of the new text', () => {
  // The rule keeps its reports from one version to the next; what it reuses must still be right.
  const afterEdit = (before: string, after: string): { kept: Issue[]; fresh: Issue[] } => {
    const service = createLanguageService();
    service.computeDiagnostics(doc(before, URI, 1));
    const kept = ofRule(service.computeDiagnostics(doc(after, URI, 2)) ?? [], 'duplicate-paper');
    return { kept, fresh: ofRule(lint(after), 'duplicate-paper') };
  };
  const papers: PaperSpec[] = [
    { id: '2501.00001', title: 'First Listing' },
    { id: '2501.00002', title: 'Something Else' },
    { id: '2501.00001', title: 'Second Listing' },
  ];

  test('a paper added after the repeated one: "Remove this entry" now stops at the new paper', () => {
    const before = digestText('2025-01-23', papers);
    const after = digestText('2025-01-23', [...papers, { id: '2501.00003', title: 'Added Later' }]);
    const { kept, fresh } = afterEdit(before, after);
    assert.deepEqual(kept[0]?.fix?.edits[0]?.range.end, { line: rangeOf(after, '### [Added Later]').start.line, character: 0 });
    assert.deepEqual(kept, fresh);
  });

  test('the last paper deleted, after the repeated one: "Remove this entry" now ends with the repeated paper\'s text', () => {
    const before = digestText('2025-01-23', [...papers, { id: '2501.00003', title: 'Deleted Later' }]);
    // The whole entry, heading to end of file: the repeated paper's block is unchanged, so its report is kept.
    const after = before.slice(0, before.indexOf('### [Deleted Later]'));
    const { kept, fresh } = afterEdit(before, after);
    assert.deepEqual(kept[0]?.fix?.edits[0]?.range.end, rangeOf(after, 'It finds every defect in the fixtures.', 2).end);
    assert.deepEqual(kept, fresh);
  });

  test('the first listing retitled: the related information covers its new title', () => {
    const before = digestText('2025-01-23', papers);
    const after = digestText('2025-01-23', [{ id: '2501.00001', title: 'First Listing, Retitled' }, ...papers.slice(1)]);
    const { kept, fresh } = afterEdit(before, after);
    assert.deepEqual(kept[0]?.related?.[0]?.range, rangeOf(after, 'First Listing, Retitled'));
    assert.deepEqual(kept, fresh);
  });
});
