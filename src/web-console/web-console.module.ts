import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';

/** web/dist at the repository root, seen from `src/web-console` (tests) or `dist/src/web-console` (build). */
export function webConsoleRoot(): string | null {
  const candidates = [resolve(__dirname, '../../web/dist'), resolve(__dirname, '../../../web/dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Paths that belong to the API (404s included) or are missing build files, never the console's index.html. */
const NOT_CONSOLE = /^\/(?:api|health|assets)(?:\/|$)/;

/**
 * Serves the Thai web console (web/dist) at `/`: client-side routes such as /set-password?token=…
 * get index.html, while `/api/*` and `/health/*` stay the API's.
 *
 * Registered here rather than with @nestjs/serve-static's ServeStaticModule, which (5.0.5) picks its
 * loader when providers are built — in a TestingModule that is before the HTTP adapter exists, so it
 * silently serves nothing — and whose Express loader adds an error middleware that turns body-parser
 * errors on excluded paths (malformed JSON, 413 on /api/*) into 404s. Runs in onModuleInit, after the
 * API's routes, so they always match first. Looked up at start: without a web build nothing changes.
 */
@Module({})
export class WebConsoleModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    const root = webConsoleRoot();
    if (!root || !adapter || adapter.getType() !== 'express') return;
    const express = adapter as ExpressAdapter;
    const index = join(root, 'index.html');
    express.useStaticAssets(root, {
      index: false,
      // Hashed assets never change; everything else is revalidated.
      setHeaders: (res, path) =>
        res.setHeader(
          'Cache-Control',
          path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    express.getInstance<Express>().get('{*path}', (req: Request, res: Response, next: NextFunction) => {
      if (NOT_CONSOLE.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, (error?: Error) => error && next(error));
    });
  }
}
