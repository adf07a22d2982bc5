import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A string of digits (Thai ๐-๙ or Arabic) or a JSON number; the service parses and range-checks it. */
export function IsDigitsOrNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDigitsOrNumber',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isSafeInteger(value)) ||
          (typeof value === 'string' && /^\s*(?:[0-9]{1,15}|[\u0e50-\u0e59]{1,15})\s*$/.test(value)),
      },
    },
    options,
  );
}
