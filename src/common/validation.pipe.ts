import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './errors/app-error';
import { CommonErrors } from './errors/common-errors';

interface FieldProblem {
  field: string;
  constraints: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, constraints: Object.keys(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Strict DTO validation: unknown fields are refused (so `role` in a body cannot escalate). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const names = fields.map((f) => f.field).join(', ');
      const base = CommonErrors.VALIDATION_FAILED({ fields });
      return new AppError(
        base.code,
        base.status,
        {
          th: `${base.messages.th}: ${names}`,
          en: `${base.messages.en}: ${names}`,
        },
        base.details,
      );
    },
  });
}
