// The stdio reader in-process: what it delivers and the exact problem it
// reports for each bad frame, whatever the chunking. test/lsp/protocol.test.ts
// drives the same reader through a running server.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { FramedMessageReader, MAX_CONTENT_LENGTH, MAX_HEADER_BYTES } from '../../server/src/lsp/framing';

interface Seen {
  readonly messages: unknown[];
  readonly problems: string[];
  readonly errors: Error[];
  closed: number;
  readonly input: PassThrough;
  readonly reader: FramedMessageReader;
}

function reader(): Seen {
  const input = new PassThrough();
  const seen: Seen = { messages: [], problems: [], errors: [], closed: 0, input, reader: new FramedMessageReader(input, (p) => seen.problems.push(p)) };
  seen.reader.listen((m) => seen.messages.push(m));
  seen.reader.onError((e) => seen.errors.push(e instanceof Error ? e : new Error(String(e))));
  seen.reader.onClose(() => seen.closed++);
  return seen;
}

/** Writes each chunk synchronously: PassThrough emits 'data' for a flowing stream on write. */
function feed(seen: Seen, ...chunks: (Buffer | string)[]): Seen {
  for (const c of chunks) seen.input.write(c);
  return seen;
}

const msg = (id: number): { jsonrpc: string; id: number; method: string } => ({ jsonrpc: '2.0', id, method: 'm/ünï' });
const body = (id: number): Buffer => Buffer.from(JSON.stringify(msg(id)), 'utf8');
const frame = (id: number, sep = '\r\n\r\n', extra = ''): Buffer => Buffer.concat([Buffer.from(`Content-Length: ${body(id).length}${extra}${sep}`), body(id)]);

/** Splits `bytes` at the given offsets. */
function split(bytes: Buffer, at: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (const a of at) {
    out.push(bytes.subarray(from, a));
    from = a;
  }
  out.push(bytes.subarray(from));
  return out;
}

const skipped = (problem: string, bytes: number): string => `${problem} Skipping ${bytes} bytes to the next header.`;

describe('well-formed frames', () => {
  test('two messages in one chunk arrive in order, with nothing reported', () => {
    const s = feed(reader(), Buffer.concat([frame(1), frame(2)]));
    assert.deepEqual(s.messages, [msg(1), msg(2)]);
    assert.deepEqual(s.problems, []);
  });

  test('the same two messages split at every byte offset, and byte by byte', () => {
    const bytes = Buffer.concat([frame(1), frame(2)]);
    for (let at = 1; at < bytes.length; at++) {
      const s = feed(reader(), ...split(bytes, [at]));
      assert.deepEqual(s.messages, [msg(1), msg(2)], `split at ${at}`);
      assert.deepEqual(s.problems, [], `split at ${at}`);
    }
    const one = feed(reader(), ...[...bytes].map((b) => Buffer.from([b])));
    assert.deepEqual(one.messages, [msg(1), msg(2)]);
  });

  test('headers ending in \\n\\n, string chunks, a utf-8 Content-Type and any header case', () => {
    const s = feed(reader(), frame(1, '\n\n'), frame(2, '\r\n\r\n', '\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'));
    feed(s, `content-length: ${body(3).length}\r\n\r\n${body(3).toString('utf8')}`);
    feed(s, frame(4, '\r\n\r\n', '\r\nContent-Type: application/json; charset="utf8"'));
    assert.deepEqual(s.messages, [msg(1), msg(2), msg(3), msg(4)]);
    assert.deepEqual(s.problems, []);
  });

  test('a \\n\\n inside a CRLF header block does not end it early; the earlier terminator wins', () => {
    // The CRLF blank line comes first here: the body starts after it.
    const s = feed(reader(), Buffer.concat([Buffer.from(`Content-Length: ${body(1).length}\r\n\r\n`), body(1), Buffer.from(`Content-Length: ${body(2).length}\n\n`), body(2)]));
    assert.deepEqual(s.messages, [msg(1), msg(2)]);
  });

  test('a body announced up to the limit waits for its bytes instead of being refused', () => {
    const s = feed(reader(), `Content-Length: ${MAX_CONTENT_LENGTH}\r\n\r\n{"jsonrpc"`);
    assert.deepEqual(s.problems, []);
    assert.deepEqual(s.messages, []);
  });

  test('after dispose nothing is delivered; the stream\'s error and close are passed on', () => {
    const s = reader();
    const input = new PassThrough();
    const problems: string[] = [];
    const late = new FramedMessageReader(input, (p) => problems.push(p));
    const got: unknown[] = [];
    const errors: unknown[] = [];
    let closed = 0;
    late.onError((e) => errors.push(e));
    late.onClose(() => closed++);
    late.listen((m) => got.push(m)).dispose();
    input.write(frame(1));
    assert.deepEqual(got, []);
    assert.deepEqual(['data', 'error', 'close'].map((e) => input.listenerCount(e)), [0, 0, 0], 'no listeners are left on the stream');
    input.emit('close');
    assert.deepEqual([errors.length, closed], [0, 0]);
    s.input.emit('error', new Error('broken pipe'));
    s.input.emit('close');
    assert.equal(s.errors[0]?.message, 'broken pipe');
    assert.equal(s.closed, 1);
  });
});

describe('bad frames: each is reported, and reading resumes at the next header', () => {
  const after = (bad: string | Buffer): Seen => feed(reader(), Buffer.concat([Buffer.from(bad), frame(9)]));

  for (const [value, shown] of [['abc', '"abc"'], ['-5', '"-5"'], ['1e9', '"1e9"'], ['', '""'], ['1234567890123', '"1234567890123"'], [String(MAX_CONTENT_LENGTH + 1), `"${MAX_CONTENT_LENGTH + 1}"`]] as const) {
    test(`Content-Length: ${value || '(empty)'}`, () => {
      const bad = `Content-Length: ${value}\r\n\r\n{}`;
      const s = after(bad);
      assert.deepEqual(s.problems, [skipped(`Invalid Content-Length ${shown}; expected a byte count up to ${MAX_CONTENT_LENGTH}.`, bad.length)]);
      assert.deepEqual(s.messages, [msg(9)]);
    });
  }

  test('a long bad value is cut to 40 characters in the report', () => {
    const value = 'x'.repeat(100);
    const s = after(`Content-Length: ${value}\r\n\r\n`);
    assert.match(s.problems[0]!, new RegExp(`^Invalid Content-Length "${'x'.repeat(40)}";`));
  });

  test('no Content-Length header', () => {
    const bad = 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}';
    const s = after(bad);
    assert.deepEqual(s.problems, [skipped('The message has no Content-Length header.', bad.length)]);
    assert.deepEqual(s.messages, [msg(9)]);
  });

  test('a charset other than utf-8', () => {
    const bad = 'Content-Length: 2\r\nContent-Type: text/plain; charset=latin1\r\n\r\n{}';
    const s = after(bad);
    assert.deepEqual(s.problems, [skipped('Unsupported Content-Type "text/plain; charset=latin1"; only utf-8 is read.', bad.length)]);
    assert.deepEqual(s.messages, [msg(9)]);
  });

  test('a header line without a name, or without a colon', () => {
    for (const line of [': 5', 'garbage']) {
      const bad = `Content-Length: 2\r\n${line}\r\n\r\n{}`;
      const s = after(bad);
      assert.deepEqual(s.problems, [skipped(`Malformed header line ${JSON.stringify(line)}.`, bad.length)], line);
      assert.deepEqual(s.messages, [msg(9)], line);
    }
  });

  test('long header lines and Content-Types are cut to 80 characters in the report', () => {
    const line = 'y'.repeat(100);
    assert.equal(after(`${line}\r\n\r\n`).problems[0], skipped(`Malformed header line "${'y'.repeat(80)}".`, line.length + 4));
    const type = `text/plain; charset=latin1; ${'z'.repeat(100)}`;
    const bad = `Content-Length: 2\r\nContent-Type: ${type}\r\n\r\n{}`;
    assert.equal(after(bad).problems[0], skipped(`Unsupported Content-Type "${type.slice(0, 80)}"; only utf-8 is read.`, bad.length));
  });

  test('garbage with no header after it is skipped whole, and the next frame still arrives', () => {
    const s = feed(reader(), 'hello\r\n\r\n');
    assert.deepEqual(s.problems, [skipped('Malformed header line "hello".', 'hello\r\n\r\n'.length)]);
    feed(s, frame(9));
    assert.deepEqual(s.messages, [msg(9)]);
  });

  test(`no end of headers within ${MAX_HEADER_BYTES} bytes`, () => {
    const junk = 'x'.repeat(MAX_HEADER_BYTES);
    const s = feed(reader(), junk);
    assert.deepEqual(s.problems, [], 'exactly the limit: still waiting');
    feed(s, 'y');
    assert.deepEqual(s.problems, [skipped(`No end of headers within ${MAX_HEADER_BYTES} bytes.`, MAX_HEADER_BYTES + 1)]);
    feed(s, frame(9));
    assert.deepEqual(s.messages, [msg(9)]);
  });

  test('a body shorter than announced, with the next header in the same chunk', () => {
    const short = Buffer.concat([Buffer.from(`Content-Length: ${body(1).length + 20}\r\n\r\n`), body(1)]);
    const s = after(short);
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0]!, /^A message body is not valid JSON \(.+\)\. Reading resumes at the header inside it\.$/);
    assert.deepEqual(s.messages, [msg(9)]);
  });

  test('a body shorter than announced, with the next header in a later chunk', () => {
    const announced = body(1).length + 500;
    const s = feed(reader(), Buffer.concat([Buffer.from(`Content-Length: ${announced}\r\n\r\n`), body(1)]));
    assert.deepEqual(s.problems, []);
    feed(s, frame(9));
    assert.deepEqual(s.problems, [`A message body ended after ${body(1).length} of the ${announced} bytes its Content-Length announced; reading resumes at the next header.`]);
    assert.deepEqual(s.messages, [msg(9)]);
  });

  test('the next header split across two chunks of a short body is still found', () => {
    const announced = body(1).length + 500;
    const next = frame(9);
    for (const cut of [3, 10, 17]) {
      const s = feed(reader(), Buffer.concat([Buffer.from(`Content-Length: ${announced}\r\n\r\n`), body(1), next.subarray(0, cut)]), next.subarray(cut));
      assert.deepEqual(s.problems, [`A message body ended after ${body(1).length} of the ${announced} bytes its Content-Length announced; reading resumes at the next header.`], `cut ${cut}`);
      assert.deepEqual(s.messages, [msg(9)], `cut ${cut}`);
    }
  });

  test('a long body arriving in many chunks is whole, and the message after it too', () => {
    const big = { jsonrpc: '2.0', id: 5, method: 'm', params: { text: 'Content-Length: 12 inside a string\\r\\n'.repeat(200) } };
    const b = Buffer.from(JSON.stringify(big));
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b, frame(6)]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 100) chunks.push(bytes.subarray(i, i + 100));
    const s = feed(reader(), ...chunks);
    assert.deepEqual(s.problems, []);
    assert.deepEqual(s.messages, [big, msg(6)]);
  });

  test('a body that is not JSON, with no header inside', () => {
    const s = after('Content-Length: 5\r\n\r\n{{{{{');
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0]!, /^A message body is not valid JSON \(.+\)\.$/);
    assert.deepEqual(s.messages, [msg(9)]);
  });

  for (const json of ['[1,2]', '42', 'null', '"text"']) {
    test(`a JSON body that is not an object: ${json}`, () => {
      const s = after(`Content-Length: ${json.length}\r\n\r\n${json}`);
      assert.deepEqual(s.problems, ['A message body is not a JSON object; it is ignored.']);
      assert.deepEqual(s.messages, [msg(9)]);
    });
  }
});
