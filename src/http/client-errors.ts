import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common-errors';

/**
 * Requests Node's HTTP parser refuses never reach Express: by default Node answers a bare status line
 * (a 431 for a URL past 16 KB) with no body. Answer them in the API's error shape instead, in Thai (no
 * headers were parsed, so no Accept-Language), and close the connection as Node would.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refusal: AppError =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? CommonErrors.REQUEST_HEADERS_TOO_LARGE()
        : CommonErrors.MALFORMED_REQUEST({ reason: error.code ?? 'unknown' });
    const body = JSON.stringify({
      statusCode: refusal.status,
      code: refusal.code,
      message: refusal.messages.th,
      details: refusal.details,
    });
    socket.end(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
