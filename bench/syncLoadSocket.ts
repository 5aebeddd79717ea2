import { connect } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A lean HTTP/1.1 client for the sync-load bench's simulated laptops: kept-alive sockets of its
 * own, requests written as one string, answers parsed by hand (Content-Length or chunked). Node's
 * `http.request` costs the load generator about as much CPU per request as the server spends
 * answering it (sync9: the generator took 86 % of a core at 4,300 requests/s), and on a 2-core
 * machine that CPU is taken from the server being measured. Laptops are separate machines in a real
 * firm; only the server's cost is the thing measured here.
 */

/** One answer: status, and the body's bytes (decoded only by whoever needs the text). */
export interface RawAnswer {
  status: number;
  body: Buffer;
}

/** A request sent on a reused socket that the server had closed as idle: safe to send again. */
export class StaleSocket extends Error {}

interface Pending {
  resolve(answer: RawAnswer): void;
  reject(error: Error): void;
  reused: boolean;
  timer: ReturnType<typeof setTimeout>;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/** One connection: one request at a time, as HTTP/1.1 without pipelining. */
class Connection {
  readonly socket: Socket;
  /** What arrived and is not yet consumed, in pieces: joined only once a whole answer is there. */
  private chunks: Buffer[] = [];
  private size = 0;
  /** The head of an answer whose body is still coming: where it starts and ends in the pieces. */
  private expected: { status: number; close: boolean; start: number; end: number } | undefined;
  private pending: Pending | undefined;
  private used = false;
  closed = false;

  constructor(host: string, port: number, private readonly onFree: (c: Connection) => void) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('socket hang up')));
  }

  send(head: string, body: string | undefined, timeoutMs: number): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('timed out')), timeoutMs);
      this.pending = { resolve, reject, reused: this.used, timer };
      this.used = true;
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  private fail(error: Error): void {
    this.closed = true;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.socket.destroy();
    // Nothing came back on a socket that had served before: the server closed it as idle.
    pending.reject(pending.reused && this.size === 0 ? new StaleSocket(error.message) : error);
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (!this.pending) return this.fail(new Error('answer to no request'));
    let answer: ReturnType<Connection['parse']>;
    try {
      answer = this.parse();
    } catch (error) {
      return this.fail(error instanceof Error ? error : new Error(String(error)));
    }
    if (!answer) return;
    const pending = this.pending;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (answer.close) {
      this.closed = true;
      this.socket.end();
    } else this.onFree(this);
    pending.resolve({ status: answer.status, body: answer.body });
  }

  /** A complete answer at the start of the buffer (consumed), or undefined while more must come. */
  private parse(): { status: number; body: Buffer; close: boolean } | undefined {
    // A body of known length is joined once, when all of it is in.
    if (this.expected && this.size < this.expected.end) return undefined;
    const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    this.chunks = [buf];
    const known = this.expected;
    if (known) {
      this.expected = undefined;
      this.consumed(buf, known.end);
      return { status: known.status, body: buf.subarray(known.start, known.end), close: known.close };
    }
    const headEnd = buf.indexOf(CRLF2);
    if (headEnd < 0) return undefined;
    const head = buf.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const lower = head.toLowerCase();
    const close = /\r\nconnection: *close/.test(lower);
    const start = headEnd + 4;
    const length = /\r\ncontent-length: *(\d+)/.exec(lower);
    if (length) {
      const end = start + Number(length[1]);
      if (buf.length < end) {
        this.expected = { status, close, start, end };
        return undefined;
      }
      this.consumed(buf, end);
      return { status, body: buf.subarray(start, end), close };
    }
    if (!/\r\ntransfer-encoding: *chunked/.test(lower)) throw new Error('answer without length (not sent by either server)');
    const parts: Buffer[] = [];
    let at = start;
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = Number.parseInt(buf.toString('latin1', at, lineEnd), 16);
      const dataEnd = lineEnd + 2 + size;
      if (buf.length < dataEnd + 2) return undefined;
      if (size === 0) {
        // No trailers are sent by either server: the last chunk ends with one empty line.
        this.consumed(buf, dataEnd + 2);
        return { status, body: Buffer.concat(parts), close };
      }
      parts.push(buf.subarray(lineEnd + 2, dataEnd));
      at = dataEnd + 2;
    }
  }

  private consumed(buf: Buffer, end: number): void {
    this.chunks = end < buf.length ? [buf.subarray(end)] : [];
    this.size = buf.length - end;
  }
}

/** A pool of kept-alive connections to one server, grown as requests need them. */
export class RawClient {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly host: string;
  private readonly port: number;

  constructor(url: string, private readonly headers: Record<string, string>) {
    const u = new URL(url);
    this.host = u.hostname;
    this.port = Number(u.port);
  }

  /** Sends one request; a stale kept-alive socket is retried once on a fresh one. */
  async request(method: string, path: string, body: string | undefined, timeoutMs: number): Promise<RawAnswer> {
    try {
      return await this.once(method, path, body, timeoutMs, false);
    } catch (error) {
      if (!(error instanceof StaleSocket)) throw error;
      return this.once(method, path, body, timeoutMs, true);
    }
  }

  private once(method: string, path: string, body: string | undefined, timeoutMs: number, fresh: boolean): Promise<RawAnswer> {
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const [name, value] of Object.entries(this.headers)) head += `${name}: ${value}\r\n`;
    if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
    head += '\r\n';
    return this.take(fresh).send(head, body, timeoutMs);
  }

  private take(fresh: boolean): Connection {
    while (!fresh && this.idle.length > 0) {
      const c = this.idle.pop()!;
      if (!c.closed) return c;
    }
    const c = new Connection(this.host, this.port, (free) => this.idle.push(free));
    this.all.add(c);
    c.socket.once('close', () => this.all.delete(c));
    return c;
  }

  /** Closes every connection. */
  destroy(): void {
    for (const c of this.all) c.socket.destroy();
    this.all.clear();
    this.idle.length = 0;
  }
}
