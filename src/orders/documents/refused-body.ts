import type { Request } from 'express';
import { abandonRequest } from './abandon-request';

export interface DrainBounds {
  /** Request body bytes read in all (before and after the refusal) past which reading stops. */
  bytes: number;
  /** How long after the refusal the rest may take to arrive. */
  ms: number;
  /** How long the client may pause sending. */
  idleMs: number;
}

/** Enough for an upload a few MB over the 20 MB limit (the common mistake) to end cleanly. */
export const REFUSED_BODY_DRAIN: DrainBounds = { bytes: 32 * 1024 * 1024, ms: 60_000, idleMs: 5_000 };

/**
 * Lets the client of a refused upload read the answer. Browsers and fetch send the whole body before they
 * read the answer, and Node closes the connection after an answer sent while the body is still arriving:
 * the client then sees EPIPE or a reset and never the 413 with its Thai message. So the rest of the body is
 * read and thrown away first (never buffered), within `bounds`; the caller answers once this resolves. Past
 * a bound, or when the body is declared larger than it, reading stops and the answer closes the connection.
 *
 * `alreadyRead` counts the body bytes consumed before the refusal.
 */
export function drainRefusedBody(req: Request, alreadyRead = 0, bounds = REFUSED_BODY_DRAIN): Promise<void> {
  req.unpipe();
  if (req.complete || req.readableEnded || req.destroyed) return Promise.resolve();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (alreadyRead > bounds.bytes || (Number.isFinite(declared) && declared > bounds.bytes)) {
    abandonRequest(req);
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    let read = alreadyRead;
    const finish = (complete: boolean): void => {
      clearTimeout(deadline);
      clearTimeout(idle);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      if (!complete) abandonRequest(req);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      read += chunk.length;
      if (read > bounds.bytes) finish(false);
      else idle.refresh();
    };
    const onEnd = (): void => finish(true);
    const onClose = (): void => finish(req.complete);
    const deadline = setTimeout(() => finish(false), bounds.ms);
    const idle = setTimeout(() => finish(false), bounds.idleMs);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.resume();
  });
}
