import { WithoutIdempotency } from '../../common/idempotency/without-idempotency.decorator';
import {
  All,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { AcceptsDashboardCookie, dashboardCookie } from '../../access/dashboard-cookie';
import { TokenService } from '../../auth/token.service';
import { CommonErrors } from '../../common/errors/common-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Request, Response } from 'express';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import { IntegrityReportService, type IntegrityReport } from './integrity-report.service';
import { parseLimit } from './list-cursor';
import type { RetryAnswer } from './pipeline-views';
import { dashboardCookieSecure, QueueDashboard } from './queue-dashboard';
import { StuckDocumentsService, type StuckPage } from './stuck-documents.service';

/** The dla_admin's view of the document pipeline: stuck documents, integrity failures, retries. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class PipelineAdminController {
  constructor(
    private readonly stuck: StuckDocumentsService,
    private readonly integrity: IntegrityReportService,
  ) {}

  @Get('stuck')
  @Policy('read', 'QueueDashboard')
  listStuck(
    @CurrentCaller() caller: Caller,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<StuckPage> {
    return this.stuck.list(caller, parseLimit(limit), cursor);
  }

  /** Queues `documents.validate` again when the document is stuck; 202 either way (idempotent). */
  @Post(':id/retry')
  @HttpCode(202)
  @Policy('manage', 'QueueDashboard')
  retry(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<RetryAnswer> {
    return this.stuck.retry(caller, id);
  }

  @Get('integrity-report')
  @Policy('read', 'QueueDashboard')
  integrityReport(
    @CurrentCaller() caller: Caller,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<IntegrityReport> {
    return this.integrity.report(caller, parseLimit(limit), cursor);
  }
}

/** The board cookie's life: long enough to look into a queue, short enough that a leaked one soon dies. */
const DASHBOARD_TOKEN_TTL_SECONDS = 15 * 60;

/** bull-board at /api/queues: its UI and its JSON API, dla_admin only (it can retry and delete jobs). */
@ApiTags('documents')
@Controller()
export class QueueDashboardController {
  constructor(
    private readonly board: QueueDashboard,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sets the board's cookie, so the board can open in a tab of its own (see access/dashboard-cookie.ts):
   * a board token for the caller's session, never the bearer token itself (Set-Cookie headers end up in
   * proxies' and browsers' logs). The console calls this right before opening /api/queues.
   */
  @Post('queue-dashboard/session')
  @HttpCode(204)
  @WithoutIdempotency()
  @ApiBearerAuth()
  @Policy('manage', 'QueueDashboard')
  openSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) throw CommonErrors.UNAUTHENTICATED();
    const ttl = Math.min(DASHBOARD_TOKEN_TTL_SECONDS, this.config.jwt.accessTtlSeconds);
    const token = this.tokens.signDashboard(this.tokens.verifyAccess(bearer), ttl);
    res.setHeader('Set-Cookie', dashboardCookie(token, ttl, dashboardCookieSecure(this.config)));
  }

  /** `/api/queues` and everything under it (path-to-regexp 8: an optional wildcard segment). */
  @All('queues{/*path}')
  @ApiExcludeEndpoint()
  @Policy('manage', 'QueueDashboard')
  @AcceptsDashboardCookie()
  async serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    // A path bull-board does not know ends here as a 404: handing it on to Nest would reach other routes
    // with the rewritten URL, under a request the guard let in by the dashboard cookie.
    await new Promise<void>((resolve, reject) => {
      res.once('finish', resolve);
      res.once('close', resolve);
      this.board.handle(req, res, (error?: unknown) => reject(error ?? CommonErrors.NOT_FOUND()));
    });
  }
}
