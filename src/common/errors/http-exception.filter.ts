import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { CommonErrors } from './common-errors';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

const STATUS_CODES: Record<number, keyof typeof CommonErrors.specs> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Picks English only when the client prefers it; Thai is the default for everyone else. */
export function prefersEnglish(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

/** Maps every error to the API's `{statusCode, code, message, details}` shape. */
export function toAppError(exception: unknown): AppError {
  if (exception instanceof AppError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (status === 400 && isBodyParserSyntaxError(exception)) return CommonErrors.MALFORMED_JSON();
    const key = STATUS_CODES[status];
    const details = typeof body === 'object' && body !== null && 'details' in body ? body.details : undefined;
    if (key) {
      const error = CommonErrors[key]((details as Record<string, unknown>) ?? {});
      return new AppError(error.code, status, error.messages, error.details);
    }
    return new AppError(`HTTP_${status}`, status, { th: exception.message, en: exception.message });
  }
  if (isBodyParserError(exception)) {
    if (exception.type === 'entity.too.large') return CommonErrors.PAYLOAD_TOO_LARGE();
    if (exception.type === 'entity.parse.failed') return CommonErrors.MALFORMED_JSON();
    return CommonErrors.VALIDATION_FAILED({ reason: exception.type });
  }
  return CommonErrors.INTERNAL_ERROR();
}

interface BodyParserError {
  type: string;
  status: number;
}
function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' && e !== null && 'type' in e && typeof (e as BodyParserError).type === 'string'
  );
}
function isBodyParserSyntaxError(e: HttpException): boolean {
  return e.cause instanceof SyntaxError || /JSON/.test(e.message);
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const error = toAppError(exception);
    if (error.status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ err: exception, path: request.url }, 'Unhandled error');
    }
    const body: ErrorBody = {
      statusCode: error.status,
      code: error.code,
      message: prefersEnglish(request.headers['accept-language']) ? error.messages.en : error.messages.th,
      details: error.details,
    };
    const retryAfter = error.details.retryAfterSeconds;
    if (error.status === 429 && typeof retryAfter === 'number') {
      response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(error.status).json(body);
  }
}
