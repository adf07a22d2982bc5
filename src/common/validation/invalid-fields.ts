import { AppError } from '../errors/app-error';
import { CommonErrors } from '../errors/common-errors';

export interface FieldProblem {
  field: string;
  constraints: string[];
}

/** VALIDATION_FAILED naming the fields in its message, as the validation pipe answers. */
export function invalidFields(fields: FieldProblem[]): AppError {
  const names = fields.map((f) => f.field).join(', ');
  const base = CommonErrors.VALIDATION_FAILED({ fields });
  return new AppError(
    base.code,
    base.status,
    { th: `${base.messages.th}: ${names}`, en: `${base.messages.en}: ${names}` },
    base.details,
  );
}
