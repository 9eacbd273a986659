import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
import { createLanguageService, escapeMarkdown, normalizeSettings, type DigestHover, type Position } from '../../server/src/core';
import { digestText, doc, lineOf, paperText, rangeOf, thumbnailFor } from '../helpers/digest';

function hoverAt(text: string, position: Position, raw: unknown = {}): DigestHover | undefined {
  return createLanguageService().getHover(doc(text), position, normalizeSettings(raw));
}

/** The hover Markdown as a reader sees it: every node, flattened. */
function render(markdown: string): Nodes[] {
  const all: Nodes[] = [];
  const walk = (n: Nodes): void => {
    all.push(n);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(unified().use(remarkParse).parse(markdown) as Root);
  return all;
}

/** Text the reader sees, with escapes resolved. */
function visibleText(markdown: string): string {
  return render(markdown)
    .filter((n): n is Nodes & { value: string } => n.type === 'text' || n.type === 'inlineCode')
    .map((n) => n.value)
    .join(' ');
}

const ALLOWED_LINK = /^https:\/\/(arxiv\.org\/(abs|pdf)\/|huggingface\.co\/papers\/)/;

function assertSafe(markdown: string): void {
  for (const n of render(markdown)) {
    assert.notEqual(n.type, 'html', `raw HTML in the hover: ${markdown}`);
    if (n.type === 'link') assert.match(n.url, ALLOWED_LINK, `only our own links: ${n.url}`);
    if (n.type === 'image') assert.match(n.url, /^https:\/\/cdn-thumbnails\.huggingface\.co\//, `only the thumbnail: ${n.url}`);
    if (n.type === 'definition' || n.type === 'linkReference' || n.type === 'imageReference') assert.fail(`a ${n.type} in the hover: ${markdown}`);
  }
}

describe('hover card', () => {
  const text = [
    '## Daily Papers (2025-01-23)',
    '',
    paperText({
      id: '2501.12948',
      title: 'DeepThink: Reasoning \\*at\\* Scale, 2 + 2 = 4? (v2) #1 snake_case_name',
      vote: '96',
      authors: 'First Author, Second Author, Third Author, Fourth Author',
      sections: ["***What's New***: A model that thinks_before it answers [sic].", '***Technical Details***: b', '***Performance Highlights***: c'],
    }),
  ].join('\n');
  const headingLine = lineOf(text, '### [DeepThink');

  test('over the heading: title, links, votes, authors, What\'s New and thumbnail', () => {
    const h = hoverAt(text, { line: headingLine, character: 8 });
    assert.ok(h);
    assert.deepEqual(h.range, rangeOf(text, '### [DeepThink: Reasoning \\*at\\* Scale, 2 + 2 = 4? (v2) #1 snake_case_name](https://arxiv.org/abs/2501.12948)'));
    assertSafe(h.markdown);
    const links = render(h.markdown).flatMap((n) => (n.type === 'link' ? [n.url] : []));
    assert.deepEqual(links, ['https://arxiv.org/abs/2501.12948', 'https://arxiv.org/pdf/2501.12948', 'https://huggingface.co/papers/2501.12948']);
    const images = render(h.markdown).flatMap((n) => (n.type === 'image' ? [n.url] : []));
    assert.deepEqual(images, [thumbnailFor('2501.12948')]);
    const visible = visibleText(h.markdown);
    assert.ok(visible.includes('DeepThink: Reasoning *at* Scale, 2 + 2 = 4? (v2) #1 snake_case_name'), `escaped title reads as written: ${visible}`);
    assert.ok(visible.includes('arXiv:2501.12948'));
    assert.ok(visible.includes('Votes: 96'));
    assert.ok(visible.includes('4 authors: First Author, Second Author, Third Author, …'), visible);
    assert.ok(!visible.includes('Fourth Author'));
    assert.ok(visible.includes("What's New: A model that thinks_before it answers [sic]."), visible);
  });

  test('the title is bold, and its own markup is escaped', () => {
    const h = hoverAt(text, { line: headingLine, character: 0 });
    assert.ok(h);
    const strong = render(h.markdown).find((n) => n.type === 'strong');
    assert.ok(strong && 'children' in strong);
    assert.equal(render(h.markdown).filter((n) => n.type === 'emphasis').length, 0, 'the *at* of the title is not emphasis');
  });

  test('over the thumbnail the same card shows, with the thumbnail range', () => {
    const line = lineOf(text, '![](');
    const h = hoverAt(text, { line, character: 10 });
    assert.ok(h);
    assert.deepEqual(h.range, rangeOf(text, `![](${thumbnailFor('2501.12948')})`));
    assert.equal(h.markdown, hoverAt(text, { line: headingLine, character: 3 })?.markdown);
  });

  test('hover.images: false leaves the thumbnail out', () => {
    const h = hoverAt(text, { line: headingLine, character: 8 }, { hover: { images: false } });
    assert.ok(h);
    assert.equal(render(h.markdown).filter((n) => n.type === 'image').length, 0);
    const dotted = hoverAt(text, { line: headingLine, character: 8 }, { 'hover.images': false });
    assert.equal(dotted?.markdown, h.markdown);
  });

  test('no hover over body lines, blank lines, the day heading or outside the text', () => {
    for (const line of [0, 1, lineOf(text, 'Vote:'), lineOf(text, 'Authors:'), lineOf(text, "What's New"), headingLine + 1, 999]) {
      assert.equal(hoverAt(text, { line, character: 2 }), undefined, `line ${line}`);
    }
  });

  test('the very end of the heading line still hovers', () => {
    const end = rangeOf(text, '(https://arxiv.org/abs/2501.12948)').end;
    assert.ok(hoverAt(text, end));
  });

  test('one author, no vote, no What\'s New, no thumbnail', () => {
    const t = `## Daily Papers (2025-01-23)\n\n${paperText({ authors: 'Solo Writer', vote: null, thumbnail: null, sections: ['***Technical Details***: x'] })}`;
    const h = hoverAt(t, { line: 2, character: 6 });
    assert.ok(h);
    const visible = visibleText(h.markdown);
    assert.ok(visible.includes('1 author: Solo Writer'), visible);
    assert.ok(!visible.includes('Votes'));
    assert.ok(!visible.includes("What's New"));
    assert.equal(render(h.markdown).filter((n) => n.type === 'image').length, 0);
  });

  test('an invalid link gives no arXiv links, only a note', () => {
    const t = `## Daily Papers (2025-01-23)\n\n${paperText({ url: 'https://arxiv.org/abs/2513.12345' })}`;
    const h = hoverAt(t, { line: 2, character: 6 });
    assert.ok(h);
    assert.equal(render(h.markdown).filter((n) => n.type === 'link').length, 0);
    assert.ok(visibleText(h.markdown).includes('No valid arXiv link'));
  });

  test('a non-canonical link still links to the canonical pages', () => {
    const t = `## Daily Papers (2025-01-23)\n\n${paperText({ url: 'http://arxiv.org/pdf/2501.12948v2' })}`;
    const h = hoverAt(t, { line: 2, character: 6 });
    assert.ok(h);
    assert.deepEqual(render(h.markdown).flatMap((n) => (n.type === 'link' ? [n.url] : [])), ['https://arxiv.org/abs/2501.12948', 'https://arxiv.org/pdf/2501.12948', 'https://huggingface.co/papers/2501.12948']);
  });

  test('a duplicate mentions the line of the other entry, both ways', () => {
    const t = digestText('2025-01-23', [{ id: '2501.00001', title: 'Twice Listed' }, { id: '2501.00002', title: 'Between' }, { id: '2501.00001v2', title: 'Twice Listed Again' }]);
    const first = lineOf(t, 'Twice Listed]');
    const second = lineOf(t, 'Twice Listed Again');
    assert.ok(visibleText(hoverAt(t, { line: second, character: 5 })?.markdown ?? '').includes(`Listed twice: the other entry is on line ${first + 1}.`));
    assert.ok(visibleText(hoverAt(t, { line: first, character: 5 })?.markdown ?? '').includes(`Listed twice: the other entry is on line ${second + 1}.`));
    assert.ok(!visibleText(hoverAt(t, { line: lineOf(t, 'Between'), character: 5 })?.markdown ?? '').includes('Listed twice'));
  });

  test('a duplicate by title mentions the other entry too', () => {
    const t = digestText('2025-01-23', [{ id: '2501.00001', title: 'Same Title' }, { id: '2501.00002', title: 'same title!' }]);
    const h = hoverAt(t, { line: lineOf(t, 'same title!'), character: 5 });
    assert.ok(visibleText(h?.markdown ?? '').includes(`on line ${lineOf(t, 'Same Title') + 1}`));
  });
});

describe('hover card with hostile text', () => {
  const hostile = [
    { title: 'Click [here](command:workbench.action.terminal.new) now', authors: 'Eve [x](command:foo), Mallory' },
    { title: '<img src=x onerror=alert(1)> Title', authors: "<script>alert('a')</script>, Bob" },
    { title: 'Auto <https://evil.example/x> link', authors: 'A' },
    { title: 'Ref [link][r] here', authors: 'A' },
    { title: '![img](https://evil.example/track.png) pixel', authors: 'A' },
    { title: '`code` and $math$ and ~~strike~~ | pipe', authors: 'A' },
    { title: 'Backslash \\\\ and entity &amp; &#x3C;b&#x3E;', authors: 'A' },
  ];
  for (const h of hostile) {
    test(`renders escaped: ${h.title}`, () => {
      const body = [
        '## Daily Papers (2025-01-23)',
        '',
        `### [${h.title}](https://arxiv.org/abs/2501.12948)`,
        '',
        `![](${thumbnailFor('2501.12948')})`,
        '',
        'Vote: [5](command:x) <b>',
        '',
        `Authors: ${h.authors}`,
        '',
        "- ***What's New***: <iframe src=\"https://evil.example\"></iframe> [go](javascript:alert(1)) ![t](https://evil.example/p.png)",
        '',
        '[r]: command:workbench.action.openSettings',
      ].join('\n');
      const card = hoverAt(body, { line: 2, character: 5 });
      assert.ok(card);
      assertSafe(card.markdown);
      assert.ok(!/(?<!\\)\]\((?!https:\/\/(arxiv|huggingface|cdn-thumbnails))/.test(card.markdown), `no unescaped "](" in ${card.markdown}`);
    });
  }

  test('an unsafe thumbnail URL is not shown', () => {
    for (const url of ['javascript:alert(1)', 'http://cdn-thumbnails.huggingface.co/x.png', 'https://evil.example/a.png?x=1', 'https://evil.example/a.png"onerror="x']) {
      const t = `## Daily Papers (2025-01-23)\n\n${paperText({ thumbnail: url })}`;
      const card = hoverAt(t, { line: 2, character: 5 });
      assert.ok(card);
      assert.equal(render(card.markdown).filter((n) => n.type === 'image').length, 0, url);
    }
  });

  test('escapeMarkdown escapes every ASCII punctuation mark and drops control characters', () => {
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    const escaped = escapeMarkdown(punctuation);
    assert.equal(escaped, [...punctuation].map((c) => `\\${c}`).join(''));
    assert.equal(escapeMarkdown('a\u0000b\u0008c\u001Fd'), 'a b c d');
    assert.equal(escapeMarkdown('한국어 𝔸 🚀'), '한국어 𝔸 🚀');
    assert.equal(visibleText(escapeMarkdown(punctuation)), punctuation);
  });
});

describe('hover card: boundaries', () => {
  const withSummary = (summary: string): string => digestText('2025-01-23', [{ title: 'Long Summary', sections: [`***What's New***: ${summary}`, '***Technical Details***: b', '***Performance Highlights***: c'] }]);
  const summaryLine = (text: string): string | undefined =>
    hoverAt(text, { line: 2, character: 6 })
      ?.markdown.split('\n\n')
      .find((p) => p.startsWith("What\\'s New: "));

  test('a 600-character summary is shown whole', () => {
    const summary = 'ab'.repeat(300);
    assert.equal(summaryLine(withSummary(summary)), `What\\'s New: ${summary}`);
  });

  test('a 601-character summary is cut after 600 characters, with an ellipsis', () => {
    const summary = `${'ab'.repeat(300)}Z`;
    assert.equal(summaryLine(withSummary(summary)), `What\\'s New: ${'ab'.repeat(300)}…`);
  });

  test('a paper that is only a heading line still has a card, on its heading', () => {
    const text = '## Daily Papers (2025-01-23)\n\n### [Only a Heading](https://arxiv.org/abs/2501.12948)\n### [Next](https://arxiv.org/abs/2501.12949)\n';
    assert.equal(hoverAt(text, { line: 2, character: 6 })?.markdown.split('\n')[0], '**Only a Heading**');
    assert.equal(hoverAt(text, { line: 3, character: 6 })?.markdown.split('\n')[0], '**Next**');
  });
});

describe('hover card: the whole card, written out', () => {
  const card = (papers: Parameters<typeof digestText>[1], line = 2, raw: unknown = {}): string | undefined => hoverAt(digestText('2025-01-23', papers), { line, character: 6 }, raw)?.markdown;
  const links = (id: string): string => `[arXiv:${id.replace('.', '\\.')}](https://arxiv.org/abs/${id}) · [PDF](https://arxiv.org/pdf/${id}) · [Hugging Face](https://huggingface.co/papers/${id})`;

  test('three authors are all shown, without an ellipsis; facts are joined by " · "', () => {
    assert.equal(
      card([{ id: '2501.00001', title: 'Three', vote: '5', authors: 'A One, B Two, C Three', thumbnail: null }]),
      ['**Three**', links('2501.00001'), 'Votes: 5 · 3 authors: A One, B Two, C Three', "What\\'s New: A new method for testing digests\\."].join('\n\n'),
    );
  });

  test('four authors: the first three and an ellipsis; one author is singular', () => {
    assert.equal(card([{ id: '2501.00001', title: 'Four', vote: null, authors: 'A, B, C, D', thumbnail: null, sections: [] }]), ['**Four**', links('2501.00001'), '4 authors: A, B, C, …'].join('\n\n'));
    assert.equal(card([{ id: '2501.00001', title: 'One', vote: null, authors: 'Solo Author', thumbnail: null, sections: [] }]), ['**One**', links('2501.00001'), '1 author: Solo Author'].join('\n\n'));
  });

  test('no vote and no authors: no facts paragraph at all; an empty vote shows a dash', () => {
    assert.equal(card([{ id: '2501.00001', title: 'Bare', vote: null, authors: null, thumbnail: null, sections: [] }]), ['**Bare**', links('2501.00001')].join('\n\n'));
    assert.equal(card([{ id: '2501.00001', title: 'Empty Vote', vote: '', authors: null, thumbnail: null, sections: [] }]), ['**Empty Vote**', links('2501.00001'), 'Votes: —'].join('\n\n'));
  });

  test("the summary is the What's New bullet, not the first labeled or unlabeled bullet", () => {
    const sections = ['A plain bullet first.', '***Technical Details***: details first.', "***What's New***: the news."];
    assert.equal(card([{ id: '2501.00001', title: 'Order', vote: null, authors: null, thumbnail: null, sections }]), ['**Order**', links('2501.00001'), "What\\'s New: the news\\."].join('\n\n'));
  });

  test("with no required sections configured, the summary is still the What's New bullet", () => {
    const sections = ['***Technical Details***: details.', "***What's New***: the news."];
    assert.equal(card([{ id: '2501.00001', title: 'No Settings', vote: null, authors: null, thumbnail: null, sections }], 2, { requiredSections: [] }), ['**No Settings**', links('2501.00001'), "What\\'s New: the news\\."].join('\n\n'));
  });

  test('thumbnails: a .jpg is shown; a URL that only contains an https image URL is not', () => {
    const jpg = 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.00001.jpg';
    assert.equal(card([{ id: '2501.00001', title: 'Jpg', vote: null, authors: null, thumbnail: jpg, sections: [] }]), ['**Jpg**', links('2501.00001'), `![thumbnail](${jpg})`].join('\n\n'));
    const sneaky = 'data:https://cdn-thumbnails.huggingface.co/x.png';
    assert.equal(card([{ id: '2501.00001', title: 'Sneaky', vote: null, authors: null, thumbnail: sneaky, sections: [] }]), ['**Sneaky**', links('2501.00001')].join('\n\n'));
  });

  test('two untitled papers with different ids are not "listed twice"', () => {
    const text = '## Daily Papers (2025-01-23)\n\n### [](https://arxiv.org/abs/2501.00001)\n\n### [](https://arxiv.org/abs/2501.00002)\n';
    assert.equal(hoverAt(text, { line: 2, character: 2 })?.markdown, ['**\\(untitled paper\\)**', links('2501.00001')].join('\n\n'));
  });
});
