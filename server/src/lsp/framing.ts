// Reads LSP messages from a byte stream (`--stdio`), and survives a client
// that frames them badly. vscode-jsonrpc's reader stalls for good on a bad
// `Content-Length` (`abc`, `-5`, `1e9`, none) or a body shorter than announced,
// so the server kept running and answered nothing. Here each problem is
// reported, and reading resumes at the next `Content-Length:` header.

import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** Headers longer than this are garbage. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** Bodies announced larger than this are garbage (the 20,000-paper bench digest is 10 MB). */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;

const HEADER_START = /content-length:/i;
/**
 * A header inside a body means the body was shorter than announced: a JSON
 * body cannot hold `Content-Length: 12` followed by a raw line break.
 */
const HEADER_IN_BODY = /Content-Length:[ \t]*\d+\r?\n/i;
/** Bytes of the previous chunk kept to find a header split across chunks. */
const OVERLAP = 64;

export class FramedMessageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  /** Bytes not yet framed, from `headPos`. */
  private head: Buffer = Buffer.alloc(0);
  private headPos = 0;
  /** Set while a body is being read. */
  private expected: number | undefined;
  private bodyChunks: Buffer[] = [];
  private bodyLength = 0;
  private tail: Buffer = Buffer.alloc(0);

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly report: (problem: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string): void => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (err: Error): void => this.fireError(err);
    const onClose = (): void => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.callback = undefined;
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    if (this.expected === undefined) {
      this.head = this.headPos < this.head.length ? Buffer.concat([this.head.subarray(this.headPos), chunk]) : chunk;
      this.headPos = 0;
      this.readHeaders();
      return;
    }
    const before = this.bodyLength - this.tail.length;
    const window = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    this.bodyChunks.push(chunk);
    this.bodyLength += chunk.length;
    const m = HEADER_IN_BODY.exec(window.toString('latin1'));
    if (m && before + m.index < this.expected) {
      const body = Buffer.concat(this.bodyChunks, this.bodyLength);
      this.report(`A message body ended after ${before + m.index} of the ${this.expected} bytes its Content-Length announced; reading resumes at the next header.`);
      this.endBody();
      this.head = body.subarray(before + m.index);
      this.headPos = 0;
      this.readHeaders();
      return;
    }
    this.tail = chunk.length >= OVERLAP ? chunk.subarray(chunk.length - OVERLAP) : Buffer.concat([this.tail, chunk]).subarray(-OVERLAP);
    if (this.bodyLength >= this.expected) {
      const all = Buffer.concat(this.bodyChunks, this.bodyLength);
      const expected = this.expected;
      this.endBody();
      this.head = all.subarray(expected);
      this.headPos = 0;
      this.deliver(all.subarray(0, expected));
      this.readHeaders();
    }
  }

  private endBody(): void {
    this.expected = undefined;
    this.bodyChunks = [];
    this.bodyLength = 0;
    this.tail = Buffer.alloc(0);
  }

  /** Frames every complete message in `head`; starts a body when one is incomplete. */
  private readHeaders(): void {
    while (this.headPos < this.head.length) {
      const crlf = this.head.indexOf('\r\n\r\n', this.headPos);
      const lf = this.head.indexOf('\n\n', this.headPos);
      // A header block ends at a blank line; `\n\n` alone is accepted from lax clients.
      const end = crlf !== -1 && (lf === -1 || crlf < lf) ? crlf : lf;
      if (end === -1) {
        if (this.head.length - this.headPos > MAX_HEADER_BYTES) this.resync(`No end of headers within ${MAX_HEADER_BYTES} bytes.`);
        else return;
        continue;
      }
      const bodyStart = end + (end === crlf ? 4 : 2);
      const length = this.contentLength(this.head.toString('latin1', this.headPos, end));
      if (typeof length === 'string') {
        this.resync(length);
        continue;
      }
      if (this.head.length - bodyStart >= length) {
        const body = this.head.subarray(bodyStart, bodyStart + length);
        this.headPos = bodyStart + length;
        this.deliver(body);
        continue;
      }
      this.expected = length;
      const first = this.head.subarray(bodyStart);
      this.head = Buffer.alloc(0);
      this.headPos = 0;
      this.bodyChunks = [];
      this.bodyLength = 0;
      this.tail = Buffer.alloc(0);
      if (first.length) this.onData(first);
      return;
    }
  }

  /** The announced length, or a description of what is wrong with the headers. */
  private contentLength(headers: string): number | string {
    let length: number | string = 'The message has no Content-Length header.';
    for (const line of headers.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon <= 0) return `Malformed header line ${JSON.stringify(line.slice(0, 80))}.`;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        const n = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n) || n > MAX_CONTENT_LENGTH) return `Invalid Content-Length ${JSON.stringify(value.slice(0, 40))}; expected a byte count up to ${MAX_CONTENT_LENGTH}.`;
        length = n;
      } else if (name === 'content-type' && /charset=/i.test(value) && !/charset=["']?utf-?8/i.test(value)) {
        return `Unsupported Content-Type ${JSON.stringify(value.slice(0, 80))}; only utf-8 is read.`;
      }
    }
    return length;
  }

  /** Reports `problem` and skips to the next `Content-Length:` after the current position. */
  private resync(problem: string): void {
    const rest = this.head.toString('latin1', this.headPos + 1);
    const m = HEADER_START.exec(rest);
    this.report(`${problem} Skipping ${m ? m.index + 1 : this.head.length - this.headPos} bytes to the next header.`);
    this.headPos = m ? this.headPos + 1 + m.index : this.head.length;
  }

  private deliver(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (err) {
      // A short body swallows the start of the next message: resume at its header.
      const text = body.toString('latin1');
      const m = HEADER_START.exec(text);
      this.report(`A message body is not valid JSON (${err instanceof Error ? err.message : String(err)}).${m ? ' Reading resumes at the header inside it.' : ''}`);
      if (m) {
        this.head = Buffer.concat([body.subarray(m.index), this.head.subarray(this.headPos)]);
        this.headPos = 0;
      }
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.report('A message body is not a JSON object; it is ignored.');
      return;
    }
    this.callback?.(message as Message);
  }
}
