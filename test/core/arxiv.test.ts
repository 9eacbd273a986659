import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyArxivUrl, findIdLike, parseArxivId, SOCIAL_THUMBNAIL, thumbnailUrl, absUrl, pdfUrl, huggingFaceUrl, describeIdProblem, type LinkVerdict } from '../../server/src/core';

describe('parseArxivId', () => {
  const valid: [string, string, number | undefined, number | undefined][] = [
    ['2501.12948', '2501.12948', undefined, 2501],
    ['2501.12948v2', '2501.12948', 2, 2501],
    ['2501.12948v10', '2501.12948', 10, 2501],
    ['0704.0001', '0704.0001', undefined, 704],
    ['1412.9999', '1412.9999', undefined, 1412],
    ['1501.00001', '1501.00001', undefined, 1501],
    ['9912.12345', '9912.12345', undefined, 9912],
    ['hep-th/9901001', 'hep-th/9901001', undefined, undefined],
    ['hep-th/9901001v3', 'hep-th/9901001', 3, undefined],
    ['math.GT/0309136', 'math.GT/0309136', undefined, undefined],
    ['cs/0112017', 'cs/0112017', undefined, undefined],
  ];
  for (const [raw, id, version, yymm] of valid) {
    test(`accepts ${raw}`, () => {
      assert.deepEqual(parseArxivId(raw), { ok: true, id: { id, version, yymm } });
    });
  }

  const invalid: [string, ReturnType<typeof parseArxivId>][] = [
    ['', { ok: false, problem: { kind: 'empty' } }],
    ['2501.1294a', { ok: false, problem: { kind: 'letters' } }],
    ['25O1.12948', { ok: false, problem: { kind: 'letters' } }],
    ['2501.12948v', { ok: false, problem: { kind: 'letters' } }],
    ['2501.1294', { ok: false, problem: { kind: 'digits', expected: 5, found: 4 } }],
    ['2501.123456', { ok: false, problem: { kind: 'digits', expected: 5, found: 6 } }],
    ['1409.12345', { ok: false, problem: { kind: 'digits', expected: 4, found: 5 } }],
    ['1412.12345', { ok: false, problem: { kind: 'digits', expected: 4, found: 5 } }],
    ['1501.1234', { ok: false, problem: { kind: 'digits', expected: 5, found: 4 } }],
    ['2500.12345', { ok: false, problem: { kind: 'month', month: 0 } }],
    ['2513.12345', { ok: false, problem: { kind: 'month', month: 13 } }],
    ['0612.1234', { ok: false, problem: { kind: 'before-new-style' } }],
    ['0703.1234', { ok: false, problem: { kind: 'before-new-style' } }],
    ['2501.', { ok: false, problem: { kind: 'shape' } }],
    ['12948', { ok: false, problem: { kind: 'shape' } }],
    ['2501-12948', { ok: false, problem: { kind: 'shape' } }],
    ['HEP-TH/9901001', { ok: false, problem: { kind: 'shape' } }],
    ['hep-th/990100', { ok: false, problem: { kind: 'shape' } }],
    [' 2501.12948', { ok: false, problem: { kind: 'shape' } }],
  ];
  for (const [raw, expected] of invalid) {
    test(`rejects ${JSON.stringify(raw)} (${expected.ok ? '' : expected.problem.kind})`, () => {
      assert.deepEqual(parseArxivId(raw), expected);
    });
  }

  test('every problem has a message that names the raw id', () => {
    for (const [raw, r] of invalid) {
      if (r.ok) continue;
      const message = describeIdProblem(r.problem, raw);
      assert.ok(message.length > 10);
      if (raw !== '') assert.ok(message.includes(`"${raw}"`), message);
    }
  });
});

describe('classifyArxivUrl', () => {
  type Case = [url: string, kind: LinkVerdict['kind'], detail?: string];
  const cases: Case[] = [
    ['https://arxiv.org/abs/2501.12948', 'canonical'],
    ['https://arxiv.org/abs/2501.12948v2', 'canonical'],
    ['https://arxiv.org/abs/hep-th/9901001', 'canonical'],
    ['https://arxiv.org/abs/2501.12948/', 'canonical'],
    ['https://arxiv.org/pdf/2501.12948', 'non-canonical', 'pdf'],
    ['https://arxiv.org/pdf/2501.12948v1.pdf', 'non-canonical', 'pdf'],
    ['https://arxiv.org/abs/2501.12948.pdf', 'non-canonical', 'pdf'],
    ['https://arxiv.org/html/2501.12948v1', 'non-canonical', 'html'],
    ['http://arxiv.org/abs/2501.12948', 'non-canonical', 'http'],
    ['https://www.arxiv.org/abs/2501.12948', 'non-canonical', 'www'],
    ['https://arxiv.org/abs/2501.12948?context=cs', 'non-canonical', 'query'],
    ['https://arxiv.org/abs/2501.12948#S2', 'non-canonical', 'query'],
    ['https://arxiv.org/abs/', 'bad-id', 'empty'],
    ['https://arxiv.org/abs/2513.12948', 'bad-id', 'month'],
    ['https://arxiv.org/pdf/2501.1294', 'bad-id', 'digits'],
    ['https://arxiv.com/abs/2501.12948', 'wrong-host', 'arxiv.com'],
    ['https://arxiv.org.evil.com/abs/2501.12948', 'wrong-host', 'arxiv.org.evil.com'],
    ['https://evil.com/arxiv.org/abs/2501.12948', 'wrong-host', 'evil.com'],
    ['https://export.arxiv.org/abs/2501.12948', 'wrong-host', 'export.arxiv.org'],
    ['https://user@arxiv.org/abs/2501.12948', 'wrong-host', 'user@arxiv.org'],
    ['https://huggingface.co/papers/2501.12948', 'wrong-host', 'huggingface.co'],
    ['/papers/2311.10770', 'relative'],
    ['', 'relative'],
    ['arxiv.org/abs/2501.12948', 'relative'],
    ['ftp://arxiv.org/abs/2501.12948', 'wrong-scheme', 'ftp'],
    ['javascript://arxiv.org/abs/2501.12948', 'wrong-scheme', 'javascript'],
    ['https://arxiv.org/list/cs.CL/recent', 'wrong-path'],
    ['https://arxiv.org/', 'wrong-path'],
  ];
  for (const [url, kind, detail] of cases) {
    test(`${JSON.stringify(url)} is ${kind}${detail ? ` (${detail})` : ''}`, () => {
      const v = classifyArxivUrl(url);
      assert.equal(v.kind, kind, JSON.stringify(v));
      if (v.kind === 'non-canonical') assert.equal(v.reason, detail);
      if (v.kind === 'bad-id') assert.equal(v.problem.kind, detail);
      if (v.kind === 'wrong-host') assert.equal(v.host, detail);
      if (v.kind === 'wrong-scheme') assert.equal(v.scheme, detail);
    });
  }

  test('the id offsets cover exactly the id inside the URL', () => {
    const urls = [
      'https://arxiv.org/abs/2501.12948',
      'https://arxiv.org/abs/2501.12948v2',
      'http://arxiv.org/abs/2501.12948',
      'https://www.arxiv.org/abs/2501.12948',
      'https://arxiv.org/pdf/2501.12948v1.pdf',
      'https://arxiv.org/html/2501.12948v1',
      'https://arxiv.org/abs/hep-th/9901001',
      'https://arxiv.org/abs/2513.12948',
      'HTTPS://ArXiv.org/abs/2501.12948',
    ];
    for (const url of urls) {
      const v = classifyArxivUrl(url);
      assert.ok('idStart' in v, `${url}: ${v.kind}`);
      const raw = url.slice(v.idStart, v.idEnd);
      assert.match(raw, /^(\d{4}\.\d{4,5}(v\d+)?|hep-th\/9901001)$/, url);
      assert.ok(!raw.endsWith('.pdf'));
    }
  });
});

describe('findIdLike', () => {
  const cases: [string, string | undefined][] = [
    ['/papers/2311.10770', '2311.10770'],
    ['https://arxiv.com/abs/2501.12948v2', '2501.12948'],
    ['https://huggingface.co/papers/2501.12948', '2501.12948'],
    ['https://arxiv.org/abs/2501.1294', '2501.1294'],
    ['https://example.com/12501.12948', undefined],
    ['https://example.com/2501.129481', undefined],
    ['no id here', undefined],
  ];
  for (const [text, id] of cases) {
    test(`${JSON.stringify(text)} → ${String(id)}`, () => assert.equal(findIdLike(text), id));
  }
});

describe('URL builders', () => {
  test('build the links a hover card shows', () => {
    assert.equal(absUrl('2501.12948'), 'https://arxiv.org/abs/2501.12948');
    assert.equal(pdfUrl('2501.12948'), 'https://arxiv.org/pdf/2501.12948');
    assert.equal(huggingFaceUrl('2501.12948'), 'https://huggingface.co/papers/2501.12948');
  });

  test('the social thumbnail pattern round-trips with thumbnailUrl', () => {
    for (const id of ['2501.12948', '2501.12948v2', '0704.0001']) {
      assert.equal(SOCIAL_THUMBNAIL.exec(thumbnailUrl(id))?.[1], id);
    }
    assert.equal(SOCIAL_THUMBNAIL.exec('http://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.12948.png'), null);
    assert.equal(SOCIAL_THUMBNAIL.exec('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.12948.png?x=1'), null);
  });
});
