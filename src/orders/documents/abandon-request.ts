import type { Request } from 'express';

/**
 * Stops reading an upload that is refused. What reads a body is whoever it is piped to (busboy would parse,
 * and so read, a 25 MB upload to its end before the 413 could go out), so the request is unpiped and paused.
 * `Connection: close` tells the client and any proxy that the rest will not be read: Node then closes the
 * socket once the error answer is written, instead of draining the body to keep the connection alive.
 */
export function abandonRequest(req: Request): void {
  req.unpipe();
  req.pause();
  const res = req.res;
  if (res && !res.headersSent) res.setHeader('Connection', 'close');
}
