import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { text, type Request, type Response } from 'express';

export const MAX_CSV_BYTES = 20 * 1024 * 1024;

const parseCsv = text({ type: 'text/csv', limit: MAX_CSV_BYTES });

/**
 * Reads the `text/csv` body of the LAO import (up to 20 MB) into `req.body`. It is a route guard rather than
 * an app-wide body parser: route guards run after the global AccessGuard, so only a signed-in dla_admin's
 * body is ever buffered (an anonymous POST with text/csv anywhere is answered without reading it), and
 * before the interceptors, so the idempotency key's request hash covers the CSV. Other media types are
 * left unread for CsvBody to refuse (415).
 */
@Injectable()
export class CsvBodyReader implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) => {
      parseCsv(req, res, (error?: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
      );
    });
    return true;
  }
}
