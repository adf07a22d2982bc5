import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawUploadResult {
  status: number | null;
  body: Record<string, unknown> | null;
  /** Body bytes the server's socket accepted before the answer came or the connection closed. */
  bytesWritten: number;
  totalBytes: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x41);

/** `bytes` filler bytes in 64 KB chunks. */
export function* filler(bytes: number): Generator<Buffer> {
  for (let left = bytes; left > 0; left -= CHUNK.length)
    yield left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
}

export const filePartHead = (boundary: string, name = 'file'): Buffer =>
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="big.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );

/**
 * PUTs a multipart upload of `fileBytes` bytes (starting with `%PDF-`) in 64 KB chunks, with or without a
 * Content-Length, like a naive client: it goes on writing after an early answer, until the server closes
 * the connection. fetch() would hide how much of the body the server took; this shows whether a refused
 * upload was drained (every byte accepted) or cut off.
 */
export function rawPdfUpload(
  url: string,
  token: string,
  fileBytes: number,
  opts: { declareLength: boolean },
): Promise<RawUploadResult> {
  const boundary = `----dla${Date.now().toString(16)}`;
  const head = Buffer.concat([filePartHead(boundary), Buffer.from('%PDF-1.7\n')]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const totalBytes = head.length + fileBytes - 9 + tail.length;
  return rawUpload(
    url,
    token,
    boundary,
    [[head], filler(fileBytes - 9), [tail]],
    opts.declareLength ? totalBytes : undefined,
  );
}

/** PUTs the multipart body made of `parts` (each an iterable of chunks), chunked unless a length is given. */
export function rawUpload(
  url: string,
  token: string,
  boundary: string,
  parts: Iterable<Buffer>[],
  contentLength?: number,
): Promise<RawUploadResult> {
  return new Promise((resolve) => {
    let bytesWritten = 0;
    let totalBytes = 0;
    let done = false;
    let answered = false;
    let writing = true;
    let status: number | null = null;
    let body: Record<string, unknown> | null = null;
    const finish = (): void => {
      if (done) return;
      done = true;
      // Nothing more to send or read: free the socket (a server still draining would otherwise hold it).
      req.destroy();
      resolve({ status, body, bytesWritten, totalBytes: contentLength ?? totalBytes });
    };
    const req = request(url, {
      method: 'PUT',
      // No keep-alive pool: the socket is this upload's alone and ends with it.
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(contentLength !== undefined ? { 'content-length': String(contentLength) } : {}),
      },
    });
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
        answered = true;
        if (writing === false) finish();
      });
    });
    // EPIPE/ECONNRESET once the server stops reading and closes: expected here.
    req.on('error', () => setTimeout(finish, 500));
    let closed = false;
    let wake: (() => void) | undefined;
    req.on('close', () => {
      closed = true;
      wake?.();
    });
    const send = async (buf: Buffer): Promise<boolean> => {
      if (closed) return false;
      totalBytes += buf.length;
      const flushed = req.write(buf, (error) => {
        if (!error) bytesWritten += buf.length;
      });
      if (!flushed) {
        await new Promise<void>((ok) => {
          wake = ok;
          req.once('drain', ok);
        });
      }
      return !closed;
    };
    const write = async (): Promise<void> => {
      for (const part of parts) for (const chunk of part) if (!(await send(chunk))) return;
      req.end();
    };
    void write().then(() => {
      writing = false;
      if (answered) finish();
    });
  });
}

export interface SentThenRead {
  /** The write error (EPIPE, ECONNRESET) when the server cut the upload short; null when all was sent. */
  writeError: string | null;
  status: number | null;
  body: Record<string, unknown> | null;
}

/**
 * PUTs `body` with a Content-Length over a raw socket and reads nothing until every byte is written: what a
 * browser does with an upload form. A server that answers and closes while the body is still coming makes
 * this client fail with EPIPE or a reset and never see the answer.
 */
export function sendAllThenRead(
  url: string,
  token: string,
  contentType: string,
  body: Iterable<Buffer>,
  length: number,
): Promise<SentThenRead> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(target.port), target.hostname);
    socket.pause();
    let writeError: string | null = null;
    const received: Buffer[] = [];
    const settle = (): void => {
      const text = Buffer.concat(received).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1];
      const json = rest.join('\r\n\r\n');
      socket.destroy();
      resolve({
        writeError,
        status: status ? Number(status) : null,
        body: json ? (JSON.parse(json) as Record<string, unknown>) : null,
      });
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      writeError ??= error.code ?? error.message;
      settle();
    });
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      const text = Buffer.concat(received).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const declared = /content-length: (\d+)/i.exec(text.slice(0, end))?.[1];
      if (end >= 0 && declared && Buffer.byteLength(text.slice(end + 4)) >= Number(declared)) settle();
    });
    socket.on('end', settle);
    const write = (chunk: Buffer | string): Promise<boolean> =>
      new Promise((ok) => {
        if (socket.destroyed) return ok(false);
        if (socket.write(chunk)) ok(!socket.destroyed);
        else socket.once('drain', () => ok(!socket.destroyed));
      });
    socket.once('connect', () => {
      void (async () => {
        const head =
          `PUT ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: ${contentType}\r\nContent-Length: ${length}\r\n\r\n`;
        if (!(await write(head))) return;
        for (const chunk of body) if (!(await write(chunk))) return;
        // Everything is sent: only now read the answer.
        socket.resume();
      })();
    });
  });
}
