import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DASHBOARD_COOKIE } from '../../access/dashboard-cookie';
import type { AppConfig } from '../../config/app-config';
import { QUEUE_NAMES } from '../../queue/job-catalogue';
import { QueueProducers } from '../../queue/queue-producers';

/** The board cookie is `Secure` in production (and wherever the console is served over https). */
export function dashboardCookieSecure(config: Pick<AppConfig, 'nodeEnv' | 'publicBaseUrl'>): boolean {
  return config.nodeEnv === 'production' || config.publicBaseUrl.startsWith('https:');
}

/** Where the board lives: under the API prefix, so the global AccessGuard covers every request to it. */
export const QUEUE_DASHBOARD_PATH = DASHBOARD_COOKIE.path;

/**
 * bull-board over every catalogue queue. It is not mounted as Express middleware (that would bypass the
 * AccessGuard and need a second permission check); QueueDashboardController hands it each request after
 * the guard has checked `manage QueueDashboard`, i.e. a dla_admin's bearer token.
 */
@Injectable()
export class QueueDashboard {
  private readonly router: RequestHandler;

  constructor(producers: QueueProducers) {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(producers.queue(name))),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Digital DLA' } },
    });
    // getRouter() is typed `any` by bull-board; it is an Express application, i.e. a request handler.
    const app = adapter.getRouter() as RequestHandler & { disable(setting: string): void };
    app.disable('x-powered-by');
    this.router = app;
  }

  /** The board routes relative to its mount point; Nest hands over the full URL. */
  handle(req: Request, res: Response, next: NextFunction): void {
    const rest = req.url.startsWith(QUEUE_DASHBOARD_PATH)
      ? req.url.slice(QUEUE_DASHBOARD_PATH.length)
      : req.url;
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    void this.router(req, res, next);
  }
}
