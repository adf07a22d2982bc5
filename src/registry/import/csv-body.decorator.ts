import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CommonErrors } from '../../common/errors/common-errors';

/**
 * The raw `text/csv` body as a string, read by CsvBodyReader on this route only (20 MB). Any other
 * media type is refused with 415 rather than parsed as something it is not.
 */
export const CsvBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<Request>();
  if (!request.is('text/csv')) throw CommonErrors.UNSUPPORTED_MEDIA_TYPE({ expected: 'text/csv' });
  const body: unknown = request.body;
  return typeof body === 'string' ? body : '';
});
