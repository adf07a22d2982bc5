import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../access/request-context';
import { CommonErrors } from '../errors/common-errors';
import { invalidFields } from '../validation/invalid-fields';
import { findTextProblem } from '../validation/text-input';
import { IdempotencyService } from './idempotency.service';
import { WITHOUT_IDEMPOTENCY } from './without-idempotency.decorator';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Global for every signed-in POST (IdempotencyModule): with an `Idempotency-Key` header a repeated
 * request gets the first one's answer. Without the header, on other methods, on public routes (no
 * caller to scope the key to) and on `@WithoutIdempotency()` routes the request runs as usual. Runs
 * after the access guard, so the key is scoped to the caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly records: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || request.method !== 'POST' || !request.principal) return next.handle();
    if (this.reflector.get<boolean>(WITHOUT_IDEMPOTENCY, context.getHandler())) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw CommonErrors.VALIDATION_FAILED({
        fields: [{ field: 'Idempotency-Key', constraints: ['pattern'] }],
      });
    }
    const response = context.switchToHttp().getResponse<Response>();
    const id = `${request.principal.accountId}:${key}`;
    const path = (request.originalUrl ?? request.url).split('?')[0];
    // Interceptors run before pipes: hashing walks the body, so hostile nesting is refused here first.
    const problem = findTextProblem(request.body, '');
    if (problem) throw invalidFields([{ ...problem, field: problem.field || 'body' }]);
    const hash = this.records.hash(request.method, path, request.body);
    // Nest sets the status only when it writes the answer; the route's own code is what it will send.
    const declared: unknown = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler());
    const status = typeof declared === 'number' ? declared : request.method === 'POST' ? 201 : 200;
    return from(this.run(id, hash, status, response, next));
  }

  private async run(
    id: string,
    hash: string,
    status: number,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const stored = await this.records.claim(id, hash);
    if (stored) {
      response.status(stored.statusCode);
      response.setHeader('Idempotent-Replayed', 'true');
      return stored.body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.records.complete(id, { statusCode: status, body: body ?? null });
      return body;
    } catch (error) {
      await this.records.release(id);
      throw error;
    }
  }
}
