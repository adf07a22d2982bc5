import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import type { AuthenticatedRequest } from './request-context';

/**
 * Audits the denials services decide on a loaded item (assertCan: "may revoke grants, but not this
 * one"), as the guard audits the route-level ones: every authorisation denial leaves a row.
 */
@Injectable()
export class DenialAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof AppError) || error.code !== 'FORBIDDEN' || !request.principal) {
          return throwError(() => error);
        }
        const path = (request.originalUrl ?? request.url).split('?')[0];
        const recorded = this.audit.record({
          action: 'access.denied',
          actor: request.principal,
          details: { ...error.details, method: request.method, path, decidedBy: 'service' },
        });
        return from(recorded).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
