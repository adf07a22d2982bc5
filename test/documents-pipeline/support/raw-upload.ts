import { request } from 'node:http';

export interface RawUploadResult {
  status: number | null;
  body: Record<string, unknown> | null;
  /** Body bytes the server's socket accepted before the answer came or the connection closed. */
  bytesWritten: number;
  totalBytes: number;
}

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
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const filler = fileBytes - 9;
  const totalBytes = head.length + filler + tail.length;
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  return new Promise((resolve) => {
    let bytesWritten = 0;
    let done = false;
    let answered = false;
    let writing = true;
    let status: number | null = null;
    let body: Record<string, unknown> | null = null;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve({ status, body, bytesWritten, totalBytes });
    };
    const req = request(url, {
      method: 'PUT',
      // No keep-alive pool: the socket is this upload's alone and ends with it.
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(opts.declareLength ? { 'content-length': String(totalBytes) } : {}),
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
    const open = (): boolean => !closed;
    const send = async (buf: Buffer): Promise<boolean> => {
      if (!open()) return false;
      const flushed = req.write(buf, (error) => {
        if (!error) bytesWritten += buf.length;
      });
      if (!flushed) {
        await new Promise<void>((ok) => {
          wake = ok;
          req.once('drain', ok);
        });
      }
      return open();
    };
    const write = async (): Promise<void> => {
      if (!(await send(head))) return;
      for (let left = filler; left > 0; left -= chunk.length) {
        if (!(await send(left >= chunk.length ? chunk : chunk.subarray(0, left)))) return;
      }
      if (await send(tail)) req.end();
    };
    const run = async (): Promise<void> => {
      await write();
      writing = false;
      if (answered) finish();
    };
    void run();
  });
}
